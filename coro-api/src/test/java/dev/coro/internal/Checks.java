package dev.coro.internal;

import dev.coro.Coro;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions the protocol tests share. */
final class Checks {
    private Checks() {}

    /** {@code state()} is {@code s}, and {@code isDone()} agrees. */
    static void assertState(Coro<?, ?, ?> c, Coro.State s) {
        assertEquals(s, c.state());
        assertEquals(s == Coro.State.DONE, c.isDone());
    }

    /** What {@code r} throws; fails if it throws nothing. */
    static Throwable thrownBy(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("nothing was thrown");
    }
}
