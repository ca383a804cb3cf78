package dev.coro.junit;

import dev.coro.testkit.Javac;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real JUnit console launcher ({@code junit-platform-console-standalone}) in a forked JVM, as an IDE
 * runs the platform, over a test class with a coroutine: coro-junit on the class path is all it takes.
 * Runs on the JDK running the build (17), and on JDK 25 in the build's second run.
 */
class ConsoleLauncherTest {
    private static final String TEST = """
            package demo;

            import dev.coro.Coro;
            import dev.coro.Coroutine;
            import dev.coro.Yield;
            import org.junit.jupiter.api.Test;

            import java.util.ArrayList;
            import java.util.List;

            import static org.junit.jupiter.api.Assertions.assertEquals;

            class FibonacciTest {
                @Coroutine
                static Coro<Integer, Void, Void> fibonacci(int n) {
                    int a = 0, b = 1;
                    for (int i = 0; i < n; i++) {
                        Yield.value(a);
                        int t = a + b; a = b; b = t;
                    }
                    return Yield.done();
                }

                @Test
                void firstSeven() {
                    List<Integer> xs = new ArrayList<>();
                    for (int x : fibonacci(7)) xs.add(x);
                    assertEquals(List.of(0, 1, 1, 2, 3, 5, 8), xs);
                }
            }
            """;

    /** What JDK 21 and later print when an agent is loaded into a running JVM. */
    static final String DYNAMIC_AGENT_WARNING = """
            WARNING: A Java agent has been loaded dynamically (%s)
            WARNING: If a serviceability tool is in use, please run with -XX:+EnableDynamicAgentLoading to hide this warning
            WARNING: If a serviceability tool is not in use, please run with -Djdk.instrument.traceUsage for more information
            WARNING: Dynamic loading of agents will be disallowed by default in a future release
            """;

    @TempDir
    static Path dir;
    private static Path classes;

    record Output(int exitCode, String stdout, String stderr) {}

    private static Path property(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank() || v.startsWith("${")) throw new IllegalStateException(name + " is not set: run with Maven");
        return Path.of(v);
    }

    @BeforeAll
    static void compileTheTestClass() throws Exception {
        Path source = dir.resolve("src/demo/FibonacciTest.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, TEST);
        classes = dir.resolve("classes");
        Javac.compile(classes, cp(property("console.launcher.jar"), property("coro.api.jar")),
                List.of("--release", "17", "-proc:none"), List.of(source));
    }

    private static String cp(Path... parts) {
        return Javac.classpath(parts);
    }

    /** The test's class path as a user's build gives it: coro-junit and what it depends on. */
    private static String withCoroJunit() {
        return cp(classes, property("coro.api.jar"), property("coro.junit.classes"), property("coro.agent.jar"),
                property("bytebuddy.agent.jar"));
    }

    private static Output launch(List<String> jvmArgs, String classpath) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", property("console.launcher.jar").toString(), "execute", "--disable-banner",
                "--disable-ansi-colors", "--details=summary", "--class-path", classpath,
                "--select-class", "demo.FibonacciTest"));
        File out = File.createTempFile("launcher", ".out");
        File err = File.createTempFile("launcher", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the console launcher did not finish");
        }
        Output o = new Output(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
        out.delete();
        err.delete();
        return o;
    }

    private static boolean warnsAboutDynamicAgents() {
        return Runtime.version().feature() >= 21;
    }

    @Test
    void aCoroutineInATestRunsWovenWithCoroJunitOnTheClassPath() throws Exception {
        Output out = launch(List.of(), withCoroJunit());
        assertEquals(0, out.exitCode(), out.stdout() + out.stderr());
        assertTrue(out.stdout().contains("[         1 tests successful      ]"), out.stdout());
        String expectedErr = warnsAboutDynamicAgents() ? DYNAMIC_AGENT_WARNING.formatted(property("coro.agent.jar")) : "";
        assertEquals(expectedErr, out.stderr());
    }

    @Test
    void enableDynamicAgentLoadingSilencesTheWarning() throws Exception {
        Output out = launch(List.of("-XX:+EnableDynamicAgentLoading"), withCoroJunit());
        assertEquals(0, out.exitCode(), out.stdout() + out.stderr());
        assertTrue(out.stdout().contains("[         1 tests successful      ]"), out.stdout());
        assertEquals("", out.stderr());
    }

    @Test
    void withoutCoroJunitTheCoroutineIsNotWovenAndTheErrorSaysWhy() throws Exception {
        Output out = launch(List.of(), cp(classes, property("coro.api.jar")));
        assertEquals(1, out.exitCode(), out.stdout() + out.stderr());
        assertTrue(out.stdout().contains("[         1 tests failed          ]"), out.stdout());
        assertTrue(out.stdout().contains("Yield.value() called in demo.FibonacciTest.fibonacci, which was not woven"
                + " into a coroutine: there is no coro agent in this JVM"), out.stdout());
    }

    @Test
    void whenTheJvmRefusesTheAttachTheRunGoesOnAndTheErrorSaysWhy() throws Exception {
        Output out = launch(List.of("-XX:-EnableDynamicAgentLoading"), withCoroJunit());
        assertEquals(1, out.exitCode(), out.stdout() + out.stderr());
        String agent = property("coro.agent.jar").toString();
        String failure = "java.lang.IllegalStateException: Could not self-attach to current VM using external process -"
                + " set a property net.bytebuddy.agent.attacher.dump to dump the process output to a file at the"
                + " specified location";
        assertEquals("coro-junit: could not attach coro's agent (" + agent + ") to this JVM: " + failure
                + "; coroutines in this run stay unwoven. Run the tests with -javaagent:" + agent + " instead.\n",
                out.stderr());
        assertTrue(out.stdout().contains("[         1 tests failed          ]"), out.stdout());
        assertTrue(out.stdout().contains("Yield.value() called in demo.FibonacciTest.fibonacci, which was not woven"
                + " into a coroutine: coro-junit could not attach the coro agent to this JVM (" + failure + "): run"
                + " the tests with -javaagent:coro-agent.jar, or weave at build time"), out.stdout());
    }

    @Test
    void anAgentGivenWithJavaagentIsNotAttachedAgain() throws Exception {
        Path agent = property("coro.agent.jar");
        Output out = launch(List.of("-javaagent:" + agent + "=verbose", "-Dcoro.agent.options=verbose"), withCoroJunit());
        assertEquals(0, out.exitCode(), out.stdout() + out.stderr());
        assertTrue(out.stdout().contains("[         1 tests successful      ]"), out.stdout());
        // installed once, woven once, and no dynamic-agent warning: coro-junit saw the agent and did not attach
        assertEquals("coro: agent installed (verbose=true, dump=off, verify=true)\n"
                + "coro: wove demo.FibonacciTest\n", out.stderr());
    }

    @Test
    void agentOptionsComeFromASystemProperty() throws Exception {
        Output out = launch(List.of("-XX:+EnableDynamicAgentLoading", "-Dcoro.agent.options=verbose"), withCoroJunit());
        assertEquals(0, out.exitCode(), out.stdout() + out.stderr());
        assertEquals("coro: agent installed (verbose=true, dump=off, verify=true)\n"
                + "coro: wove demo.FibonacciTest\n", out.stderr());
    }
}
