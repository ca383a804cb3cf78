package dev.coro.bench.hand;

/** (G) steady state, hand-written: {@code CoroContenders.resilient}, which catches what is raised into it and yields again. */
public final class Resilient {
    private int state;
    private long caught;

    public Long next() {
        if (state == 0) state = 1;
        return caught;
    }

    public Long raise(Throwable t) {
        if (state == 1 && t instanceof RuntimeException) {
            caught++;
            return caught;
        }
        state = 2;
        throw t instanceof RuntimeException ? (RuntimeException) t : new IllegalStateException(t);
    }
}
