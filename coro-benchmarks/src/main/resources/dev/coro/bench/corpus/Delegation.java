package dev.coro.bench.corpus;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.util.ArrayList;
import java.util.List;

/** (F) weaving corpus: Yield.from a sub-coroutine and an Iterable, recursive tree walks, PEP 380's grouper. */
public final class Delegation {
    private Delegation() {}

    public static final class Node {
        final Node left, right;
        final int value;

        public Node(Node left, int value, Node right) {
            this.left = left;
            this.value = value;
            this.right = right;
        }
    }

    @Coroutine
    public static Coro<Integer, Void, Integer> inOrder(Node n) {
        if (n == null) return Yield.done(0);
        int l = Yield.from(inOrder(n.left));
        Yield.value(n.value);
        int r = Yield.from(inOrder(n.right));
        return Yield.done(l + 1 + r);
    }

    @Coroutine
    public static Coro<Double, Double, Double> averager() {
        double total = 0;
        int count = 0;
        Double avg = null;
        while (true) {
            Double x = Yield.value(avg);
            if (x == null) break;
            total += x;
            count++;
            avg = total / count;
        }
        return Yield.done(avg);
    }

    @Coroutine
    public static Coro<Double, Double, Void> grouper(List<Double> results) {
        while (true) {
            Double r = Yield.from(averager());
            results.add(r);
        }
    }

    @Coroutine
    public static Coro<Object, Void, String> chain(List<? extends Iterable<?>> parts) {
        int n = 0;
        for (Iterable<?> p : parts) {
            Yield.from(p);
            n++;
        }
        return Yield.done("chained " + n);
    }

    @Coroutine
    public static Coro<String, String, List<String>> pipeline(Coro<String, String, String> first,
            Coro<String, String, String> second) {
        List<String> results = new ArrayList<>();
        results.add(Yield.from(first));
        results.add(Yield.from(second));
        String extra = Yield.value("more?");
        if (extra != null) results.add(Yield.from(Delegation.<String>echo(extra)));
        return Yield.done(results);
    }

    @Coroutine
    public static <T> Coro<T, T, T> echo(T first) {
        T last = first;
        T got;
        while ((got = Yield.value(last)) != null) last = got;
        return Yield.done(last);
    }
}
