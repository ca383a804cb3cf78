package dev.coro.rejects;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;
import dev.coro.internal.CoroFrame;

/** Rejected: the class already declares the method weaving would add for the coroutine's body. */
public class BodyNameClash {
    @Coroutine
    static Coro<String, Void, Void> gen(int n) {
        Yield.value("n=" + n); // expect-diagnostic: NAME_CLASH: the class already has a method gen(ILdev/coro/internal/CoroFrame;ILjava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;, which weaving this coroutine would add: rename one of them
        return Yield.done();
    }

    static Object gen(int n, CoroFrame<?, ?, ?> f, int label, Object sent, Throwable thrown) {
        return "the user's own";
    }
}
