package dev.coro.harness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a class in a new JVM with {@code -javaagent:coro-agent.jar}, and captures what it prints. */
public final class Fork {
    private Fork() {}

    /** The output of a finished JVM. */
    public record Output(int exitCode, String stdout, String stderr) {}

    /** The agent jar the build made (the shaded one, ASM relocated). */
    public static Path agentJar() {
        return requiredPath("coro.agent.jar");
    }

    public static Path apiJar() {
        return requiredPath("coro.api.jar");
    }

    /** {@code java} of the JVM running the tests, or of {@code javaHome}. */
    public static Path java(String javaHome) {
        return Path.of(javaHome == null ? System.getProperty("java.home") : javaHome, "bin", "java");
    }

    public static Output run(String javaHome, List<String> jvmArgs, String classpath, String mainClass,
            String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java(javaHome).toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        File out = File.createTempFile("coro-fork", ".out");
        File err = File.createTempFile("coro-fork", ".err");
        pb.redirectOutput(out).redirectError(err);
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("forked JVM did not finish: " + cmd);
        }
        Output o = new Output(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
        out.delete();
        err.delete();
        return o;
    }

    /** This JVM's test classpath (test classes, coro-api, JUnit...). */
    public static String testClasspath() {
        String agent = agentJar().toString();
        List<String> parts = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!p.equals(agent)) parts.add(p);
        }
        return String.join(File.pathSeparator, parts);
    }

    private static Path requiredPath(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank() || v.startsWith("${")) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests with Maven");
        }
        return Path.of(v);
    }
}
