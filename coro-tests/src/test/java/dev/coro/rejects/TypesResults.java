package dev.coro.rejects;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

/** Rejected: results that are not returned, not an R, or not Yield.done at all. */
public class TypesResults {
    @Coroutine
    static Coro<Integer, Void, Integer> inner() {
        Yield.value(1);
        return Yield.done(2);
    }

    @Coroutine
    static Coro<Integer, Void, Integer> early(boolean stop) {
        if (stop) Yield.done(0); // expect-diagnostic: TYPE_MISMATCH: the value of Yield.done is not returned (write return Yield.done(...);)
        Yield.value(1);
        return Yield.done(3);
    }

    @Coroutine
    static Coro<Integer, Void, Integer> kept() {
        Coro<Integer, Void, Integer> end = Yield.done(4); // expect-diagnostic: TYPE_MISMATCH: the value of Yield.done is not returned (write return Yield.done(...);)
        Yield.value(1);
        return Yield.done(5);
    }

    @Coroutine
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Coro<Integer, Void, Integer> text() {
        Yield.value(1);
        return (Coro) Yield.done("x"); // expect-diagnostic: TYPE_MISMATCH: Yield.done of a String in a coroutine that returns Integer
    }

    @Coroutine
    static Coro<Integer, Void, Integer> other() {
        Yield.value(0); // expect-diagnostic: TYPE_MISMATCH: returns a Coro where Yield.done(...) is expected (for another coroutine's result: return Yield.done(Yield.from(other)))
        return inner();
    }

    @Coroutine
    static Coro<Integer, Void, Integer> nothing(boolean b) {
        Yield.value(0); // expect-diagnostic: TYPE_MISMATCH: returns null where Yield.done(...) is expected
        if (b) return null;
        Yield.value(1);
        return null;
    }
}
