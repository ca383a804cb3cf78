package dev.coro.rejects;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Rejected: Yield.from of a coroutine or an iterable whose elements are not Ys, from generic signatures. */
public class TypesDelegation {
    static final List<? extends CharSequence> WORDS = Arrays.asList("a", "b");

    @Coroutine
    static Coro<String, Void, Void> names() {
        Yield.value("ann");
        return Yield.done();
    }

    @Coroutine
    static Coro<Long, Void, Void> numbers() {
        Coro<String, Void, Void> names = names();
        Yield.from(names); // expect-diagnostic: TYPE_MISMATCH: Yield.from of a coroutine that yields String in a coroutine that yields Long
        Yield.from(names()); // expect-diagnostic: TYPE_MISMATCH: Yield.from of a coroutine that yields String in a coroutine that yields Long
        List<String> list = Arrays.asList("x", "y");
        Yield.from(list); // expect-diagnostic: TYPE_MISMATCH: Yield.from of an Iterable of String in a coroutine that yields Long
        Yield.from(WORDS); // expect-diagnostic: TYPE_MISMATCH: Yield.from of an Iterable of ? extends CharSequence in a coroutine that yields Long
        Yield.from(Arrays.asList("p", "q")); // expect-diagnostic: TYPE_MISMATCH: Yield.from of an Iterable of String in a coroutine that yields Long
        Yield.from(Collections.singletonList(1)); // expect-diagnostic: TYPE_MISMATCH: Yield.from of an Iterable of Integer in a coroutine that yields Long
        Yield.from(Arrays.asList(1L, null));
        return Yield.done();
    }

    @Coroutine
    static Coro<Long, Void, Void> parameter(Iterable<String> strings) {
        Yield.from(strings); // expect-diagnostic: TYPE_MISMATCH: Yield.from of an Iterable of String in a coroutine that yields Long
        return Yield.done();
    }
}
