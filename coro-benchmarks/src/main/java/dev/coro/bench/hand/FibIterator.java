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

    /**
     * The iterator as a library hands it out: a static method declared to return the interface, as a
     * {@code @Coroutine} method is declared to return {@code Coro}. On JDK 17 the declared interface costs C2 the
     * new object's exact class (docs/benchmarks.md, (C)), here as in coro's entry.
     */
    public static Iterator<Long> fibonacci() {
        return new FibIterator();
    }

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
