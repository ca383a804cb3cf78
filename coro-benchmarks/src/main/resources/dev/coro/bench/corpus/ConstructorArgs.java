package dev.coro.bench.corpus;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

/**
 * (F) weaving corpus: yields inside constructor arguments and other expressions (an uninitialised
 * {@code new} on the operand stack at the suspension), ternaries, compound assignments.
 */
public final class ConstructorArgs {
    private ConstructorArgs() {}

    public static final class Pair {
        final Object a, b;

        public Pair(Object a, Object b) {
            this.a = a;
            this.b = b;
        }
    }

    public static final class Box {
        final long l;
        final double d;
        final String s;

        public Box(long l, double d, String s) {
            this.l = l;
            this.d = d;
            this.s = s;
        }
    }

    @Coroutine
    public static Coro<Object, Object, Pair> pairs(Object a, int n) {
        Pair p = new Pair(a, null);
        for (int i = 0; i < n; i++) {
            p = new Pair(p, Yield.value(p));
        }
        return Yield.done(p);
    }

    @Coroutine
    public static Coro<Object, Object, Pair> nestedPairs(Object a, Object b) {
        Pair p = new Pair(new Pair(Yield.await(), b), Yield.value(3));
        Pair q = new Pair(Yield.value(new Pair(p.b, p.a)), new Pair(b, new Pair(Yield.value(4), Yield.value(5))));
        return Yield.done(new Pair(p, new Pair(q, a)));
    }

    @Coroutine
    public static Coro<Object, Object, Box> boxes(long l) {
        Box b = new Box(l * 3, 0.5 + Yield.<Double>value(l), "s" + Yield.value(l + 1));
        return Yield.done(new Box(b.l + Yield.<Long>value(b), b.d * 2, b.s));
    }

    @Coroutine
    public static Coro<String, String, String> builders() {
        StringBuilder sb = new StringBuilder(Yield.<String>await())
                .append(new StringBuilder(Yield.<String>value("second")).reverse());
        return Yield.done(sb.toString());
    }

    @Coroutine
    public static Coro<Object, Object, Pair> ternaries(boolean f) {
        Pair p = new Pair(f ? Yield.value("L") : "noL", new Pair(f ? "noR" : Yield.value("R"), f));
        long[] acc = {1};
        acc[0] += Yield.<Long>value(acc[0]);
        acc[0] *= Yield.<Long>value(acc[0]);
        return Yield.done(new Pair(p, acc[0]));
    }
}
