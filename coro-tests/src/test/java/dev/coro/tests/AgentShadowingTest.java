package dev.coro.tests;

import dev.coro.churn.LoaderChurnMain;
import dev.coro.harness.Fork;
import dev.coro.testkit.Javac;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The agent's own weaver cannot be shadowed: with an application class path that comes first and
 * holds a different {@code dev.coro.weaver.Weaver} (as a benchmarks jar with coro-weaver inside
 * does), the agent still weaves with its own, relocated copy.
 */
class AgentShadowingTest {
    @TempDir
    Path tmp;

    private void notShadowed(String javaHome) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/dev/coro/weaver"));
        Files.writeString(src.resolve("Weaver.java"), """
                package dev.coro.weaver;
                public final class Weaver {
                    public static boolean needsWeaving(byte[] classFile) {
                        throw new IllegalStateException("the application's dev.coro.weaver.Weaver ran inside the agent");
                    }
                }
                """);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Javac.compile(classes, "", List.of(), List.of(src.resolve("Weaver.java")));
        String classpath = classes + File.pathSeparator + Fork.testClasspath();
        Fork.Output out = Fork.run(javaHome, List.of("-javaagent:" + Fork.agentJar()), classpath,
                LoaderChurnMain.class.getName(), "3");
        assertEquals("", out.stderr());
        assertEquals("ran 3 sums=18 failed 0 kept 0\n", out.stdout());
    }

    @Test
    void onThisJdk() throws Exception {
        notShadowed(null);
    }
}
