package dev.coro.rejects;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

/** Rejected: a synchronized @Coroutine method (reported once, at the first line of its code). */
public class SynchronizedCoroutine {
    private int total;

    @Coroutine
    synchronized Coro<Integer, Integer, Integer> accumulate() {
        int n = 0; // expect-diagnostic: SYNCHRONIZED_COROUTINE: a @Coroutine method cannot be synchronized
        while (n < 3) {
            total += Yield.<Integer>value(total);
            n++;
        }
        return Yield.done(total);
    }
}
