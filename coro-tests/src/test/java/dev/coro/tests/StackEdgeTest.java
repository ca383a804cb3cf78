package dev.coro.tests;

import dev.coro.edge.StackEdgeMain;
import dev.coro.harness.Fork;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A thread near the end of its stack: a coroutine's first call (coro's runtime initialising, its
 * frame class being defined) at every depth near the limit, and a body that overflows inside nested {@code next()} calls, in forked JVMs
 * with the agent at several stack sizes. An overflow is an ordinary exception for the caller: the
 * call works one frame higher, every later coroutine works, no coroutine is left RUNNING, and
 * close() runs every suspended coroutine's finally.
 */
class StackEdgeTest {
    private static final int TRIALS = 10;
    private static final int NEST_TRIALS = 30;

    private static void atStackSize(String javaHome, String xss) throws Exception {
        Fork.Output out = Fork.run(javaHome, List.of("-Xss" + xss, "-javaagent:" + Fork.agentJar()),
                Fork.testClasspath(), StackEdgeMain.class.getName(), "" + TRIALS, "" + NEST_TRIALS);
        // The one thing printed may be the JVM's own: a transformer that overflowed on entry, before
        // any of its code could run (java.lang.instrument prints this and defines the class as given;
        // the counts below show every class of coro's was woven all the same).
        String jvmOwn = "*** java.lang.instrument ASSERTION FAILED ***: \"!errorOutstanding\" with message transform"
                + " method call failed at ";
        for (String line : out.stderr().lines().toList()) {
            assertEquals(jvmOwn, line.substring(0, Math.min(line.length(), jvmOwn.length())), "-Xss" + xss + ": " + out.stderr());
        }
        assertEquals("trials " + TRIALS + " deep-ok " + TRIALS + " later-ok " + TRIALS + "\n"
                + "nest trials " + NEST_TRIALS + " left-running 0 closed-without-finally 0 (each closed some)\n",
                out.stdout(), "-Xss" + xss);
        assertEquals(0, out.exitCode());
    }

    private static void onJdk(String javaHome) throws Exception {
        for (String xss : List.of("180k", "384k")) atStackSize(javaHome, xss);
    }

    @Test
    void onThisJdk() throws Exception {
        onJdk(null);
    }
}
