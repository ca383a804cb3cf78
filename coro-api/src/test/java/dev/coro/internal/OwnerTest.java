package dev.coro.internal;

import dev.coro.Coro;
import dev.coro.StopIteration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The owner kept in {@code aux} (docs/weaving.md, "Two threads at once"): the creating thread owns a new
 * coroutine, another thread's resume claims it, a sub-coroutine has no owner while it is linked (so that
 * {@code fastEnter}'s one test of {@code aux} also declines a sub driven directly), and a delegator whose
 * delegation ended is claimed by its next resume.
 */
class OwnerTest {

    /** Yields "before", delegates to {@code sub} (point 2), then yields "after: " + the sub's result (point 3). */
    static final class Outer extends CoroFrame<Object, Void, Void> {
        final Coro<?, ?, ?> sub;

        Outer(Coro<?, ?, ?> sub) {
            this.sub = sub;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            if (thrown != null) throw Frames.sneaky(thrown);
            switch (label) {
                case 0:
                    this.label = 1;
                    return "before";
                case 1:
                    return delegate(sub, 2);
                case 2:
                    this.label = 3;
                    return "after: " + sent;
                case 3:
                    return null;
                default:
                    throw Frames.bad(label);
            }
        }

        @Override
        protected void clearLocals() {}

        @Override
        protected String methodName() {
            return "t.Owner.outer";
        }
    }

    @Test
    void aLinkedSubHasNoOwnerAndADelegatorIsClaimedAgainAfterItsDelegation() throws Exception {
        List<String> log = new ArrayList<>();
        Frames.Range sub = new Frames.Range(3, log);
        Outer outer = new Outer(sub);
        assertSame(Thread.currentThread(), sub.aux);
        assertEquals("before", outer.next());
        assertEquals(0, outer.next()); // the Yield.from linked the sub and ran it to its first yield
        assertSame(outer, sub.link);
        assertNull(sub.aux); // linked: no owner
        assertEquals(-1, sub.fastEnter(null)); // declined on aux alone
        assertEquals(1, sub.next()); // Python lets the inner generator be driven directly; the slow path does it
        assertNull(sub.aux); // and does not claim it
        assertSame(outer, sub.link);
        assertEquals(2, outer.next());
        assertEquals("after: range 3", outer.next());
        assertNull(sub.link);
        assertEquals(List.of("yield 0", "resumed 0", "yield 1", "resumed 1", "yield 2", "resumed 2", "finally"), log);
        // the delegation over, the outer coroutine has no owner until the next resume claims it
        assertNull(outer.aux);
        Throwable[] thrown = new Throwable[1];
        Thread other = new Thread(() -> {
            try {
                outer.next();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "other");
        other.start();
        other.join();
        assertEquals(StopIteration.class, thrown[0].getClass());
        assertEquals(Coro.State.DONE, outer.state());
    }

    @Test
    void theLastThreadToResumeOwnsTheCoroutine() throws Exception {
        Frames.Fibonacci fib = Frames.fibonacci(1000);
        assertEquals(0L, fib.next());
        assertSame(Thread.currentThread(), fib.aux);
        Object[] got = new Object[1];
        Thread other = new Thread(() -> got[0] = fib.next(), "other");
        other.start();
        other.join();
        assertEquals(1L, got[0]);
        assertSame(other, fib.aux);
        assertEquals(-1, fib.fastEnter(null)); // this thread no longer owns it: its next resume claims it
        assertEquals(1L, fib.next());
        assertSame(Thread.currentThread(), fib.aux);
        assertEquals(1, fib.fastEnter(null)); // and then takes the fast path again (which made it RUNNING:
        assertEquals(CoroFrame.RUNNING, fib.label);
        fib.label = 1;                          // back to suspended, as the body would have left it)
        assertEquals(2L, fib.next());
    }
}
