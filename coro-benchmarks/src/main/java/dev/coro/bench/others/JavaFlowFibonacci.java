package dev.coro.bench.others;

import org.apache.commons.javaflow.api.Continuation;
import org.apache.commons.javaflow.api.continuable;

/**
 * (A), (C) on Tascalate JavaFlow (net.tascalate.javaflow, enhanced at build time by its Maven plugin):
 * a {@code @continuable} body that {@code Continuation.suspend(a)}s each value (boxed); each
 * {@code resume()} returns the next continuation.
 */
public final class JavaFlowFibonacci {
    private Continuation continuation;

    /** The body, which JavaFlow makes resumable. */
    static final class Body implements Runnable {
        @Override
        public @continuable void run() {
            long a = 0, b = 1;
            while (true) {
                Continuation.suspend(a);
                long t = a + b;
                a = b;
                b = t;
            }
        }
    }

    public JavaFlowFibonacci() {
        continuation = Continuation.startSuspendedWith(new Body());
    }

    public Long next() {
        continuation = continuation.resume();
        return (Long) continuation.value();
    }
}
