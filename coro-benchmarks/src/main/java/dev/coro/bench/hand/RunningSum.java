package dev.coro.bench.hand;

/**
 * (B): the hand-written limit for {@code CoroContenders.runningSum()}: Python's {@code x = yield total}
 * as a class with the generator's locals in fields and a {@code switch} on its resume point, with the
 * same boxed {@code send}. {@link #sendLong(long)} is the primitive spelling.
 */
public final class RunningSum implements HandConsumer<Long, Long> {
    private int state;
    private long total;

    /** Starts it: runs to the first {@code yield total}. */
    public Long next() {
        return send(null);
    }

    @Override
    public Long send(Long x) {
        switch (state) {
            case 0:
                if (x != null) throw new IllegalStateException("can't send non-null to a just-started consumer");
                total = 0;
                state = 1;
                return total;
            case 1:
                total += x;
                return total;
            default:
                throw new IllegalStateException("finished");
        }
    }

    public long sendLong(long x) {
        if (state == 0) {
            state = 1;
            total = 0;
        }
        total += x;
        return total;
    }
}
