package dev.coro.rejects;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.util.List;

/** Rejected: a Yield call inside a lambda written in a @Coroutine method (the lambda body is a separate method). */
public class YieldInLambda {
    @Coroutine
    static Coro<Integer, Void, Void> each(List<Integer> xs) {
        xs.forEach(x -> Yield.value(x)); // expect-diagnostic: YIELD_OUTSIDE_COROUTINE: Yield.value outside a @Coroutine method
        return Yield.done();
    }
}
