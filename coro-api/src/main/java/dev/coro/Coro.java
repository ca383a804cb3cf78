package dev.coro;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A handle on a running coroutine: Python's generator protocol.
 *
 * @param <Y> the type of the values the coroutine yields
 * @param <S> the type of the values sent into it
 * @param <R> the type of its result
 */
public interface Coro<Y, S, R> extends Iterable<Y>, AutoCloseable {

    /** The life cycle of a coroutine, as Python's {@code inspect.getgeneratorstate} reports it. */
    enum State {
        /** Made but not yet started: no line of the body has run. */
        CREATED,
        /** Stopped at a {@code Yield} call, waiting for {@code next}, {@code send}, {@code raise} or {@code close}. */
        SUSPENDED,
        /** Its body is running now (only its own body can observe this). */
        RUNNING,
        /** Finished: returned, failed, or closed. */
        DONE
    }

    /**
     * Python's {@code next(g)}: the same as {@code send(null)}.
     *
     * @return the value yielded at the next suspension point
     * @throws StopIteration when the body returns instead
     */
    Y next();

    /**
     * Python's {@code g.send(v)}: resumes the body with {@code v} as the value of the pending
     * {@code Yield} call, runs it to its next suspension and returns the value yielded there.
     *
     * @param v the value the pending {@code Yield.await()} or {@code Yield.value(x)} returns in the body
     * @return the value yielded at the next suspension point
     * @throws StopIteration when the body returns (its {@code value()} is the result the first time)
     * @throws IllegalStateException when {@code v != null} and the coroutine was never started, or
     *     when called from the coroutine's own body
     */
    Y send(S v);

    /**
     * Python's {@code g.throw(t)}: throws {@code t} at the suspension point. If the body catches it
     * and yields, returns that value; if it escapes, it propagates and the coroutine is done. On a
     * coroutine that was never started {@code t} is thrown at the start, without running the body;
     * on a finished one it is thrown straight back.
     *
     * @param t what to throw at the suspension point
     * @return the value the body yields after catching {@code t}
     * @throws StopIteration when the body catches {@code t} and returns
     */
    Y raise(Throwable t);

    /**
     * Python's {@code g.close()}: throws {@link CoroutineExit} at the suspension point so that
     * {@code finally} blocks and resources run. Returns normally when the body lets the exit
     * escape or returns; fails with {@link IllegalStateException} if the body yields again.
     */
    @Override
    void close();

    /**
     * The current state, as Python's {@code inspect.getgeneratorstate(g)}.
     *
     * @return {@code CREATED}, {@code SUSPENDED}, {@code RUNNING} or {@code DONE}
     */
    State state();

    /**
     * Whether the body has finished: returned, failed or closed.
     *
     * @return {@code state() == DONE}
     */
    boolean isDone();

    /**
     * The value the body returned with {@code Yield.done(r)}.
     *
     * @return {@code r}, or {@code null} after {@code Yield.done()}
     * @throws IllegalStateException unless the body has returned normally
     */
    R result();

    /**
     * An iterator over the remaining yields. {@code hasNext} may run the body ahead by one yield
     * and keeps that value for this iterator's {@code next}. Each call gives a fresh view of the
     * same coroutine: what one view consumed is gone for all.
     *
     * @return a view of the remaining yields, for {@code for (Y y : coro)}
     */
    @Override
    Iterator<Y> iterator();

    /**
     * A lazy sequential stream over the remaining yields: the body runs only as elements are
     * pulled. Closing the stream closes the coroutine.
     *
     * @return the remaining yields as a stream
     */
    Stream<Y> stream();
}
