package dev.coro.agent;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** dump=DIR resolves a class's name under DIR and refuses any name that would leave it. */
class DumpTest {
    private static final Path ROOT = Path.of("/tmp/dump-root");

    @Test
    void aNameResolvesUnderTheDirectory() {
        assertEquals(Path.of("/tmp/dump-root/a/b/C$D.class"), Dump.confined(ROOT, "a/b/C$D"));
    }

    @Test
    void namesThatWouldLeaveTheDirectoryAreRefused() {
        for (String hostile : new String[] {"../../EscapedToo", "/tmp/x/Escaped", "a/../../b", "a//b", ".", "",
                "a/./b", "a\\b", "c:x"}) {
            assertNull(Dump.confined(ROOT, hostile), hostile);
        }
        assertNull(Dump.confined(ROOT, null));
    }
}
