package dev.coro.rejects;

import dev.coro.Coroutine;
import dev.coro.Yield;

import java.util.ArrayList;
import java.util.List;

/** Rejected: a @Coroutine method declared to return Iterable instead of Coro. */
public class WrongReturnIterable {
    @Coroutine
    static Iterable<Integer> squares(int n) {
        List<Integer> out = new ArrayList<>(); // expect-diagnostic: BAD_RETURN_TYPE: a @Coroutine method must return dev.coro.Coro, not java.lang.Iterable
        for (int i = 0; i < n; i++) {
            Yield.value(i * i);
            out.add(i * i);
        }
        return out;
    }
}
