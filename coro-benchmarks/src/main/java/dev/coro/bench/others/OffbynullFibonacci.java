package dev.coro.bench.others;

import com.offbynull.coroutines.user.Continuation;
import com.offbynull.coroutines.user.Coroutine;
import com.offbynull.coroutines.user.CoroutineRunner;

/**
 * (A), (C) on offbynull/coroutines (com.offbynull.coroutines, instrumented at build time by
 * {@code OffbynullWeave}): a {@link Coroutine} that suspends after putting each value in a field; the
 * caller drives it with a {@link CoroutineRunner}.
 */
public final class OffbynullFibonacci implements Coroutine {
    private static final long serialVersionUID = 1L;
    private long value;
    private final CoroutineRunner runner = new CoroutineRunner(this);

    @Override
    public void run(Continuation c) {
        long a = 0, b = 1;
        while (true) {
            value = a;
            c.suspend();
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Runs to the next suspension and returns the value it left, boxed as an iterator would. */
    public Long next() {
        runner.execute();
        return value;
    }
}
