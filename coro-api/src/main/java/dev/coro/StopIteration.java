package dev.coro;

import java.util.NoSuchElementException;

/**
 * Thrown by {@link Coro#next()}, {@link Coro#send} and {@link Coro#raise} when the coroutine's body
 * returns: {@link #value()} is the result given to {@link Yield#done(Object)}. Later calls on the
 * finished coroutine throw a {@code StopIteration} whose value is {@code null}.
 *
 * <p>It is a control-flow signal, so it carries no stack trace.
 */
public class StopIteration extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    private final transient Object value;

    /** @param value the coroutine's result, or {@code null} */
    public StopIteration(Object value) {
        super(value == null ? null : "coroutine returned " + value);
        this.value = value;
    }

    /**
     * For coro's runtime: the {@code StopIteration} of a coroutine that had already finished, with
     * {@code message} naming it and a stack trace (it is then a caller's mistake, worth locating).
     * Its {@link #value()} is {@code null}.
     */
    protected StopIteration(String message) {
        super(message);
        this.value = null;
        super.fillInStackTrace();
    }

    /**
     * The coroutine's result.
     *
     * @return the value the coroutine returned with {@code Yield.done(value)}; {@code null} if none
     */
    public Object value() {
        return value;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a return, not a failure: no stack trace to pay for
    }
}
