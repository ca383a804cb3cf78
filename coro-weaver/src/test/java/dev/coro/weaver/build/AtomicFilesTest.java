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

    @Test
    void theNextBuildRemovesWhatAKilledOneLeft() throws Exception {
        Path pkg = Files.createDirectories(tmp.resolve("p/q"));
        Path cls = Files.write(pkg.resolve("Foo.class"), new byte[] {1});
        Path left = Files.write(pkg.resolve(".Foo.class.3f9a0c1d2e4b5a67.tmp"), new byte[0]);
        Path leftTop = Files.write(tmp.resolve(".Bar$1.class.a.tmp"), new byte[0]);
        Path notOurs = Files.write(pkg.resolve(".Foo.class.xyz.tmp"), new byte[0]);
        Path notOurs2 = Files.write(pkg.resolve("Foo.class.12.tmp"), new byte[0]);
        assertEquals(List.of(leftTop, left), AtomicFiles.removeLeftovers(tmp));
        try (Stream<Path> files = Files.walk(tmp)) {
            assertEquals(List.of(tmp, pkg.getParent(), pkg, notOurs, cls, notOurs2), files.sorted().toList());
        }
        assertEquals(List.of(), AtomicFiles.removeLeftovers(tmp));
    }
}
