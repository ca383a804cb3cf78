package dev.coro.agent;

import java.util.function.Supplier;

/**
 * Runs work on a new thread with a stack of known size and waits for it: for a class the JVM loads
 * near the end of the loading thread's stack, where weaving it in place overflowed.
 */
final class FreshStack {
    private FreshStack() {}

    /** Enough for the weaver on any method the JVM accepts (its deepest recursion is in ASM's writers). */
    static final long STACK_BYTES = 64L << 20;

    /**
     * {@code work}'s result, computed on a fresh thread named {@code name}; what it throws is rethrown
     * here. Waits uninterruptibly (the class being loaded cannot proceed without it) and keeps the
     * caller's interrupt status.
     */
    static <T> T call(String name, Supplier<T> work) {
        Object[] out = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                out[0] = work.get();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, name, STACK_BYTES);
        t.setDaemon(true);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure[0] instanceof RuntimeException r) throw r;
        if (failure[0] instanceof Error e) throw e;
        if (failure[0] != null) throw new IllegalStateException(failure[0]);
        @SuppressWarnings("unchecked")
        T result = (T) out[0];
        return result;
    }
}
