package dev.coro.internal;

import dev.coro.Coro;
import dev.coro.StopIteration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body that overflows the stack, at a depth where even the bookkeeping after it overflows again
 * (stood for here by a {@code clearLocals()} that throws StackOverflowError): the coroutine must
 * still end DONE, never stay RUNNING, so that it can be closed and every later call gets an
 * ordinary answer.
 */
class StackExhaustionTest {

    /** Yields "first" at point 1, then throws {@code failure} (or returns "result" when null); its first clearLocals() overflows. */
    static final class Overflowing extends CoroFrame<String, Void, String> {
        final Throwable failure;

        Overflowing(Throwable failure) {
            this.failure = failure;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            if (thrown != null) throw Frames.sneaky(thrown);
            if (label == 0) {
                this.label = 1;
                return "first";
            }
            if (failure != null) throw Frames.sneaky(failure);
            return "result";
        }

        private boolean overflowed;

        @Override
        protected void clearLocals() {
            if (overflowed) return;
            overflowed = true;
            throw new StackOverflowError("no stack left to finish");
        }

        @Override
        protected String methodName() {
            return "t.Overflowing.m";
        }
    }

    /** Delegates to {@code sub} at point 1 (the shape woven code has: delegate(sub, 1), then return its result). */
    static final class Delegator extends CoroFrame<String, Void, String> {
        final Coro<String, Void, String> sub;

        Delegator(Coro<String, Void, String> sub) {
            this.sub = sub;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            if (thrown != null) throw Frames.sneaky(thrown);
            if (label == 0) return delegate(sub, 1);
            return sent;
        }

        @Override
        protected void clearLocals() {}

        @Override
        protected String methodName() {
            return "t.Delegator.m";
        }
    }

    @Test
    void aBodyThatOverflowsEndsDoneEvenWhenFinishingOverflowsToo() {
        StackOverflowError soe = new StackOverflowError("in the body");
        Overflowing c = new Overflowing(soe);
        assertEquals("first", c.next());
        assertThrows(StackOverflowError.class, c::next);
        assertEquals(Coro.State.DONE, c.state());
        c.close();
        assertEquals(Coro.State.DONE, c.state());
        assertEquals(null, assertThrows(StopIteration.class, c::next).value());
    }

    @Test
    void aSubThatOverflowsUnderADelegatorEndsDone() {
        Overflowing sub = new Overflowing(new StackOverflowError("in the sub"));
        Delegator d = new Delegator(sub);
        assertEquals("first", d.next());
        assertThrows(StackOverflowError.class, d::next);
        assertEquals(Coro.State.DONE, sub.state());
        // the overflow escaped the driver before it reached the delegator: still suspended at its
        // Yield.from, not RUNNING, so it can be closed
        assertEquals(Coro.State.SUSPENDED, d.state());
        d.close();
        assertEquals(Coro.State.DONE, d.state());
    }

    @Test
    void aSubThatReturnsWithNoStackLeftToFinishEndsDone() {
        Overflowing sub = new Overflowing(null);
        Delegator d = new Delegator(sub);
        assertEquals("first", d.next());
        StackOverflowError e = assertThrows(StackOverflowError.class, d::next);
        assertEquals("no stack left to finish", e.getMessage());
        assertEquals(Coro.State.DONE, sub.state());
        assertSame("result", sub.result());
    }

    /**
     * Yields "first", then returns "result" (point 1); its {@code send} is woven code's, except that the call to
     * {@code fastExit} overflows once, as it can at the very end of the stack, after the body returned: the
     * coroutine is left RUNNING with nobody running it.
     */
    static final class OverflowAtExit extends CoroFrame<String, Void, String> {
        boolean overflowAtExit;
        int clears;

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            if (thrown != null) throw Frames.sneaky(thrown);
            if (label == 0) {
                this.label = 1;
                return "first";
            }
            return "result";
        }

        @Override
        public String send(Void v) {
            int l = fastEnter(v);
            if (l < 0) return (String) slowSend(v);
            Object y;
            try {
                y = resume(l, v, null);
            } catch (Throwable e) {
                throw Sneaky.rethrow(fastFailed(e));
            }
            if (overflowAtExit) {
                overflowAtExit = false;
                throw new StackOverflowError("the call to fastExit");
            }
            return (String) fastExit(y);
        }

        @Override
        protected void clearLocals() {
            clears++;
        }

        @Override
        protected String methodName() {
            return "t.OverflowAtExit.m";
        }
    }

    private static OverflowAtExit leftRunning() {
        OverflowAtExit c = new OverflowAtExit();
        assertEquals("first", c.next());
        c.overflowAtExit = true;
        assertEquals("the call to fastExit", assertThrows(StackOverflowError.class, c::next).getMessage());
        assertEquals(CoroFrame.RUNNING, c.label); // the body returned; nobody runs it now
        return c;
    }

    @Test
    void aCoroutineLeftRunningByAnOverflowAtItsExitIsFinishedByItsOwnersNextCall() {
        OverflowAtExit c = leftRunning();
        StopIteration e = assertThrows(StopIteration.class, c::next);
        assertEquals("coroutine t.OverflowAtExit.m is exhausted: it has already finished", e.getMessage());
        assertEquals(Coro.State.DONE, c.state());
        assertEquals(1, c.clears);
        c.close(); // finished: nothing to do
        assertEquals(1, c.clears);
    }

    @Test
    void closeAndRaiseFinishItTooAndAnotherThreadIsToldItRuns() throws Exception {
        OverflowAtExit closed = leftRunning();
        closed.close();
        assertEquals(Coro.State.DONE, closed.state());
        assertEquals(1, closed.clears);

        OverflowAtExit raised = leftRunning();
        IllegalArgumentException in = new IllegalArgumentException("in");
        assertSame(in, assertThrows(IllegalArgumentException.class, () -> raised.raise(in)));
        assertEquals(Coro.State.DONE, raised.state());

        // only its owner can tell it is abandoned: from another thread it reads as running there
        OverflowAtExit other = leftRunning();
        Throwable[] got = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                other.next();
            } catch (Throwable x) {
                got[0] = x;
            }
        });
        t.start();
        t.join();
        assertEquals("coroutine t.OverflowAtExit.m is running in another thread: next/send must not resume a"
                + " coroutine while another thread does (resume it from one thread at a time)", got[0].getMessage());
        assertEquals(CoroFrame.RUNNING, other.label);
        assertEquals(Coro.State.DONE, other.state()); // its owner's first look finishes it
        assertEquals(1, other.clears);
        assertThrows(StopIteration.class, other::next);

        OverflowAtExit asked = leftRunning();
        assertTrue(asked.isDone());
        assertEquals(CoroFrame.FAILED, asked.label);
    }
}
