package dev.coro.harness;

import dev.coro.testkit.Javac;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/** Small throwaway projects for the tools' tests: sources written to disk, compiled, jarred, run. */
public final class Projects {
    private Projects() {}

    /** Writes each source under {@code dir} (names like {@code src/main/java/p/Gen.java}). */
    public static void write(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
    }

    /** Compiles every {@code .java} file under {@code sources} into {@code out}, against {@code classpath}. */
    public static void javac(Path sources, Path out, String classpath) {
        Javac.compileTree(sources, out, classpath, List.of("--release", "17", "-proc:none"));
    }

    /**
     * Jars {@code classes} with a manifest naming {@code mainClass}, a resource and an empty directory
     * entry, stored and deflated entries mixed: what a rewrite must carry over.
     */
    public static void jar(Path classes, Path jar, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        manifest.getMainAttributes().putValue("Built-By", "coro tests");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, manifest)) {
            out.putNextEntry(new ZipEntry("assets/"));
            out.closeEntry();
            ZipEntry stored = new ZipEntry("assets/greeting.txt");
            byte[] text = "hello from a resource\n".getBytes(StandardCharsets.UTF_8);
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(text.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(text);
            stored.setCrc(crc.getValue());
            out.putNextEntry(stored);
            out.write(text);
            out.closeEntry();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(classes)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                out.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
    }

    /** Runs {@code command} in {@code dir} and waits for it (two minutes at most). */
    public static Fork.Output run(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        File out = File.createTempFile("coro-run", ".out");
        File err = File.createTempFile("coro-run", ".err");
        pb.redirectOutput(out).redirectError(err);
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        Fork.Output o = new Fork.Output(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
        out.delete();
        err.delete();
        return o;
    }
}
