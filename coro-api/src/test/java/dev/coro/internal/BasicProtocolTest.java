package dev.coro.internal;

import static dev.coro.Coro.State.CREATED;
import static dev.coro.Coro.State.DONE;
import static dev.coro.Coro.State.SUSPENDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coro.Coro;
import dev.coro.StopIteration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.coro.internal.Checks.assertState;

/** next/send/result/state/isDone/toString on the simple, well-behaved frames. */
class BasicProtocolTest {

    @Test
    void creatingRunsNothing() {
        List<String> log = new ArrayList<>();
        Frames.Averager avg = new Frames.Averager(log);
        assertState(avg, CREATED);
        assertEquals(CoroFrame.CREATED, avg.label);
        assertSame(Thread.currentThread(), avg.aux); // its owner: the creating thread
        assertEquals(List.of(), log);
        assertEquals(0, avg.clears);
    }

    @Test
    void fibonacciYieldsEachValueThenStopIterationWithNullValue() {
        Frames.Fibonacci fib = Frames.fibonacci(100);
        assertState(fib, CREATED);
        List<Long> got = new ArrayList<>();
        StopIteration stop;
        while (true) {
            try {
                got.add(fib.next());
            } catch (StopIteration s) {
                stop = s;
                break;
            }
            assertState(fib, SUSPENDED);
            assertEquals(1, fib.label);
        }
        assertEquals(List.of(0L, 1L, 1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L, 55L), got);
        assertNull(stop.value());
        assertInstanceOf(NoSuchElementException.class, stop);
        assertState(fib, DONE);
        assertNull(fib.result()); // returned with done(): result is null, no exception
    }

    @Test
    void nextIsSendNull() {
        Frames.Echo e = new Frames.Echo(4);
        assertNull(e.send(null));      // start: yields v == null
        assertEquals("a", e.send("a"));
        assertNull(e.next());          // next() sends null
        assertEquals("b", e.send("b"));
        StopIteration s = assertThrows(StopIteration.class, () -> e.send("c"));
        assertEquals(4, s.value());
        assertEquals(4, e.result());
    }

    @Test
    void averagerSendsValuesAndReturnsResultInStopIteration() {
        List<String> log = new ArrayList<>();
        Frames.Averager avg = new Frames.Averager(log);
        assertEquals(0, avg.next());
        assertEquals(List.of("start"), log);
        assertState(avg, SUSPENDED);
        assertEquals(10, avg.send(10));
        assertEquals(15, avg.send(20));
        assertEquals(20, avg.send(30));
        assertState(avg, SUSPENDED);

        StopIteration stop = assertThrows(StopIteration.class, () -> avg.send(null));
        assertEquals("n=3", stop.value());
        assertEquals("coroutine returned n=3", stop.getMessage());
        assertEquals(List.of("start", "seen [10, 20, 30]"), log);
        assertState(avg, DONE);
        assertEquals("n=3", avg.result());
    }

    @Test
    void everyLaterNextOrSendAfterReturnThrowsStopIterationWithNullValue() {
        List<String> log = new ArrayList<>();
        Frames.Averager avg = new Frames.Averager(log);
        avg.next();
        avg.send(4);
        assertEquals("n=1", assertThrows(StopIteration.class, avg::next).value());
        for (int k = 0; k < 3; k++) {
            assertNull(assertThrows(StopIteration.class, avg::next).value());
            assertNull(assertThrows(StopIteration.class, () -> avg.send(7)).value());
            assertNull(assertThrows(StopIteration.class, () -> avg.send(null)).value());
        }
        assertEquals("n=1", avg.result()); // the result stays
        assertState(avg, DONE);
        assertEquals(List.of("start", "seen [4]"), log); // the body never ran again
    }

