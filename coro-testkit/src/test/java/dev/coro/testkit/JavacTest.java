package dev.coro.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavacTest {
    @TempDir
    Path dir;

    @Test
    void filesATreeAndSourcesInMemoryCompileIntoTheDirectory() throws Exception {
        Path src = dir.resolve("src/p");
        Files.createDirectories(src);
        Files.writeString(src.resolve("A.java"), "package p; public class A {}");
        Javac.compile(dir.resolve("one"), "", List.of("--release", "8"), List.of(src.resolve("A.java")));
        assertEquals(52, ClassFiles.majorVersion(Files.readAllBytes(dir.resolve("one/p/A.class"))));
        Javac.compileTree(dir.resolve("src"), dir.resolve("tree"), "", List.of());
        assertTrue(Files.isRegularFile(dir.resolve("tree/p/A.class")));
        Javac.compileSources(dir.resolve("mem"), Map.of("q/B.java", "package q; class B {}"));
        assertEquals(61, ClassFiles.majorVersion(Files.readAllBytes(dir.resolve("mem/q/B.class"))), "--release 17");
    }

    @Test
    void aFailedCompilationSaysWhatJavacSaid() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Javac.compileSources(dir.resolve("bad"), Map.of("Bad.java", "class Bad { int x = \"s\"; }")));
        assertTrue(e.getMessage().startsWith("compilation failed:\n"), e.getMessage());
        assertTrue(e.getMessage().contains("incompatible types: String cannot be converted to int"), e.getMessage());
    }
}
