package dev.coro.rejects;

import dev.coro.Coro;
import dev.coro.Yield;

/** Rejected: Yield.done in a method returning Coro that lacks the @Coroutine annotation. */
public class DoneInPlainMethod {
    static Coro<Integer, Void, String> finished(String r) {
        String result = r.trim();
        return Yield.done(result); // expect-diagnostic: YIELD_OUTSIDE_COROUTINE: Yield.done outside a @Coroutine method
    }
}
