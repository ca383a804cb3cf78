package dev.coro.rejects;

import dev.coro.Coroutine;

/** Rejected: a @Coroutine method declared to return int. */
public class WrongReturnInt {
    @Coroutine
    public int count(String s) {
        int n = 0; // expect-diagnostic: BAD_RETURN_TYPE: a @Coroutine method must return dev.coro.Coro, not int
        for (char c : s.toCharArray()) {
            if (c == 'x') n++;
        }
        return n;
    }
}
