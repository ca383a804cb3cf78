package dev.coro.rejects;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

/** Rejected: a value sent in (an S) used as something an S cannot be, as the cast javac inserted says. */
public class TypesReceivedValues {
    @Coroutine
    static Coro<Void, Integer, Void> awaits() {
        Integer fine = Yield.await();
        String s = Yield.await(); // expect-diagnostic: TYPE_MISMATCH: Yield.await used as a String in a coroutine that is sent Integer
        System.out.println(fine + s);
        return Yield.done();
    }

    @Coroutine
    static Coro<Integer, Integer, Void> overload() {
        // valueOf(char[]) is the most specific overload javac can bind
        String v = String.valueOf(Yield.value(1)); // expect-diagnostic: TYPE_MISMATCH: Yield.value used as a char[] in a coroutine that is sent Integer
        Yield.value(v.length());
        return Yield.done();
    }
}
