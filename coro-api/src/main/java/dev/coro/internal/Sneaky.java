package dev.coro.internal;

/** Rethrows any throwable, checked ones included, unchanged: a coroutine's exceptions propagate as they are. */
final class Sneaky {
    private Sneaky() {}

    /** Always throws {@code t}; declared to return so callers can write {@code throw Sneaky.rethrow(t)}. */
    static RuntimeException rethrow(Throwable t) {
        throw Sneaky.<RuntimeException>cast(t);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T cast(Throwable t) throws T {
        throw (T) t;
    }
}
