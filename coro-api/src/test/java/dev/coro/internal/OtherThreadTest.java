package dev.coro.internal;

import static dev.coro.internal.Checks.assertState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.coro.Coro;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Two threads resuming one coroutine at once (a caller's bug) fail loudly with a message that says
 * so; re-entry from the coroutine's own body keeps its own message. Deterministic: the body waits on
 * a latch while the other thread tries. (CoroFrame tells the two apart on the error path only, by
 * whether the coroutine's own {@code resume} is on the failing thread's stack.)
 */
class OtherThreadTest {
    private static final String NAME = "dev.coro.internal.OtherThreadTest.parked";

    private static String raced(String op) {
        return "coroutine " + NAME + " is running in another thread: " + op + " must not resume a coroutine while"
                + " another thread does (resume it from one thread at a time)";
    }

    /** A generator whose body, on each resume, says it is in and waits to be let go; yields 1, 2, 3, ... */
    static final class Parked extends CoroFrame<Integer, Object, Void> {
        final CountDownLatch in = new CountDownLatch(1);
        final CountDownLatch go = new CountDownLatch(1);
        Runnable meanwhile = () -> {};
        int n; // live across point 1

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            int n = label == 0 ? 0 : this.n;
            if (thrown != null) throw Sneaky.rethrow(thrown);
            in.countDown();
            try {
                if (!go.await(10, TimeUnit.SECONDS)) throw new AssertionError("never let go");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            meanwhile.run();
            n++;
            this.n = n;
            this.label = 1;
            return n;
        }

        @Override
        protected void clearLocals() {}

        @Override
        protected String methodName() {
            return NAME;
        }
    }

    @Test
    void everyOperationFromAnotherThreadWhileTheBodyRunsFailsLoudlyAndChangesNothing() throws Exception {
        Parked p = new Parked();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(p::next);
        p.in.await();
        assertState(p, Coro.State.RUNNING);
        assertEquals(raced("next/send"), assertThrows(IllegalStateException.class, p::next).getMessage());
        assertEquals(raced("next/send"), assertThrows(IllegalStateException.class, () -> p.send("x")).getMessage());
        assertEquals(raced("raise"), assertThrows(IllegalStateException.class,
                () -> p.raise(new IOException("in"))).getMessage());
        assertEquals(raced("close"), assertThrows(IllegalStateException.class, p::close).getMessage());
        assertState(p, Coro.State.RUNNING);
        p.go.countDown();
        assertEquals(1, first.get(10, TimeUnit.SECONDS));
        assertState(p, Coro.State.SUSPENDED);
        assertEquals(2, p.next()); // this thread may resume it now: one thread at a time
    }

    @Test
    void reentryFromTheBodyKeepsItsOwnMessage() {
        List<String> messages = new ArrayList<>();
        Frames.Reentrant r = Frames.reentrant(new ArrayList<>(), messages);
        r.next();
        List<String> expected = new ArrayList<>();
        for (String op : List.of("next/send", "next/send", "raise", "close")) {
            expected.add("coroutine " + Frames.PREFIX + "reentrant is already running: " + op
                    + " was called from inside its own body");
        }
        assertEquals(expected, messages);
    }
}
