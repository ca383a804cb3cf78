package dev.coro.tests;

import dev.coro.churn.LoaderChurnMain;
import dev.coro.harness.Fork;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Weaving never keeps a class loader alive: 200 throwaway loaders, each defining and running a
 * woven coroutine class under the real agent jar, are all collected, exactly as without the agent.
 */
class ClassLoaderChurnTest {
    private static final int LOADERS = 200;

    private static void churn(String javaHome) throws Exception {
        List<String> gc = List.of("-Xmx128m", "-XX:+UseSerialGC");
        Fork.Output plain = Fork.run(javaHome, gc, Fork.testClasspath(), LoaderChurnMain.class.getName(), "" + LOADERS);
        assertEquals("ran " + LOADERS + " sums=0 failed " + LOADERS + " kept 0\n", plain.stdout(), plain.stderr());
        Fork.Output woven = Fork.run(javaHome, concat(gc, "-Xverify:all", "-javaagent:" + Fork.agentJar()),
                Fork.testClasspath(), LoaderChurnMain.class.getName(), "" + LOADERS);
        assertEquals("", woven.stderr());
        assertEquals("ran " + LOADERS + " sums=" + 6 * LOADERS + " failed 0 kept 0\n", woven.stdout());
        assertEquals(0, woven.exitCode());
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(List.of(b));
        return out;
    }

    @Test
    void everyLoaderIsCollectedOnThisJdk() throws Exception {
        churn(null);
    }
}