    @Test
    void sendNonNullOnCreatedIsIllegalAndChangesNothing() {
        List<String> log = new ArrayList<>();
        Frames.Averager avg = new Frames.Averager(log);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> avg.send(5));
        assertTrue(e.getMessage().contains(Frames.PREFIX + "averager"), e.getMessage());
        assertState(avg, CREATED);
        assertEquals(List.of(), log);
        assertEquals(0, avg.clears);
        assertThrows(IllegalStateException.class, () -> avg.result());
        // it can still be started normally, and then sent to
        assertEquals(0, avg.next());
        assertEquals(5, avg.send(5));
        assertEquals(List.of("start"), log);
    }

    @Test
    void sendNullOnCreatedStarts() {
        List<String> log = new ArrayList<>();
        Frames.Averager avg = new Frames.Averager(log);
        assertEquals(0, avg.send(null));
        assertState(avg, SUSPENDED);
        assertEquals(List.of("start"), log);
    }

    @Test
    void bodyThatReturnsAtOnceThrowsStopIterationFromFirstNext() {
        List<String> log = new ArrayList<>();
        Frames.Guarded g = new Frames.Guarded(log, 0);
        StopIteration s = assertThrows(StopIteration.class, g::next);
        assertEquals("finished", s.value());
        assertEquals(List.of("start", "finally"), log);
        assertState(g, DONE);
        assertEquals("finished", g.result());
        assertNull(assertThrows(StopIteration.class, g::next).value());
    }

    @Test
    void resultInEveryStateButReturned() {
        List<String> log = new ArrayList<>();
        Frames.Averager avg = new Frames.Averager(log);
        IllegalStateException created = assertThrows(IllegalStateException.class, avg::result);
        assertTrue(created.getMessage().contains("CREATED"), created.getMessage());
        avg.next();
        IllegalStateException suspended = assertThrows(IllegalStateException.class, avg::result);
        assertTrue(suspended.getMessage().contains("SUSPENDED"), suspended.getMessage());
        avg.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, avg::result);
        assertTrue(closed.getMessage().contains("DONE"), closed.getMessage());
        // RUNNING: see ReentryTest; failed: see ExceptionsTest
    }

    @Test
    void nullResultIsAResult() {
        Frames.Counter c = new Frames.Counter(new ArrayList<>(), "return null");
        c.next();
        c.close();
        assertState(c, DONE);
        assertNull(c.result());
    }

    @Test
    void labelsAndAuxFollowTheDocumentedEncoding() {
        List<String> log = new ArrayList<>();
        Frames.Averager avg = new Frames.Averager(log);
        assertEquals(CoroFrame.CREATED, avg.label);
        avg.next();
        assertEquals(1, avg.label);
        avg.send(2);
        assertEquals(2, avg.label);
        assertSame(Thread.currentThread(), avg.aux);
        assertThrows(StopIteration.class, avg::next);
        assertTrue(avg.label < CoroFrame.RUNNING);
        assertEquals("n=1", avg.aux);
    }

    @Test
    void resumedFromADifferentThreadEachTime() throws Exception {
        Frames.Fibonacci fib = Frames.fibonacci(100);
        List<Long> got = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = Collections.synchronizedSet(new java.util.HashSet<>());
        for (int k = 0; k < 6; k++) {
            Thread t = new Thread(() -> {
                got.add(fib.next());
                threads.add(Thread.currentThread().getName());
            }, "resumer-" + k);
            t.start();
            t.join();
        }
        assertEquals(List.of(0L, 1L, 1L, 2L, 3L, 5L), got);
        assertEquals(6, threads.size());
        assertState(fib, SUSPENDED);
        assertEquals("resumer-5", ((Thread) fib.aux).getName()); // each resume claimed it in turn
        assertEquals(8L, fib.next());
        assertSame(Thread.currentThread(), fib.aux);
    }

    @Test
    void aClaimThatFindsTheLabelMovedFailsLoudlyAndChangesNothing() throws Exception {
        Frames.Fibonacci fib = Frames.fibonacci(100);
        assertEquals(0L, fib.next());
        Thread other = new Thread(() -> { }, "other");
        fib.aux = other; // as if another thread had resumed it last
        // the claim takes the frame's monitor: hold it, let this thread's resume wait there, and move the
        // label meanwhile, as another thread's resume that finished in between would
        Throwable[] failure = new Throwable[1];
        Thread resumer = new Thread(() -> {
            try {
                fib.next();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "resumer");
        synchronized (fib) {
            resumer.start();
            while (resumer.getState() != Thread.State.BLOCKED) Thread.sleep(1);
            fib.label = 2;
        }
        resumer.join(10_000);
        assertEquals(IllegalStateException.class, failure[0].getClass());
        assertEquals("coroutine dev.coro.internal.Frames.fibonacci is running in another thread: next/send must not"
                + " resume a coroutine while another thread does (resume it from one thread at a time)",
                failure[0].getMessage());
        assertEquals(2, fib.label);
        assertSame(other, fib.aux);
    }

    @Test
    void toStringNamesMethodAndState() {
        List<String> log = new ArrayList<>();
        Frames.Averager avg = new Frames.Averager(log);
        assertEquals("Coro[dev.coro.internal.Frames.averager, CREATED]", avg.toString());
        avg.next();
        assertEquals("Coro[dev.coro.internal.Frames.averager, SUSPENDED at Averager.java:31]", avg.toString());
        avg.send(4);
        assertEquals("Coro[dev.coro.internal.Frames.averager, SUSPENDED at Averager.java:32]", avg.toString());
        assertThrows(StopIteration.class, avg::next);
        assertEquals("Coro[dev.coro.internal.Frames.averager, DONE]", avg.toString());
        StopIteration late = assertThrows(StopIteration.class, avg::next);
        assertEquals("coroutine dev.coro.internal.Frames.averager is exhausted: it has already finished",
                late.getMessage());
        assertNull(late.value());
        // a caller's mistake, so it says where: the stack trace reaches this test method
        assertEquals("toStringNamesMethodAndState", late.getStackTrace()[indexOfTest(late.getStackTrace())].getMethodName());
        // RUNNING: ReentryTest checks the toString the body sees
    }

    private static int indexOfTest(StackTraceElement[] st) {
        for (int i = 0; i < st.length; i++) {
            if (st[i].getClassName().equals(BasicProtocolTest.class.getName())) return i;
        }
        throw new AssertionError("no frame of the test in the stack trace");
    }

    @Test
    void doneIsTheResultItselfAndRecordsNothingBeforeTheBodyReturns() {
        Frames.Echo e = new Frames.Echo(1);
        assertEquals("x", CoroFrame.done("x"));
        assertSame(Thread.currentThread(), e.aux);
    }
}
