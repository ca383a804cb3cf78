package dev.coro.rejects;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

/** Rejected: a yield while holding a monitor (the monitor could not be released and re-acquired). */
public class YieldInSynchronizedBlock {
    private final Object lock = new Object();
    private int counter;

    @Coroutine
    Coro<Integer, Void, Void> ticks(int n) {
        for (int i = 0; i < n; i++) {
            synchronized (lock) {
                counter++;
                Yield.value(counter); // expect-diagnostic: YIELD_IN_SYNCHRONIZED: Yield.value inside a synchronized block
            }
        }
        return Yield.done();
    }
}
