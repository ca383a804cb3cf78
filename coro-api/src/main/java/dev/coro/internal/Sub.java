package dev.coro.internal;

/**
 * A {@code Yield.from} over something that is not a woven coroutine, driven one step at a time by
 * {@link CoroFrame}'s driver. While a frame delegates to one, the frame's {@code aux} holds it.
 */
abstract class Sub {
    /** Returned by {@link #step} when the sub-iteration ended; {@link #result} is its result. */
    static final Object END = new Object();
    /** The sub-iteration's result once {@link #step} returned {@link #END} (null for an iterable). */
    Object result;

    /** Resumes with {@code sent} or throws {@code thrown} into the sub; its next value, or {@link #END}. */
    abstract Object step(Object sent, Throwable thrown) throws Throwable;

    /** Python's close() of the sub-iterator, when it has one. */
    abstract void close();
}
