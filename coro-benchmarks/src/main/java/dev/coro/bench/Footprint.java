package dev.coro.bench;

import dev.coro.Coro;
import dev.coro.bench.coro.CoroContenders;
import dev.coro.bench.hand.FibIterator;
import dev.coro.bench.kotlin.KotlinContenders;
import dev.coro.bench.kotlin.RawFibonacci;
import dev.coro.bench.others.JavaFlowFibonacci;
import dev.coro.bench.others.KilimFibonacci;
import dev.coro.bench.others.OffbynullFibonacci;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * (C) Bytes of heap per suspended coroutine holding two live longs: {@code java ... Footprint CONTENDER N}
 * creates N Fibonacci generators, runs each to its first suspension (where {@code a} and {@code b} are
 * live), keeps them all reachable, and divides the growth of the heap in use after full collections by
 * N. The array holding them is allocated before the first reading, so it is not counted. Prints one
 * JSON object; an {@link OutOfMemoryError} is reported as {@code "fits": false} (bin/bench runs N =
 * 10,000,000 with {@code -Xmx1g}). Run it with {@code -XX:+UseSerialGC}, whose {@code System.gc()} is a
 * full, compacting collection.
 */
public final class Footprint {
    private Footprint() {}

    static Supplier<Object> contender(String name) {
        switch (name) {
            case "coro":
                WovenGuard.check();
                return () -> {
                    Coro<Long, Void, Void> c = CoroContenders.fibonacci();
                    c.next();
                    return c;
                };
            case "handWritten":
                return () -> {
                    FibIterator it = new FibIterator();
                    it.next();
                    return it;
                };
            case "kotlinSequence":
                return () -> {
                    Iterator<Long> it = KotlinContenders.fibonacciSequence();
                    it.next();
                    return it;
                };
            case "kotlinRaw":
                return () -> {
                    RawFibonacci it = new RawFibonacci();
                    it.next();
                    return it;
                };
            case "kilim":
                return () -> {
                    KilimFibonacci g = new KilimFibonacci();
                    g.next();
                    return g;
                };
            case "offbynull":
                return () -> {
                    OffbynullFibonacci g = new OffbynullFibonacci();
                    g.next();
                    return g;
                };
            case "javaflow":
                return () -> {
                    JavaFlowFibonacci g = new JavaFlowFibonacci();
                    g.next();
                    return g;
                };
            default:
                throw new IllegalArgumentException("unknown contender " + name
                        + " (coro, handWritten, kotlinSequence, kotlinRaw, kilim, offbynull, javaflow)");
        }
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Footprint CONTENDER COUNT");
            System.exit(2);
        }
        String name = args[0];
        int count = Integer.parseInt(args[1].replace("_", ""));
        Supplier<Object> make = contender(name);
        for (int i = 0; i < 100_000; i++) make.get(); // load, link and compile before counting

        Object[] live = new Object[count];
        long before = usedAfterGc();
        long start = System.nanoTime();
        int made = 0;
        boolean fits = true;
        try {
            for (; made < count; made++) live[made] = make.get();
        } catch (OutOfMemoryError e) {
            fits = false;
        }
        long nanos = System.nanoTime() - start;
        long after = fits ? usedAfterGc() : -1;
        int reachable = 0;
        for (Object o : live) if (o != null) reachable++; // keeps every coroutine reachable until here
        live = null;
        double bytes = fits ? (double) (after - before) / count : Double.NaN;
        System.out.println(String.format(Locale.ROOT,
                "{\"contender\": \"%s\", \"count\": %d, \"fits\": %s, \"made\": %d, \"bytesPerCoroutine\": %s,"
                        + " \"createNanosPerCoroutine\": %.1f, \"maxHeapBytes\": %d, \"jdk\": \"%s\", \"jvmArgs\": \"%s\"}",
                name, count, fits, reachable, fits ? String.format(Locale.ROOT, "%.2f", bytes) : "null",
                made == 0 ? 0.0 : (double) nanos / made, Runtime.getRuntime().maxMemory(), Runtime.version(),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()).replace("\"", "'")));
    }

    /** Heap in use once repeated full collections stop freeing anything. */
    static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used && i >= 3) return now;
            used = Math.min(used, now);
        }
        return used;
    }
}
