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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.coro.internal.Checks.thrownBy;

import static dev.coro.internal.Checks.assertState;

/** Exceptions escaping the body, raise() in every state, and PEP 479. */
class ExceptionsTest {

    private static void assertPep479(Throwable thrown, StopIteration original) {
        IllegalStateException ise = assertInstanceOf(IllegalStateException.class, thrown);
        assertTrue(ise.getMessage().contains("coroutine raised StopIteration"), ise.getMessage());
        assertSame(original, ise.getCause());
    }

    /** Something like assertThrows, for any Throwable, checked ones included. */
    // ------------------------------------------------------------------ exceptions from the body

    @Test
    void checkedExceptionPropagatesUnchangedAndCoroutineIsDone() {
        List<String> log = new ArrayList<>();
        IOException problem = new IOException("disk full");
        Frames.Failing f = new Frames.Failing(log, 2, problem);
        assertEquals(0, f.next());
        assertEquals(1, f.next());
        assertEquals(List.of(), log);
        assertSame(problem, thrownBy(f::next));
        assertEquals(List.of("throwing"), log);
        assertState(f, DONE);
        assertNull(f.aux);
        IllegalStateException noResult = assertThrows(IllegalStateException.class, f::result);
        assertTrue(noResult.getMessage().contains("DONE"), noResult.getMessage());
    }

    @Test
    void checkedExceptionFromFirstNextPropagatesUnchanged() {
        List<String> log = new ArrayList<>();
        SQLException problem = new SQLException("no table");
        Frames.Failing f = new Frames.Failing(log, 0, problem);
        assertSame(problem, thrownBy(f::next));
        assertState(f, DONE);
        assertEquals(List.of("throwing"), log);
    }

    @Test
    void uncheckedExceptionFromSendPropagatesUnchanged() {
        List<String> log = new ArrayList<>();
        Frames.Grep g = new Frames.Grep("x", log);
        assertNull(g.next());
        // line.contains(pattern) on a null line: the NPE escapes the body
        assertInstanceOf(NullPointerException.class, thrownBy(g::next));
        assertState(g, DONE);
    }

    @Test
    void afterFailureNextAndSendThrowStopIterationWithNullValue() {
        Frames.Failing f = new Frames.Failing(new ArrayList<>(), 1, new IOException("x"));
        f.next();
        thrownBy(f::next);
        for (int k = 0; k < 2; k++) {
            assertNull(assertThrows(StopIteration.class, f::next).value());
            assertNull(assertThrows(StopIteration.class, () -> f.send(null)).value());
        }
        assertState(f, DONE);
    }

