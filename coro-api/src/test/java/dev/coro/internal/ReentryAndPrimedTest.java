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
import dev.coro.StopIteration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.coro.internal.Checks.thrownBy;

import static dev.coro.internal.Checks.assertState;

/** RUNNING (re-entry from the body) and primed coroutines. */
class ReentryAndPrimedTest {

    // ------------------------------------------------------------------ re-entry

    @Test
    void everyOperationFromInsideTheBodyIsIllegalAndChangesNothing() {
        List<String> log = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        Frames.Reentrant r = Frames.reentrant(log, messages);
        assertEquals("first", r.next());
        assertEquals(List.of(
                "state RUNNING isDone false Coro[dev.coro.internal.Frames.reentrant, RUNNING]",
                "next ISE", "send ISE", "raise ISE", "close ISE", "result ISE",
                "still RUNNING"), log);
        assertEquals(4, messages.size());
        for (String m : messages) {
            assertTrue(m.contains("already running"), m);
            assertTrue(m.contains(Frames.PREFIX + "reentrant"), m);
        }
        assertState(r, SUSPENDED);
        assertEquals(1, r.label);
        assertEquals(0, r.clears);
        assertSame(Thread.currentThread(), r.aux);
    }

    @Test
    void uncaughtReentryEscapesTheBodyAndFinishesIt() {
        List<String> log = new ArrayList<>();
        Frames.Reentrant r = Frames.reentrant(log, new ArrayList<>());
        r.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.send("hello"));
        assertTrue(e.getMessage().contains("already running"), e.getMessage());
        assertEquals("sent hello", log.get(log.size() - 1));
        assertState(r, DONE);
        assertThrows(IllegalStateException.class, r::result);
        assertNull(assertThrows(StopIteration.class, r::next).value());
        assertEquals(1, r.clears);
        assertNull(r.me);
        assertNull(r.self);
    }

    // ------------------------------------------------------------------ primed

    @Test
    void primedCallRunsTheBodyToItsFirstSuspension() {
        List<String> log = new ArrayList<>();
        Frames.Grep g = Frames.grep("python", log);
        assertEquals(List.of("searching for python"), log);
        assertState(g, SUSPENDED);
        assertEquals(1, g.label);
        assertNull(g.send("java is fine"));
        assertNull(g.send("python generators"));
        assertNull(g.send("coroutines in python"));
        assertEquals(List.of("searching for python", "python generators", "coroutines in python"), log);
        assertState(g, SUSPENDED);
        g.close();
        assertState(g, DONE);
        assertEquals(1, g.clears);
        assertNull(g.log);
        assertNull(g.pattern);
    }

    @Test
    void primeOnAStartedCoroutineDoesNothing() {
        List<String> log = new ArrayList<>();
        Frames.Grep g = Frames.grep("x", log);
        assertSame(g, g.prime());
        assertEquals(List.of("searching for x"), log);
        assertState(g, SUSPENDED);
    }

    @Test
    void primedBodyThatReturnsBeforeSuspendingIsDoneWithItsResult() {
        List<String> log = new ArrayList<>();
        CoroFrame<String, String, String> g = new Frames.Guarded(log, 0).prime();
        assertState(g, DONE);
        assertEquals("finished", g.result());
        assertEquals(List.of("start", "finally"), log);
        assertEquals(1, ((Frames.Guarded) g).clears);
        // the result was never carried by a StopIteration, and never will be
        assertNull(assertThrows(StopIteration.class, g::next).value());
        assertNull(assertThrows(StopIteration.class, () -> g.send("x")).value());
        assertNull(assertThrows(StopIteration.class, g::next).value());
        assertEquals("finished", g.result());
        IOException io = new IOException("late");
        assertSame(io, thrownBy(() -> g.raise(io)));
        assertEquals(List.of("start", "finally"), log);
    }

    @Test
    void exceptionBeforeTheFirstSuspensionPropagatesFromThePrimedCall() {
        List<String> log = new ArrayList<>();
        IOException io = new IOException("cannot start");
        Frames.Failing f = new Frames.Failing(log, 0, io);
        assertSame(io, thrownBy(f::prime));
        assertEquals(List.of("throwing"), log);
        assertState(f, DONE);
        assertEquals(1, f.clears);
        assertThrows(IllegalStateException.class, f::result);
        assertNull(assertThrows(StopIteration.class, f::next).value());
    }

    @Test
    void stopIterationBeforeTheFirstSuspensionOfAPrimedCallIsWrapped() {
        StopIteration stop = new StopIteration("early");
        Frames.Failing f = new Frames.Failing(new ArrayList<>(), 0, stop);
        IllegalStateException ise = assertInstanceOf(IllegalStateException.class, thrownBy(f::prime));
        assertTrue(ise.getMessage().contains("coroutine raised StopIteration"), ise.getMessage());
        assertSame(stop, ise.getCause());
        assertState(f, DONE);
    }

    @Test
    void primedValueIsDiscardedAndTheNextCallGetsTheSecondYield() {
        Frames.Fibonacci fib = Frames.fibonacci(100);
        assertSame(fib, fib.prime()); // yields 0, discarded
        assertState(fib, SUSPENDED);
        assertEquals(1L, fib.next());
        assertEquals(1L, fib.next());
        assertEquals(2L, fib.next());
    }

    @Test
    void primedCoroutineAcceptsANonNullSendAtOnce() {
        List<String> log = new ArrayList<>();
        Frames.Averager avg = new Frames.Averager(log);
        avg.prime();
        assertEquals(10, avg.send(10)); // no "just created" error: it is suspended
        assertState(avg, SUSPENDED);
        assertEquals("n=1", assertThrows(StopIteration.class, avg::next).value());
    }

    @Test
    void createdIsObservableOnlyBeforeTheFirstResume() {
        Frames.Echo e = new Frames.Echo(2);
        assertState(e, CREATED);
        e.next();
        assertState(e, SUSPENDED);
    }
}
