package dev.coro.bench.corpus;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.util.List;

/** (F) weaving corpus: plain generators (loops, long and double locals, nested loops, early return). */
public final class Generators {
    private Generators() {}

    @Coroutine
    public static Coro<Long, Void, Void> fibonacci() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    @Coroutine
    public static Coro<Integer, Void, Integer> range(int from, int to, int step) {
        int n = 0;
        for (int i = from; i < to; i += step) {
            Yield.value(i);
            n++;
        }
        return Yield.done(n);
    }

    @Coroutine
    public static Coro<Double, Void, Double> averages(double[] xs) {
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            sum += xs[i];
            Yield.value(sum / (i + 1));
        }
        return Yield.done(sum);
    }

    @Coroutine
    public static Coro<String, Void, Void> grid(List<String> rows, int cols) {
        for (String row : rows) {
            for (int c = 0; c < cols; c++) {
                if (row.isEmpty()) return Yield.done();
                Yield.value(row + ":" + c);
            }
            Yield.value("--");
        }
        return Yield.done();
    }

    @Coroutine
    public static Coro<int[], Void, Void> permutations(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        while (true) {
            Yield.value(p.clone());
            int i = n - 2;
            while (i >= 0 && p[i] >= p[i + 1]) i--;
            if (i < 0) return Yield.done();
            int j = n - 1;
            while (p[j] <= p[i]) j--;
            int t = p[i]; p[i] = p[j]; p[j] = t;
            for (int l = i + 1, r = n - 1; l < r; l++, r--) {
                t = p[l]; p[l] = p[r]; p[r] = t;
            }
        }
    }

    @Coroutine
    public static Coro<Character, Void, Integer> chars(CharSequence s, boolean skipSpaces) {
        int skipped = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (skipSpaces && Character.isWhitespace(c)) {
                skipped++;
                continue;
            }
            Yield.value(c);
        }
        return Yield.done(skipped);
    }
}