    /** A log whose {@code add("finally")} fails: the body's finally throws. */
    static List<String> failingFinallyLog(RuntimeException failure) {
        return new ArrayList<String>() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean add(String s) {
                if (s.equals("finally")) throw failure;
                return super.add(s);
            }
        };
    }

    @Test
    void finallyThatThrowsAfterDoneTurnsTheReturnIntoAFailure() {
        // return Yield.done("range 1") runs done() first, then the finally, which throws
        IllegalArgumentException failure = new IllegalArgumentException("finally failed");
        List<String> log = failingFinallyLog(failure);
        Frames.Range r = new Frames.Range(1, log);
        assertEquals(0, r.next());
        assertSame(failure, thrownBy(r::next));
        assertEquals(List.of("yield 0", "resumed 0"), log);
        assertState(r, DONE);
        IllegalStateException noResult = assertThrows(IllegalStateException.class, r::result);
        assertTrue(noResult.getMessage().contains("DONE"), noResult.getMessage());
        assertNull(r.aux); // the recorded result is dropped
        assertEquals(1, r.clears);
        assertNull(assertThrows(StopIteration.class, r::next).value());
    }

    @Test
    void finallyThatThrowsDuringCloseMakesClosePropagateIt() {
        IllegalArgumentException failure = new IllegalArgumentException("finally failed");
        Frames.Range r = new Frames.Range(5, failingFinallyLog(failure));
        r.next();
        assertSame(failure, thrownBy(r::close));
        assertState(r, DONE);
        assertThrows(IllegalStateException.class, r::result);
    }

    // ------------------------------------------------------------------ raise on SUSPENDED

    @Test
    void raiseCaughtByBodyThatYieldsReturnsTheYieldedValue() {
        List<String> log = new ArrayList<>();
        Frames.Guarded g = new Frames.Guarded(log, 3);
        assertEquals("y0", g.next());
        assertEquals("recovered 0", g.raise(new IllegalArgumentException("bad input")));
        assertState(g, SUSPENDED);
        assertEquals(2, g.label);
        assertEquals("y1", g.send("ignored: sent to the recovered yield"));
        assertEquals("y2", g.send("b"));
        StopIteration s = assertThrows(StopIteration.class, () -> g.send("c"));
        assertEquals("finished", s.value());
        assertEquals(List.of("start", "caught bad input", "got b", "got c", "finally"), log);
    }

    @Test
    void raiseOfStopIterationCaughtByBodyIsNotWrapped() {
        List<String> log = new ArrayList<>();
        Frames.Guarded g = new Frames.Guarded(log, 3);
        g.next();
        assertEquals("recovered 0", g.raise(new StopIteration("thrown in")));
        assertEquals(List.of("start", "caught coroutine returned thrown in"), log);
        assertState(g, SUSPENDED);
    }

    @Test
    void raiseNotCaughtPropagatesUnchangedAfterFinally() {
        List<String> log = new ArrayList<>();
        Frames.Guarded g = new Frames.Guarded(log, 3);
        g.next();
        IOException io = new IOException("not a RuntimeException");
        assertSame(io, thrownBy(() -> g.raise(io)));
        assertEquals(List.of("start", "finally"), log);
        assertState(g, DONE);
        assertThrows(IllegalStateException.class, g::result);
        assertEquals(1, g.clears);
    }

    @Test
    void raiseAtASecondResumePointOutsideTheCatchPropagates() {
        List<String> log = new ArrayList<>();
        Frames.Guarded g = new Frames.Guarded(log, 3);
        g.next();
        assertEquals("recovered 0", g.raise(new IllegalArgumentException("one")));
        IllegalArgumentException two = new IllegalArgumentException("two");
        assertSame(two, thrownBy(() -> g.raise(two))); // point 2 is in the catch block: not caught again
        assertEquals(List.of("start", "caught one", "finally"), log);
        assertState(g, DONE);
    }

    @Test
    void raiseThatMakesTheBodyReturnThrowsStopIterationWithTheResult() {
        List<String> log = new ArrayList<>();
        Frames.Guarded g = new Frames.Guarded(log, 1);
        g.next();
        assertEquals("recovered 0", g.raise(new IllegalStateException("late")));
        StopIteration s = assertThrows(StopIteration.class, g::next); // i++ -> loop ends -> return
        assertEquals("finished", s.value());
        assertEquals("finished", g.result());

        Frames.Counter c = new Frames.Counter(new ArrayList<>(), "return");
        c.next();
        c.next();
        StopIteration fromRaise = assertThrows(StopIteration.class, () -> c.raise(new CoroutineExit()));
        assertEquals("closed at 1", fromRaise.value());
        assertEquals("closed at 1", c.result());
        assertState(c, DONE);
    }

    @Test
    void raiseOfCoroutineExitNotCaughtPropagatesUnchanged() {
        Frames.Range r = new Frames.Range(3, new ArrayList<>());
        r.next();
        CoroutineExit exit = new CoroutineExit();
        assertSame(exit, thrownBy(() -> r.raise(exit)));
        assertState(r, DONE);
    }

    @Test
    void raiseNullIsANullPointerExceptionAndChangesNothing() {
        Frames.Range r = new Frames.Range(3, new ArrayList<>());
        assertThrows(NullPointerException.class, () -> r.raise(null));
        assertState(r, CREATED);
        r.next();
        assertThrows(NullPointerException.class, () -> r.raise(null));
        assertState(r, SUSPENDED);
        assertEquals(1, r.next());
    }

    // ------------------------------------------------------------------ raise on CREATED

    @Test
    void raiseOnCreatedThrowsWithoutRunningTheBodyAndFinishesIt() {
        List<String> log = new ArrayList<>();
        Frames.Guarded g = new Frames.Guarded(log, 3);
        IOException io = new IOException("before start");
        assertSame(io, thrownBy(() -> g.raise(io)));
        assertEquals(List.of(), log); // not even "start", and no finally: the try was never entered
        assertState(g, DONE);
        assertEquals(1, g.clears);
        assertNull(g.log);
        assertThrows(IllegalStateException.class, g::result);
        assertNull(assertThrows(StopIteration.class, g::next).value());
        assertNull(assertThrows(StopIteration.class, () -> g.send("x")).value());
        g.close(); // DONE stays DONE
        assertState(g, DONE);
        assertEquals(1, g.clears);
    }

    @Test
    void raiseOfCaughtTypeOnCreatedIsNotCaughtByTheBody() {
        List<String> log = new ArrayList<>();
        Frames.Guarded g = new Frames.Guarded(log, 3);
        IllegalArgumentException e = new IllegalArgumentException("would be caught if the body had started");
        assertSame(e, thrownBy(() -> g.raise(e)));
        assertEquals(List.of(), log);
        assertState(g, DONE);
    }

    @Test
    void raiseOfStopIterationOnCreatedIsWrappedPerPep479() {
        List<String> log = new ArrayList<>();
        Frames.Guarded g = new Frames.Guarded(log, 3);
        StopIteration stop = new StopIteration("early");
        assertPep479(thrownBy(() -> g.raise(stop)), stop);
        assertEquals(List.of(), log);
        assertState(g, DONE);
    }

    @Test
    void raiseOfCoroutineExitOnCreatedIsThrownBack() {
        Frames.Range r = new Frames.Range(3, new ArrayList<>());
        CoroutineExit exit = new CoroutineExit();
        assertSame(exit, thrownBy(() -> r.raise(exit)));
        assertState(r, DONE);
    }

    // ------------------------------------------------------------------ raise on DONE

    @Test
    void raiseOnDoneIsThrownStraightBack() {
        // after return
        Frames.Echo returned = new Frames.Echo(0);
        assertThrows(StopIteration.class, returned::next);
        IOException io = new IOException("late");
        assertSame(io, thrownBy(() -> returned.raise(io)));
        assertState(returned, DONE);
        assertEquals(0, returned.result()); // the result is untouched
        // a StopIteration is thrown back as it is: it does not escape a body
        StopIteration stop = new StopIteration("x");
        assertSame(stop, thrownBy(() -> returned.raise(stop)));

        // after failure
        Frames.Failing failed = new Frames.Failing(new ArrayList<>(), 0, new IOException("first"));
        thrownBy(failed::next);
        Error err = new AssertionError("second");
        assertSame(err, thrownBy(() -> failed.raise(err)));
        assertState(failed, DONE);

        // after close
        List<String> log = new ArrayList<>();
        Frames.Range closed = new Frames.Range(3, log);
        closed.next();
        closed.close();
        RuntimeException rt = new RuntimeException("after close");
        assertSame(rt, thrownBy(() -> closed.raise(rt)));
        assertEquals(List.of("yield 0", "finally"), log); // the body did not run again
        assertEquals(1, closed.clears);
    }

    // ------------------------------------------------------------------ PEP 479

    @Test
    void stopIterationThrownByTheBodyIsWrapped() {
        List<String> log = new ArrayList<>();
        StopIteration stop = new StopIteration("escaping");
        Frames.Failing f = new Frames.Failing(log, 1, stop);
        assertEquals(0, f.next());
        assertPep479(thrownBy(f::next), stop);
        assertState(f, DONE);
        assertThrows(IllegalStateException.class, f::result); // wrapped: never mistaken for a return
        assertNull(f.aux);
    }

    @Test
    void stopIterationFromAnotherCoroutinesNextIsWrapped() {
        Frames.Guarded exhausted = new Frames.Guarded(new ArrayList<>(), 0);
        Frames.FirstOfEach f = new Frames.FirstOfEach(List.of(Frames.fibonacci(100), exhausted));
        assertEquals(0L, f.next());
        Throwable t = thrownBy(f::next);
        IllegalStateException ise = assertInstanceOf(IllegalStateException.class, t);
        assertTrue(ise.getMessage().contains("coroutine raised StopIteration"), ise.getMessage());
        StopIteration cause = assertInstanceOf(StopIteration.class, ise.getCause());
        assertEquals("finished", cause.value()); // the original, with the inner coroutine's result
        assertState(f, DONE);
        assertThrows(IllegalStateException.class, f::result);
        assertNull(assertThrows(StopIteration.class, f::next).value());
        assertNull(f.sources);
        assertNull(f.it);
    }

    @Test
    void stopIterationRaisedInAndNotCaughtIsWrapped() {
        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(3, log);
        r.next();
        StopIteration stop = new StopIteration(42);
        assertPep479(thrownBy(() -> r.raise(stop)), stop);
        assertEquals(List.of("yield 0", "finally"), log);
        assertState(r, DONE);
        assertThrows(IllegalStateException.class, r::result);
    }

    @Test
    void firstOfEachReturnsNormallyWhenNoSourceIsExhausted() {
        Frames.FirstOfEach f = new Frames.FirstOfEach(List.of(Frames.fibonacci(100), new Frames.Echo(3)));
        assertEquals(0L, f.next());
        assertNull(f.next()); // echo's first yield is null
        StopIteration s = assertThrows(StopIteration.class, f::next);
        assertNull(s.value());
        assertState(f, DONE);
    }
}
