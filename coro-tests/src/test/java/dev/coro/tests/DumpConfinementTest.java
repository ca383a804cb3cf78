package dev.coro.tests;

import dev.coro.churn.HostileNamesMain;
import dev.coro.harness.Fork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The agent's {@code dump=DIR} writes only under DIR, at the path the woven class file's own name
 * gives, whatever name a class loader passes; a class file whose own name leaves DIR is not dumped.
 */
class DumpConfinementTest {
    @TempDir
    Path tmp;

    private void confined(String javaHome) throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("a/b/dump"));
        Path target = tmp.resolve("escaped");
        Fork.Output out = Fork.run(javaHome, List.of("-javaagent:" + Fork.agentJar() + "=dump=" + dump),
                Fork.testClasspath(), HostileNamesMain.class.getName(), target.toString().substring(1));
        // the class file's own hostile name is not even woven now (an illegal class name is a corrupt
        // class file); Dump's own refusal of such a name is DumpTest's, in coro-agent
        assertEquals("coro: EscapedToo.class: ......EscapedToo: corrupt class file: constant pool entry 2 (tag 7) names"
                + " an illegal class, member or type\ncoro: <unnamed class> was left unwoven\n", out.stderr());
        assertEquals("loader's name: java.lang.NoClassDefFoundError\nfile's name: java.lang.ClassFormatError\n",
                out.stdout());
        try (Stream<Path> files = Files.walk(tmp)) {
            assertEquals(List.of(dump.resolve("dev/coro/churn/Churned.class")),
                    files.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void onThisJdk() throws Exception {
        confined(null);
    }
}
