package dev.coro.edge;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.util.List;
import java.util.Set;

/** Coroutines that {@link StackEdgeMain} runs near the end of the thread stack (woven by the agent). */
public class Edge {
    @Coroutine
    static Coro<Integer, Void, Void> upTo(int n) {
        for (int i = 1; i <= n; i++) Yield.value(i);
        return Yield.done();
    }

    /** 6, pulled through a coroutine. */
    public static int sum() {
        int s = 0;
        for (int v : upTo(3)) s += v;
        return s;
    }

    /**
     * Each body starts another like it (numbered {@code id + 1}) and calls its {@code next()} before
     * yielding, until the stack overflows; a body that sees the overflow swallows it and goes on to
     * suspend in a try/finally that adds its number to {@code finallies}. Every coroutine started
     * is added to {@code all}, at the index of its number.
     */
    @Coroutine
    public static Coro<Integer, Void, Void> nest(List<Coro<Integer, Void, Void>> all, Set<Integer> finallies, int id) {
        Coro<Integer, Void, Void> inner = nest(all, finallies, id + 1);
        all.add(inner);
        try {
            inner.next();
        } catch (StackOverflowError e) {
            // the overflow ends the recursion here; this coroutine goes on
        }
        try {
            Yield.value(id);
        } finally {
            finallies.add(id);
        }
        return Yield.done();
    }
}
