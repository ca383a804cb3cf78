package dev.coro.churn;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

/** The class every throwaway loader of {@link LoaderChurnMain} defines and runs (woven by the agent). */
public class Churned {
    @Coroutine
    static Coro<Integer, Void, Void> upTo(int n) {
        for (int i = 1; i <= n; i++) Yield.value(i);
        return Yield.done();
    }

    /** The sum of {@code upTo(n)}'s values, pulled through the coroutine. */
    public static int sum(int n) {
        int s = 0;
        for (int v : upTo(n)) s += v;
        return s;
    }
}
