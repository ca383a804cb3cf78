package dev.coro.internal;

import static dev.coro.Coro.State.CREATED;
import static dev.coro.Coro.State.DONE;
import static dev.coro.Coro.State.SUSPENDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coro.Coro;
import dev.coro.CoroutineExit;
import dev.coro.StopIteration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.coro.internal.Checks.thrownBy;

import static dev.coro.internal.Checks.assertState;

/** close() in every state and for every way a body can react to CoroutineExit. */
class CloseTest {

    @Test
    void closeOnCreatedFinishesWithoutRunningTheBody() {
        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(3, log);
        r.close();
        assertState(r, DONE);
        assertEquals(List.of(), log); // no "finally": the try was never entered
        assertEquals(1, r.clears);
        assertNull(r.log);
        assertThrows(IllegalStateException.class, r::result);
        assertNull(assertThrows(StopIteration.class, r::next).value());
        r.close();
        assertState(r, DONE);
        assertEquals(1, r.clears);
    }

    @Test
    void closeOnSuspendedRunsFinallyAndFinishes() {
        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(5, log);
        assertEquals(0, r.next());
        assertEquals(1, r.next());
        r.close();
        assertEquals(List.of("yield 0", "resumed 0", "yield 1", "finally"), log);
        assertState(r, DONE);
        assertThrows(IllegalStateException.class, r::result);
        assertNull(assertThrows(StopIteration.class, r::next).value());
        assertNull(r.log);
        assertEquals(1, r.clears);
    }

    @Test
    void closeRunsFinallyOfNestedTryFromEitherResumePoint() {
        List<String> log = new ArrayList<>();
        Frames.Guarded g = new Frames.Guarded(log, 3);
        g.next();
        g.close(); // CoroutineExit is an Error: the catch (RuntimeException) does not take it
        assertEquals(List.of("start", "finally"), log);
        assertState(g, DONE);

        List<String> log2 = new ArrayList<>();
        Frames.Guarded g2 = new Frames.Guarded(log2, 3);
        g2.next();
        assertEquals("recovered 0", g2.raise(new IllegalArgumentException("x")));
        g2.close();
        assertEquals(List.of("start", "caught x", "finally"), log2);
        assertState(g2, DONE);
    }

    @Test
    void closeOnDoneDoesNothing() {
        // after return
        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(1, log);
        r.next();
        assertEquals("range 1", assertThrows(StopIteration.class, r::next).value());
        r.close();
        r.close();
        assertState(r, DONE);
        assertEquals("range 1", r.result());
        assertEquals(List.of("yield 0", "resumed 0", "finally"), log);
        assertEquals(1, r.clears);

        // after failure
        Frames.Failing f = new Frames.Failing(new ArrayList<>(), 0, new IOException("x"));
        thrownBy(f::next);
        f.close();
        assertState(f, DONE);
        assertEquals(1, f.clears);

        // after close
        Frames.Counter c = new Frames.Counter(new ArrayList<>(), "return");
        c.next();
        c.close();
        c.close();
        assertEquals("closed at 0", c.result());
        assertEquals(1, c.clears);
    }

    @Test
    void bodyThatCatchesExitAndReturnsGivesCloseNormalReturnAndResult() {
        List<String> log = new ArrayList<>();
        Frames.Counter c = new Frames.Counter(log, "return");
        assertEquals(0, c.next());
        assertEquals(1, c.next());
        assertEquals(2, c.next());
        c.close();
        assertEquals(List.of("exit at 2"), log);
        assertState(c, DONE);
        assertEquals("closed at 2", c.result());
        // no StopIteration carried the value, so every later next/send reports null
        assertNull(assertThrows(StopIteration.class, c::next).value());
        assertNull(assertThrows(StopIteration.class, () -> c.send(null)).value());
        assertEquals("closed at 2", c.result());
        assertEquals(1, c.clears);
        assertNull(c.log);
        assertNull(c.onExit);
    }

    @Test
    void bodyThatCatchesExitAndRethrowsIt() {
        List<String> log = new ArrayList<>();
        Frames.Counter c = new Frames.Counter(log, "rethrow");
        c.next();
        c.close();
        assertEquals(List.of("exit at 0"), log);
        assertState(c, DONE);
        assertThrows(IllegalStateException.class, c::result);
    }

