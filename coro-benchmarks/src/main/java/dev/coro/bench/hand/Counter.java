package dev.coro.bench.hand;

import java.util.Iterator;

/** (D) source, (E) leaf, hand-written: 0, 1, 2, ... as an iterator with a resume point. */
public final class Counter implements Iterator<Long> {
    private int state;
    private long i;

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Long next() {
        if (state == 0) {
            state = 1;
            i = 0;
        } else {
            i++;
        }
        return i;
    }
}
