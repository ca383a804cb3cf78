package dev.coro.weaver.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncrementalStateTest {
    private static final long SECOND = 1_000_000_000L;
    /** A time with sub-millisecond digits: a fine-grained file system. */
    private static final IncrementalState.Stat FINE = new IncrementalState.Stat(100, 1_700_000_000L * SECOND + 123_456_789);
    /** A whole-second time: a coarse file system. */
    private static final IncrementalState.Stat COARSE = new IncrementalState.Stat(100, 1_700_000_000L * SECOND);

    @TempDir
    Path tmp;

    private IncrementalState state(long recordedAt, IncrementalState.Stat stat) {
        return new IncrementalState(tmp.resolve("classes"), recordedAt,
                Map.of("p/A.class", new IncrementalState.Entry(stat, IncrementalState.hash(bytes("A")))));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void roundTripsThroughItsFile() throws Exception {
        Path file = tmp.resolve("coro/weave.state");
        state(FINE.mtimeNanos() + SECOND, FINE).save(file);
        IncrementalState loaded = IncrementalState.load(file, tmp.resolve("classes"));
        assertEquals(1, loaded.size());
        assertEquals(FINE, loaded.entry("p/A.class").stat());
        assertTrue(loaded.unchanged("p/A.class", FINE));
        assertTrue(loaded.sameContent("p/A.class", bytes("A")));
    }

    @Test
    void keepsPathsWithSpaces() throws Exception {
        Path file = tmp.resolve("s.state");
        new IncrementalState(tmp, 0, Map.of("a b/C D.class", new IncrementalState.Entry(FINE, "00"))).save(file);
        assertEquals(FINE, IncrementalState.load(file, tmp).entry("a b/C D.class").stat());
    }

    @Test
    void aStateForAnotherDirectoryIsEmpty() throws Exception {
        Path file = tmp.resolve("s.state");
        state(0, FINE).save(file);
        assertEquals(0, IncrementalState.load(file, tmp.resolve("other")).size());
    }

    @Test
    void aMissingOrDamagedStateIsEmpty() throws Exception {
        assertEquals(0, IncrementalState.load(tmp.resolve("none.state"), tmp).size());
        Path file = tmp.resolve("s.state");
        state(0, FINE).save(file);
        Files.writeString(file, Files.readString(file).replace("recordedAt=", "recordedAt=x"));
        assertEquals(0, IncrementalState.load(file, tmp.resolve("classes")).size());
        Files.writeString(file, "something else\n");
        assertEquals(0, IncrementalState.load(file, tmp.resolve("classes")).size());
    }

    @Test
    void aDifferentSizeOrTimeIsAChange() {
        IncrementalState s = state(FINE.mtimeNanos() + 10 * SECOND, FINE);
        assertFalse(s.unchanged("p/A.class", new IncrementalState.Stat(101, FINE.mtimeNanos())));
        assertFalse(s.unchanged("p/A.class", new IncrementalState.Stat(100, FINE.mtimeNanos() + 1)));
        assertFalse(s.unchanged("p/B.class", FINE));
        assertNull(s.entry("p/B.class"));
    }

    @Test
    void aFineGrainedTimeIsTrustedEvenWhenRecent() {
        assertTrue(state(FINE.mtimeNanos(), FINE).unchanged("p/A.class", FINE));
    }

    @Test
    void aCoarseTimeIsTrustedOnlyWellBeforeTheRecordingRun() {
        assertFalse(state(COARSE.mtimeNanos(), COARSE).unchanged("p/A.class", COARSE), "same tick: racy");
        assertFalse(state(COARSE.mtimeNanos() + SECOND, COARSE).unchanged("p/A.class", COARSE), "1s: racy");
        assertTrue(state(COARSE.mtimeNanos() + 3 * SECOND, COARSE).unchanged("p/A.class", COARSE));
    }

    @Test
    void comparesContentByHash() {
        IncrementalState s = state(0, COARSE);
        assertTrue(s.sameContent("p/A.class", bytes("A")));
        assertFalse(s.sameContent("p/A.class", bytes("B")));
        assertFalse(s.sameContent("p/B.class", bytes("A")));
    }
}
