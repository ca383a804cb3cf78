package dev.coro.bench.coro;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

/**
 * coro's side of every workload, written as a user writes coroutines: {@code Coro<Long, ...>} methods
 * with {@code Yield.value(a)} / {@code Yield.await()}, values boxed where the API boxes them. The
 * Python each one transcribes is in its comment; {@code coro-benchmarks/src/main/python/bench.py}
 * runs that Python.
 */
public final class CoroContenders {
    private CoroContenders() {}

    /**
     * (A), (C): Fibonacci mod 2^64, forever. Suspended, it holds two live longs ({@code a}, {@code b}).
     *
     * <pre>
     * def fibonacci():
     *     a, b = 0, 1
     *     while True:
     *         yield a
     *         a, b = b, a + b
     * </pre>
     */
    @Coroutine
    public static Coro<Long, Void, Void> fibonacci() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /**
     * (A), the faster spelling: the same generator handing each value over through a field of
     * {@code out} instead of boxing it, yielding {@code null}.
     */
    @Coroutine
    public static Coro<Void, Void, Void> fibonacciInto(LongCell out) {
        long a = 0, b = 1;
        while (true) {
            out.value = a;
            Yield.await();
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /**
     * (B): a consumer keeping a running sum, one {@code send} per value.
     *
     * <pre>
     * def running_sum():
     *     total = 0
     *     while True:
     *         x = yield total
     *         total += x
     * </pre>
     */
    @Coroutine
    public static Coro<Long, Long, Void> runningSum() {
        long total = 0;
        while (true) {
            Long x = Yield.value(total);
            total += x;
        }
    }

    /**
     * (D) source, and the leaf of every (E) chain: 0, 1, 2, ...
     *
     * <pre>
     * def count():
     *     i = 0
     *     while True:
     *         yield i
     *         i += 1
     * </pre>
     */
    @Coroutine
    public static Coro<Long, Void, Void> count() {
        long i = 0;
        while (true) {
            Yield.value(i);
            i++;
        }
    }

    /**
     * (D) filter: passes on to {@code target} the values not divisible by 3.
     *
     * <pre>
     * &#64;coroutine
     * def drop_threes(target):
     *     while True:
     *         x = (yield)
     *         if x % 3 != 0:
     *             target.send(x)
     * </pre>
     */
    @Coroutine(primed = true)
    public static Coro<Void, Long, Void> dropThrees(Coro<?, ? super Long, ?> target) {
        while (true) {
            Long x = Yield.await();
            if (x % 3 != 0) target.send(x);
        }
    }

    /**
     * (D) sink: keeps a running sum of what it is sent, and yields it.
     *
     * <pre>
     * &#64;coroutine
     * def summing():
     *     total = 0
     *     while True:
     *         x = yield total
     *         total += x
     * </pre>
     */
    @Coroutine(primed = true)
    public static Coro<Long, Long, Void> summing() {
        long total = 0;
        while (true) {
            Long x = Yield.value(total);
            total += x;
        }
    }

    /**
     * (E): a chain of {@code depth} coroutines, each in {@code Yield.from} the next, over {@link #count()}.
     *
     * <pre>
     * def chain(depth):
     *     yield from (count() if depth == 1 else chain(depth - 1))
     * </pre>
     */
    @Coroutine
    public static Coro<Long, Void, Void> chain(int depth) {
        Yield.from(depth == 1 ? count() : chain(depth - 1));
        return Yield.done();
    }

    /**
     * (G): a generator with a {@code finally}; a {@code raise} that escapes and a {@code close} both run it.
     *
     * <pre>
     * def guarded(log):
     *     i = 0
     *     try:
     *         while True:
     *             yield i
     *             i += 1
     *     finally:
     *         log.count += 1
     * </pre>
     */
    @Coroutine
    public static Coro<Long, Void, Void> guarded(LongCell finallyRuns) {
        long i = 0;
        try {
            while (true) {
                Yield.value(i);
                i++;
            }
        } finally {
            finallyRuns.value++;
        }
    }

    /**
     * (G), steady state: a generator that catches what is raised into it and yields again, so each
     * {@code raise} is one resume.
     *
     * <pre>
     * def resilient():
     *     caught = 0
     *     while True:
     *         try:
     *             yield caught
     *         except RuntimeError:
     *             caught += 1
     * </pre>
     */
    @Coroutine
    public static Coro<Long, Void, Void> resilient() {
        long caught = 0;
        while (true) {
            try {
                Yield.value(caught);
            } catch (RuntimeException e) {
                caught++;
            }
        }
    }
}