    @Test
    void otherExceptionFromTheBodyPropagatesFromClose() {
        List<String> log = new ArrayList<>();
        Frames.Counter c = new Frames.Counter(log, "io");
        c.next();
        Throwable t = thrownBy(c::close);
        IOException io = assertInstanceOf(IOException.class, t);
        assertEquals("cleanup failed", io.getMessage());
        assertEquals(List.of("exit at 0"), log);
        assertState(c, DONE);
        assertThrows(IllegalStateException.class, c::result);
        assertEquals(1, c.clears);
        c.close(); // now a no-op
    }

    @Test
    void stopIterationFromTheBodyDuringCloseIsWrapped() {
        Frames.Counter c = new Frames.Counter(new ArrayList<>(), "stop");
        c.next();
        Throwable t = thrownBy(c::close);
        IllegalStateException ise = assertInstanceOf(IllegalStateException.class, t);
        assertTrue(ise.getMessage().contains("coroutine raised StopIteration"), ise.getMessage());
        StopIteration cause = assertInstanceOf(StopIteration.class, ise.getCause());
        assertEquals("from handler", cause.value());
        assertState(c, DONE);
        assertThrows(IllegalStateException.class, c::result);
    }

    @Test
    void bodyThatYieldsAfterExitMakesCloseFailAndStaysSuspended() {
        List<String> log = new ArrayList<>();
        Frames.Stubborn s = new Frames.Stubborn(log);
        assertEquals("working", s.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, s::close);
        assertTrue(e.getMessage().contains("ignored CoroutineExit"), e.getMessage());
        assertEquals(List.of("ignoring exit"), log);
        assertState(s, SUSPENDED);
        assertEquals(2, s.label); // suspended at the yield in the catch block
        assertEquals(0, s.clears);
        assertThrows(IllegalStateException.class, s::result);

        // it resumes from that yield
        assertEquals("working", s.next());
        assertEquals(List.of("ignoring exit", "resumed after ignoring"), log);
        assertEquals(1, s.label);

        // and ignores a second close the same way
        assertThrows(IllegalStateException.class, s::close);
        assertEquals(2, s.label);
        assertState(s, SUSPENDED);

        // closed at the yield in the catch block, where nothing catches the exit: it finishes
        s.close();
        assertState(s, DONE);
        assertEquals(List.of("ignoring exit", "resumed after ignoring", "ignoring exit"), log);
        assertEquals(1, s.clears);
        assertNull(s.log);
        assertNull(assertThrows(StopIteration.class, s::next).value());
    }

    @Test
    void theExitThrownInIsACoroutineExit() {
        // raise(new CoroutineExit()) and close() deliver the same kind of throwable
        List<String> log = new ArrayList<>();
        Frames.Stubborn s = new Frames.Stubborn(log);
        s.next();
        assertEquals("still here", s.raise(new CoroutineExit()));
        assertEquals(List.of("ignoring exit"), log);
        CoroutineExit exit = new CoroutineExit();
        assertSame(exit, thrownBy(() -> s.raise(exit)));
        assertState(s, DONE);
    }

    @Test
    void closeOnAPrimedCoroutineThatReturnedKeepsItsResult() {
        List<String> log = new ArrayList<>();
        CoroFrame<String, String, String> g = new Frames.Guarded(log, 0).prime();
        assertState(g, DONE);
        g.close();
        assertState(g, DONE);
        assertEquals("finished", g.result());
        assertEquals(List.of("start", "finally"), log);
    }

    @Test
    void autoCloseableInTryWithResources() {
        List<String> log = new ArrayList<>();
        try (Coro<Integer, Void, String> r = new Frames.Range(10, log)) {
            assertEquals(0, r.next());
            assertEquals(1, r.next());
        }
        assertEquals(List.of("yield 0", "resumed 0", "yield 1", "finally"), log);
    }

    @Test
    void createdStateIsKeptUntilCloseThenDone() {
        Frames.Range r = new Frames.Range(1, new ArrayList<>());
        assertState(r, CREATED);
        r.close();
        assertState(r, DONE);
    }
}
