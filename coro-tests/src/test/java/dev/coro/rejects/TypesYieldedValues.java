package dev.coro.rejects;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

/** Rejected: values yielded that cannot be a Y (the types of the values come from the bytecode). */
public class TypesYieldedValues {
    @Coroutine
    static Coro<Long, Void, Void> longs() {
        Yield.value(1L);
        Yield.value("text"); // expect-diagnostic: TYPE_MISMATCH: Yield.value of a String in a coroutine that yields Long
        Yield.value(null);
        Yield.value(2); // expect-diagnostic: TYPE_MISMATCH: Yield.value of an Integer in a coroutine that yields Long
        return Yield.done();
    }

    @Coroutine
    static <T extends Number & Comparable<T>> Coro<T, Void, Void> bounded(T first) {
        Yield.value(first);
        Yield.value(new StringBuilder("no")); // expect-diagnostic: TYPE_MISMATCH: Yield.value of a StringBuilder in a coroutine that yields T
        return Yield.done();
    }

    @Coroutine
    static Coro<CharSequence, Void, Void> chars() {
        Yield.value("fine");
        Yield.value(new StringBuilder("fine too"));
        Yield.value(3.5); // expect-diagnostic: TYPE_MISMATCH: Yield.value of a Double in a coroutine that yields CharSequence
        return Yield.done();
    }

    @Coroutine
    static Coro<int[], Void, Void> arrays() {
        Yield.value(new int[] {1});
        Yield.value(new long[] {1}); // expect-diagnostic: TYPE_MISMATCH: Yield.value of a long[] in a coroutine that yields int[]
        return Yield.done();
    }
}
