package dev.coro;

import dev.coro.internal.AgentRecord;

/**
 * The suspension points of a {@link Coroutine} method. These are markers: the weaver replaces
 * every call to them inside a {@code @Coroutine} method, and rejects calls anywhere else. A call
 * that runs unwoven throws {@link IllegalStateException} saying why: there is no weaver in this JVM,
 * the agent rejected the class (with its diagnostics), or the class loaded before the agent attached.
 */
public final class Yield {
    private Yield() {}

    /**
     * Python's {@code x = (yield)}: suspends yielding {@code null}.
     *
     * @param <S> the coroutine's sent type
     * @return the value sent on resumption ({@code null} for {@code next()})
     */
    public static <S> S await() {
        throw notWoven("await");
    }

    /**
     * Python's {@code x = yield v}: suspends yielding {@code v}.
     *
     * @param v the value {@code next}/{@code send} return to the caller
     * @param <S> the coroutine's sent type
     * @return the value sent on resumption ({@code null} for {@code next()})
     */
    public static <S> S value(Object v) {
        throw notWoven("value");
    }

    /**
     * Python's {@code r = yield from sub} (PEP 380): runs {@code sub} until it finishes, passing its
     * yields out and {@code send}/{@code raise} in.
     *
     * @param sub the coroutine to delegate to
     * @param <R> its result type
     * @return its result ({@code Yield.done(r)}'s {@code r})
     */
    public static <R> R from(Coro<?, ?, R> sub) {
        throw notWoven("from");
    }

    /**
     * Python's {@code yield from values}: yields each element in turn and returns {@code null}. If
     * {@code values} is a {@link Coro} at run time, this is {@link #from(Coro)}.
     *
     * @param values the values to yield, in order
     * @return {@code null}, or the result of {@code values} when it is a {@link Coro}
     */
    public static Object from(Iterable<?> values) {
        throw notWoven("from");
    }

    /**
     * Python's bare {@code return}: {@code return Yield.done();}
     *
     * @param <Y> the coroutine's yielded type
     * @param <S> the coroutine's sent type
     * @param <R> the coroutine's result type
     * @return nothing: the woven method returns its handle instead
     */
    public static <Y, S, R> Coro<Y, S, R> done() {
        throw notWoven("done");
    }

    /**
     * Python's {@code return r}: {@code return Yield.done(r);}
     *
     * @param result the coroutine's result, {@link Coro#result()} and {@link StopIteration#value()}
     * @param <Y> the coroutine's yielded type
     * @param <S> the coroutine's sent type
     * @param <R> the coroutine's result type
     * @return nothing: the woven method returns its handle instead
     */
    public static <Y, S, R> Coro<Y, S, R> done(R result) {
        throw notWoven("done");
    }

    /**
     * The error of a call that ran unwoven, saying why it was not woven: the agent rejected its class
     * (with the agent's diagnostics), the class loaded before the agent attached, or there is no weaver
     * at all. The caller is two frames up: {@code notWoven} and the marker are the first two.
     */
    private static IllegalStateException notWoven(String call) {
        StackTraceElement[] stack = new Throwable().getStackTrace();
        StackTraceElement caller = stack.length > 2 ? stack[2] : null;
        String className = caller == null ? "?" : caller.getClassName();
        String method = caller == null ? "?" : caller.getMethodName();
        boolean lambda = method.startsWith("lambda$");
        String where = lambda ? "a lambda in " + className + lambdaHost(method) : className + "." + method;
        return new IllegalStateException("Yield." + call + "() called in " + where
                + ", which was not woven into a coroutine: " + why(className, lambda));
    }

    /** {@code .each} for javac's {@code lambda$each$0}; empty for other compilers' names. */
    private static String lambdaHost(String method) {
        String[] parts = method.split("\\$");
        return parts.length == 3 && !parts[1].isEmpty() ? "." + parts[1] : "";
    }

    private static String why(String className, boolean lambda) {
        String rejection = AgentRecord.rejection(className);
        if (rejection != null) return "the coro agent rejected class " + className + " and left it unwoven:\n" + rejection;
        if (lambda) {
            return "a lambda's body is a method of its own and cannot suspend the coroutine around it: loop over"
                    + " the elements in the coroutine itself, or yield them all with Yield.from(iterable)";
        }
        if (AgentRecord.isInstalled() && !AgentRecord.installedAtStartup()) {
            return "class " + className + " was loaded before the coro agent was attached to this JVM (at "
                    + java.time.Instant.ofEpochMilli(AgentRecord.installedAtMillis()) + "), and a class loaded"
                    + " before that stays as it was: attach the agent before the class loads (dev.coro:coro-junit"
                    + " does so before any test class loads) or start the JVM with -javaagent:coro-agent.jar";
        }
        if (!AgentRecord.isInstalled() && AgentRecord.attachFailure() != null) {
            return "coro-junit could not attach the coro agent to this JVM (" + AgentRecord.attachFailure()
                    + "): run the tests with -javaagent:coro-agent.jar, or weave at build time";
        }
        if (AgentRecord.isInstalled()) {
            return "the coro agent is installed, but class " + className + " never passed through it (it was"
                    + " defined by a class loader with its own copy of coro-api, or in a way that bypasses agents)";
        }
        return "there is no coro agent in this JVM and the class was not woven at build time. Annotate the method"
                + " with @dev.coro.Coroutine (if it is not) and weave it: run with -javaagent:coro-agent.jar, put"
                + " dev.coro:coro-junit on the test class path of a JUnit run, or weave at build time with the"
                + " coro-maven-plugin or java -jar coro-agent.jar weave";
    }
}
