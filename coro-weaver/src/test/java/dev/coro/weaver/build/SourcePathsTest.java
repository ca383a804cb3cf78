package dev.coro.weaver.build;

import dev.coro.weaver.Diagnostic;
import dev.coro.weaver.Diagnostic.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourcePathsTest {
    @TempDir
    Path project;

    private static Diagnostic d(Code code, String cls, String method, String file) {
        return new Diagnostic(code, cls, method, file, 12, "the message");
    }

    @Test
    void aFileUnderTheProjectIsShownRelativeToIt() throws Exception {
        Files.createDirectories(project.resolve("src/test/java/p"));
        Files.writeString(project.resolve("src/test/java/p/Trees.java"), "");
        SourcePaths paths = SourcePaths.conventional(project);
        assertEquals("src/test/java/p/Trees.java:12: p.Trees.walk(): the message",
                paths.describe(d(Code.YIELD_IN_SYNCHRONIZED, "p.Trees", "walk", "Trees.java")));
        // a nested class's diagnostic names the outer class's source file
        assertEquals("src/test/java/p/Trees.java:12: p.Trees$Node.walk(): the message",
                paths.describe(d(Code.YIELD_IN_SYNCHRONIZED, "p.Trees$Node", "walk", "Trees.java")));
    }

    @Test
    void aFileElsewhereIsAbsoluteAndAMissingOneIsItsPackagePath() throws Exception {
        Path roots = Files.createDirectories(project.resolve("elsewhere/p"));
        Files.writeString(roots.resolve("Trees.java"), "");
        SourcePaths paths = new SourcePaths(List.of(project.resolve("elsewhere")), null);
        assertEquals(roots.resolve("Trees.java").toAbsolutePath() + ":12: p.Trees.walk(): the message",
                paths.describe(d(Code.YIELD_IN_SYNCHRONIZED, "p.Trees", "walk", "Trees.java")));
        assertEquals("q/Gone.java:12: q.Gone.walk(): the message",
                paths.describe(d(Code.YIELD_IN_SYNCHRONIZED, "q.Gone", "walk", "Gone.java")));
        assertEquals("q/Gone.class:12: q.Gone: the message",
                paths.describe(d(Code.BAD_CLASS_FILE, "q.Gone", null, null)));
    }

    @Test
    void lambdasAreNamedByTheMethodTheyAreWrittenIn() {
        assertEquals("a lambda in p.Trees.each()", SourcePaths.where(d(Code.YIELD_OUTSIDE_COROUTINE, "p.Trees", "lambda$each$0", "T.java")));
        assertEquals("a lambda in a constructor of p.Trees", SourcePaths.where(d(Code.YIELD_OUTSIDE_COROUTINE, "p.Trees", "lambda$new$3", "T.java")));
        assertEquals("a lambda in the static initializer of p.Trees", SourcePaths.where(d(Code.YIELD_OUTSIDE_COROUTINE, "p.Trees", "lambda$static$1", "T.java")));
        assertEquals("a lambda in p.Trees", SourcePaths.where(d(Code.YIELD_OUTSIDE_COROUTINE, "p.Trees", "lambda$0", "T.java")));
        assertEquals("a constructor of p.Trees", SourcePaths.where(d(Code.YIELD_OUTSIDE_COROUTINE, "p.Trees", "<init>", "T.java")));
        assertEquals("p.Trees.each()", SourcePaths.where(d(Code.YIELD_OUTSIDE_COROUTINE, "p.Trees", "each", "T.java")));
    }

    @Test
    void eachRejectionHasAHint() {
        assertEquals("annotate the method with @dev.coro.Coroutine and make it return Coro<Y, S, R>",
                SourcePaths.hint(d(Code.YIELD_OUTSIDE_COROUTINE, "p.T", "each", "T.java")));
        assertEquals("a lambda's body is a method of its own and cannot suspend the coroutine: loop over the elements"
                + " in the coroutine itself, or yield them all with Yield.from(iterable)",
                SourcePaths.hint(d(Code.YIELD_OUTSIDE_COROUTINE, "p.T", "lambda$each$0", "T.java")));
        assertEquals("move the Yield out of the synchronized block: a suspended coroutine cannot hold a monitor"
                + " (take the lock again after resuming)", SourcePaths.hint(d(Code.YIELD_IN_SYNCHRONIZED, "p.T", "m", "T.java")));
        for (Code code : Code.values()) {
            String hint = SourcePaths.hint(d(code, "p.T", "m", "T.java"));
            assertEquals(true, hint != null && !hint.isBlank() && hint.indexOf('\n') < 0, code + ": one line of hint");
        }
    }
}
