package dev.coro.bench.hand;

/** (D) sink, hand-written: keeps a running sum of what it is sent, and returns it (already primed). */
public final class Summing implements HandConsumer<Long, Long> {
    private long total;

    @Override
    public Long send(Long x) {
        total += x;
        return total;
    }

    public long total() {
        return total;
    }
}
