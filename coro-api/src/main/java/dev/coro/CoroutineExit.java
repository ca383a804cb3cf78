package dev.coro;

/**
 * What {@link Coro#close()} throws into a suspended coroutine (Python's {@code GeneratorExit}), so
 * that its {@code finally} blocks and try-with-resources run. A body may catch it to clean up, and
 * then must return (or let it escape); yielding again makes {@code close()} fail.
 *
 * <p>It is an {@link Error} so that ordinary {@code catch (Exception e)} blocks do not swallow it.
 */
public class CoroutineExit extends Error {
    private static final long serialVersionUID = 1L;

    /**
     * A control-flow signal, so it fills in no stack trace: {@code close()} must cost about what a
     * {@code raise} does, not the microseconds a stack walk takes.
     */
    public CoroutineExit() {
        super("coroutine closed", null, false, false);
    }
}
