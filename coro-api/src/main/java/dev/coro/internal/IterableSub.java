package dev.coro.internal;

import java.util.Iterator;

/** {@code Yield.from(iterable)}: iterators have no send and no throw (as in Python). */
final class IterableSub extends Sub {
    private final Iterator<?> it;

    IterableSub(Iterator<?> it) {
        this.it = it;
    }

    @Override
    Object step(Object sent, Throwable thrown) throws Throwable {
        if (thrown != null) throw thrown;
        if (sent != null) {
            throw new IllegalStateException("can't send a non-null value (" + sent
                    + ") while delegating to a plain Iterable with Yield.from: an iterator has no send");
        }
        return it.hasNext() ? it.next() : END;
    }

    @Override
    void close() {
        if (it instanceof AutoCloseable) {
            try {
                ((AutoCloseable) it).close();
            } catch (Exception e) {
                throw Sneaky.rethrow(e);
            }
        }
    }
}
