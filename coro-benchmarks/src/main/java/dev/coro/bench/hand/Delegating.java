package dev.coro.bench.hand;

import java.util.Iterator;

/**
 * (E), hand-written: {@code yield from inner} without a coroutine runtime is an iterator that forwards
 * each {@code next} to the one below it, so a step costs one call per level.
 */
public final class Delegating implements Iterator<Long> {
    private final Iterator<Long> inner;

    private Delegating(Iterator<Long> inner) {
        this.inner = inner;
    }

    /** {@code depth} delegating iterators over a {@link Counter}. */
    public static Iterator<Long> chain(int depth) {
        Iterator<Long> it = new Counter();
        for (int i = 0; i < depth; i++) it = new Delegating(it);
        return it;
    }

    @Override
    public boolean hasNext() {
        return inner.hasNext();
    }

    @Override
    public Long next() {
        return inner.next();
    }
}
