package dev.coro.internal;

import dev.coro.StopIteration;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The iterator and stream views of a coroutine ({@link CoroFrame#iterator()}, {@link CoroFrame#stream()}):
 * both only call {@code next()}, so every view of one coroutine shares its progress.
 */
final class CoroViews {
    private CoroViews() {}

    static <Y> Iterator<Y> iterator(CoroFrame<Y, ?, ?> coro) {
        return new View<>(coro);
    }

    /** A sequential stream whose {@code close()} closes the coroutine; it never runs the body ahead in batches. */
    static <Y> Stream<Y> stream(CoroFrame<Y, ?, ?> coro) {
        Spliterator<Y> split = new Spliterators.AbstractSpliterator<Y>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super Y> action) {
                Y y;
                try {
                    y = coro.next();
                } catch (StopIteration end) {
                    return false;
                }
                action.accept(y);
                return true;
            }

            @Override
            public Spliterator<Y> trySplit() {
                return null; // never run the body ahead in batches, even for a parallel stream
            }
        };
        return StreamSupport.stream(split, false).onClose(coro::close);
    }

    /** One iterator view: holds at most the one value its {@code hasNext} ran ahead to. */
    private static final class View<Y> implements Iterator<Y> {
        private final CoroFrame<Y, ?, ?> coro;
        private Y ahead;
        private boolean hasAhead;

        View(CoroFrame<Y, ?, ?> coro) {
            this.coro = coro;
        }

        @Override
        public boolean hasNext() {
            if (hasAhead) return true;
            if (coro.isDone()) return false;
            try {
                ahead = coro.next();
            } catch (StopIteration end) {
                return false;
            }
            hasAhead = true;
            return true;
        }

        @Override
        public Y next() {
            if (!hasNext()) throw new NoSuchElementException("coroutine " + coro.methodName() + " is exhausted");
            Y y = ahead;
            ahead = null;
            hasAhead = false;
            return y;
        }
    }
}
