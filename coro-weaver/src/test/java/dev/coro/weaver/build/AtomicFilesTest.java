package dev.coro.weaver.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void replacesTheContentAndLeavesNoTemporaryFile() throws Exception {
        Path file = Files.write(tmp.resolve("A.class"), new byte[] {1, 2, 3});
        AtomicFiles.replace(file, new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void createsAFileThatDidNotExist() throws Exception {
        Path file = tmp.resolve("new.state");
        AtomicFiles.replace(file, new byte[] {7});
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(file));
    }
}
