package dev.coro.bench.hand;

/** (D) filter, hand-written: passes on to {@code target} the values not divisible by 3 (already primed). */
public final class DropThrees implements HandConsumer<Void, Long> {
    private final HandConsumer<?, ? super Long> target;

    public DropThrees(HandConsumer<?, ? super Long> target) {
        this.target = target;
    }

    @Override
    public Void send(Long x) {
        if (x % 3 != 0) target.send(x);
        return null;
    }
}
