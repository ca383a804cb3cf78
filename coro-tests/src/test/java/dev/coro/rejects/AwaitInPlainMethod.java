package dev.coro.rejects;

import dev.coro.Yield;

/** Rejected: a Yield call in a method that is not @Coroutine. */
public class AwaitInPlainMethod {
    static Object plain(int n) {
        Object first = n > 0 ? "positive" : "other";
        Object sent = Yield.await(); // expect-diagnostic: YIELD_OUTSIDE_COROUTINE: Yield.await outside a @Coroutine method
        return first + "/" + sent;
    }
}
