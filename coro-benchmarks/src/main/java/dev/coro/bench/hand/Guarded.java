package dev.coro.bench.hand;

import dev.coro.bench.coro.LongCell;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * (G), hand-written: {@code CoroContenders.guarded} as a state machine. A {@code raise} or {@code close}
 * at the suspension point runs the {@code finally} (counts into {@code finallyRuns}); the raised
 * exception then propagates.
 */
public final class Guarded implements Iterator<Long> {
    private static final int CREATED = 0, SUSPENDED = 1, DONE = 2;
    private final LongCell finallyRuns;
    private int state;
    private long i;

    public Guarded(LongCell finallyRuns) {
        this.finallyRuns = finallyRuns;
    }

    @Override
    public boolean hasNext() {
        return state != DONE;
    }

    @Override
    public Long next() {
        switch (state) {
            case CREATED:
                i = 0;
                state = SUSPENDED;
                return i;
            case SUSPENDED:
                i++;
                return i;
            default:
                throw new NoSuchElementException();
        }
    }

    /** Python's {@code g.throw(e)}: the {@code finally} runs and {@code e} escapes. */
    public Long raise(RuntimeException e) {
        if (state == SUSPENDED) finallyRuns.value++;
        state = DONE;
        throw e;
    }

    /** Python's {@code g.close()}. */
    public void close() {
        if (state == SUSPENDED) finallyRuns.value++;
        state = DONE;
    }
}
