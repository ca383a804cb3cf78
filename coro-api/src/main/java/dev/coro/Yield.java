package dev.coro;

/**
 * The suspension points of a {@link Coroutine} method. These are markers: the weaver replaces
 * every call to them inside a {@code @Coroutine} method, and rejects calls anywhere else. A call
 * that runs un-woven (no agent, no Maven plugin) throws {@link IllegalStateException}.
 */
public final class Yield {
    private Yield() {}

    /** Python's {@code x = (yield)}: suspends yielding {@code null}; returns the value sent on resumption. */
    public static <S> S await() {
        throw notWoven("await");
    }

    /** Python's {@code x = yield v}: suspends yielding {@code v}; returns the value sent on resumption. */
    public static <S> S value(Object v) {
        throw notWoven("value");
    }

    /**
     * Python's {@code r = yield from sub} (PEP 380): runs {@code sub} until it finishes, passing its
     * yields out and {@code send}/{@code raise} in; returns its result.
     */
    public static <R> R from(Coro<?, ?, R> sub) {
        throw notWoven("from");
    }

    /**
     * Python's {@code yield from values}: yields each element in turn and returns {@code null}. If
     * {@code values} is a {@link Coro} at run time, this is {@link #from(Coro)}.
     */
    public static Object from(Iterable<?> values) {
        throw notWoven("from");
    }

    /** Python's bare {@code return}: {@code return Yield.done();} */
    public static <Y, S, R> Coro<Y, S, R> done() {
        throw notWoven("done");
    }

    /** Python's {@code return r}: {@code return Yield.done(r);} */
    public static <Y, S, R> Coro<Y, S, R> done(R result) {
        throw notWoven("done");
    }

    private static IllegalStateException notWoven(String call) {
        StackTraceElement[] stack = new Throwable().getStackTrace();
        String where = stack.length > 2 ? stack[2].getClassName() + "." + stack[2].getMethodName() : "?";
        return new IllegalStateException("Yield." + call + "() called in " + where
                + ", which was not woven into a coroutine: annotate the method with @dev.coro.Coroutine and run with"
                + " -javaagent:coro-agent.jar or build with the coro-maven-plugin");
    }
}
