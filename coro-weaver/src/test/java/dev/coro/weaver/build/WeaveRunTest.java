package dev.coro.weaver.build;

import dev.coro.testkit.Javac;
import dev.coro.weaver.ClassHierarchy;
import dev.coro.weaver.Diagnostic;
import dev.coro.weaver.Weaver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.coro.testkit.SampleSources.BAD;
import static dev.coro.testkit.SampleSources.GEN;
import static dev.coro.testkit.SampleSources.PLAIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeaveRunTest {
    @TempDir
    Path classes;
    private Weaver weaver;

    @BeforeEach
    void setUp() throws Exception {
        weaver = new Weaver(new ClassHierarchy(ClasspathLocator.open(List.of(classes))), true);
    }

    private WeaveRun.Outcome run(IncrementalState previous) throws Exception {
        return WeaveRun.weave(classes, previous, weaver);
    }

    @Test
    void wovenInMemoryOnlyTheClassesWithCoroutines() throws Exception {
        Javac.compileSources(classes, Map.of("p/Gen.java", GEN, "p/Plain.java", PLAIN));
        byte[] before = Files.readAllBytes(classes.resolve("p/Gen.class"));
        WeaveRun.Outcome o = run(IncrementalState.empty(classes));
        assertFalse(o.failed());
        assertEquals(1, o.woven().size());
        assertEquals("p/Gen.class", o.woven().get(0).path());
        assertEquals("p.Gen", o.woven().get(0).className());
        assertFalse(Weaver.needsWeaving(o.woven().get(0).bytes()), "carries the woven marker");
        assertEquals(List.of("p/Plain.class"), List.copyOf(o.kept().keySet()));
        assertEquals(2, o.classFiles());
        assertEquals(2, o.read());
        assertArrayEquals(before, Files.readAllBytes(classes.resolve("p/Gen.class")), "nothing written");
    }

    @Test
    void aSecondRunReadsNothingThatDidNotChange() throws Exception {
        Javac.compileSources(classes, Map.of("p/Gen.java", GEN, "p/Plain.java", PLAIN));
        WeaveRun.Outcome first = run(IncrementalState.empty(classes));
        Path gen = classes.resolve("p/Gen.class");
        AtomicFiles.replace(gen, first.woven().get(0).bytes());
        Map<String, IncrementalState.Entry> entries = new java.util.TreeMap<>(first.kept());
        entries.put("p/Gen.class", new IncrementalState.Entry(IncrementalState.Stat.of(gen),
                IncrementalState.hash(first.woven().get(0).bytes())));
        IncrementalState state = new IncrementalState(classes, 0, entries);

        WeaveRun.Outcome second = run(state);
        assertTrue(second.woven().isEmpty());
        assertEquals(2, second.classFiles());
        assertEquals(2, second.kept().size());
        // the temp dir's times are fine-grained here; on a coarse file system the files are read and hashed
        if (IncrementalState.Stat.of(gen).finelyTimed()) assertEquals(0, second.read());
    }

    @Test
    void aWovenClassIsNotWovenAgainEvenWithoutState() throws Exception {
        Javac.compileSources(classes, Map.of("p/Gen.java", GEN));
        WeaveRun.Outcome first = run(IncrementalState.empty(classes));
        AtomicFiles.replace(classes.resolve("p/Gen.class"), first.woven().get(0).bytes());
        WeaveRun.Outcome again = run(IncrementalState.empty(classes));
        assertTrue(again.woven().isEmpty());
        assertEquals(1, again.read());
    }

    @Test
    void aChangedClassIsReadAgain() throws Exception {
        Javac.compileSources(classes, Map.of("p/Gen.java", GEN, "p/Plain.java", PLAIN));
        WeaveRun.Outcome first = run(IncrementalState.empty(classes));
        IncrementalState state = new IncrementalState(classes, 0, first.kept());
        Javac.compileSources(classes, Map.of("p/Plain.java", PLAIN.replace("{}", "{ int x; }")));
        WeaveRun.Outcome second = run(state);
        assertEquals(1, second.woven().size(), "Gen was never recorded as done, so it is woven");
        assertEquals(2, second.read());
    }

    @Test
    void reportsEveryProblemWithItsLine() throws Exception {
        Javac.compileSources(classes, Map.of("p/Bad.java", BAD, "p/Gen.java", GEN));
        WeaveRun.Outcome o = run(IncrementalState.empty(classes));
        assertTrue(o.failed());
        assertEquals(List.of("Bad.java:9: p.Bad.locked(): Yield.value inside a synchronized block",
                "Bad.java:15: p.Bad.lambda$each$0(): Yield.value outside a @Coroutine method",
                "Bad.java:19: p.Bad.plain(): Yield.await outside a @Coroutine method"),
                o.diagnostics().stream().map(Diagnostic::format).toList());
        assertEquals(List.of(Diagnostic.Code.YIELD_IN_SYNCHRONIZED, Diagnostic.Code.YIELD_OUTSIDE_COROUTINE,
                Diagnostic.Code.YIELD_OUTSIDE_COROUTINE), o.diagnostics().stream().map(Diagnostic::code).toList());
        assertEquals(1, o.woven().size(), "the caller decides not to write it");
    }

    @Test
    void aCorruptClassFileIsNamedByItsPath() throws Exception {
        Javac.compileSources(classes, Map.of("p/Gen.java", GEN));
        Path gen = classes.resolve("p/Gen.class");
        byte[] b = Files.readAllBytes(gen);
        // cut inside the constant pool, after a mention of dev/coro: not even the class name can be read
        Path cut = Files.write(classes.resolve("p/Cut.class"), java.util.Arrays.copyOf(b, 60));
        WeaveRun.Outcome o = run(IncrementalState.empty(classes));
        assertEquals(List.of(cut + ": p.Cut: truncated class file: the constant pool ends early"),
                o.diagnostics().stream().map(Diagnostic::format).toList());
    }
}
