package dev.coro.bench.hand;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * (A), (C): the hand-written limit for {@code CoroContenders.fibonacci()}: what a careful programmer
 * writes without coroutines, an {@link Iterator} whose fields are the generator's locals and whose
 * {@code switch} is its resume point. {@link #next()} boxes, as the iterator protocol makes it;
 * {@link #nextLong()} is the primitive spelling.
 */
public final class FibIterator implements Iterator<Long> {
    private int state;
    private long a;
    private long b;

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Long next() {
        return nextLong();
    }

    public long nextLong() {
        switch (state) {
            case 0:
                a = 0;
                b = 1;
                state = 1;
                return a;
            case 1:
                long t = a + b;
                a = b;
                b = t;
                return a;
            default:
                throw new NoSuchElementException();
        }
    }
}
