package dev.coro.rejects;

import dev.coro.Coro;
import dev.coro.Yield;

/** Rejected with two diagnostics: a generator written without @Coroutine has two Yield calls. */
public class ForgotAnnotation {
    static Coro<Integer, Void, Void> countTo(int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(i); // expect-diagnostic: YIELD_OUTSIDE_COROUTINE: Yield.value outside a @Coroutine method
        }
        return Yield.done(); // expect-diagnostic: YIELD_OUTSIDE_COROUTINE: Yield.done outside a @Coroutine method
    }
}
