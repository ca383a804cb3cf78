package dev.coro.bench.corpus;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** (F) weaving corpus: coroutines that are sent values (x = yield y), primed ones, instance methods. */
public final class Consumers {
    private final String prefix;
    private int seen;

    public Consumers(String prefix) {
        this.prefix = prefix;
    }

    @Coroutine
    public static Coro<Long, Long, Void> runningSum() {
        long total = 0;
        while (true) {
            Long x = Yield.value(total);
            total += x;
        }
    }

    @Coroutine
    public static Coro<Double, Double, Double> averager() {
        double total = 0;
        int count = 0;
        Double average = null;
        while (true) {
            Double x = Yield.value(average);
            if (x == null) break;
            total += x;
            count++;
            average = total / count;
        }
        return Yield.done(average);
    }

    @Coroutine(primed = true)
    public static Coro<Void, String, Map<String, Integer>> wordCounter() {
        Map<String, Integer> counts = new HashMap<>();
        String w;
        while ((w = Yield.await()) != null) {
            counts.merge(w.toLowerCase(), 1, Integer::sum);
        }
        return Yield.done(counts);
    }

    @Coroutine(primed = true)
    public static Coro<Void, Long, Void> dropThrees(Coro<?, ? super Long, ?> target) {
        while (true) {
            Long x = Yield.await();
            if (x % 3 != 0) target.send(x);
        }
    }

    @Coroutine
    public Coro<String, String, List<String>> tagger(int limit) {
        List<String> out = new ArrayList<>();
        String line = Yield.value(prefix + "ready");
        while (line != null && out.size() < limit) {
            seen++;
            out.add(prefix + seen + ": " + line);
            line = Yield.value(out.get(out.size() - 1));
        }
        return Yield.done(out);
    }

    @Coroutine
    public Coro<Integer, int[], Long> histogram(int buckets) {
        long[] counts = new long[buckets];
        long total = 0;
        int[] batch = Yield.value(0);
        while (batch != null) {
            for (int v : batch) {
                counts[Math.floorMod(v, buckets)]++;
                total++;
            }
            batch = Yield.value((int) total);
        }
        return Yield.done(total);
    }
}
