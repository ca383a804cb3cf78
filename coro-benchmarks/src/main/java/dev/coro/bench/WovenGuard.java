package dev.coro.bench;

import dev.coro.Coro;
import dev.coro.bench.coro.CoroContenders;
import dev.coro.internal.CoroFrame;

/**
 * Fails a benchmark at setup, with a message that says what to do, when the coroutines it measures
 * were not woven: un-woven, {@code CoroContenders.fibonacci()} throws the {@code IllegalStateException}
 * of {@code Yield.value}, and a woven one returns a {@link CoroFrame} that yields 0, 1, 1, 2, 3.
 * Every benchmark state that runs a coroutine calls {@link #check()} first.
 */
public final class WovenGuard {
    private WovenGuard() {}

    private static final String HOW = "the coroutines in dev.coro.bench.coro were not woven: build coro-benchmarks with"
            + " Maven (its coro-maven-plugin weaves target/classes before target/benchmarks.jar is made) and run that jar,"
            + " or add -javaagent:coro-agent.jar to the JMH forks (-jvmArgsAppend)";

    private static volatile boolean woven;

    public static void check() {
        if (woven) return;
        Coro<Long, Void, Void> fib;
        try {
            fib = CoroContenders.fibonacci();
        } catch (IllegalStateException notWoven) {
            throw new IllegalStateException(HOW + " (" + notWoven.getMessage() + ")", notWoven);
        }
        if (!(fib instanceof CoroFrame)) {
            throw new IllegalStateException(HOW + " (fibonacci() returned " + fib + ", not a dev.coro.internal.CoroFrame)");
        }
        long[] expected = {0, 1, 1, 2, 3};
        for (long e : expected) {
            Long got = fib.next();
            if (got == null || got != e) {
                throw new IllegalStateException("woven fibonacci() yielded " + got + " where " + e + " was expected");
            }
        }
        woven = true;
    }
}
