package dev.coro.bench;

import dev.coro.Coro;
import dev.coro.bench.coro.ManyTypes;
import dev.coro.bench.hand.ManyIterators;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * (H) Many coroutine types: {@code types} (1, 4, 16) behaviourally identical Fibonacci generators,
 * each its own class, one {@code next()} per operation, the types taken in turn. Driven from one call
 * site per type (a {@code switch} with a {@code next()} call in each case: each site sees one class,
 * as in a program whose call sites each use one coroutine) and from one call site for all (as a
 * scheduler or a {@code List<Coro<...>>} does); beside {@code types} hand-written {@code Iterator<Long>}
 * classes driven the same two ways (the baseline).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class ManyTypesBench {

    @State(Scope.Thread)
    public static class Types {
        @Param({"1", "4", "16"})
        int types;
        Coro<Long, Void, Void>[] c;
        Iterator<Long>[] h;
        int i;

        @Setup
        @SuppressWarnings("unchecked")
        public void setup() {
            WovenGuard.check();
            c = new Coro[16];
            h = new Iterator[16];
            for (int k = 0; k < 16; k++) {
                c[k] = ManyTypes.of(k % types);
                h[k] = ManyIterators.of(k % types);
            }
        }

        /** The next slot, 0 .. 15, each type as often as any other (the array repeats the types). */
        int slot() {
            int k = i;
            i = (k + 1) & 15;
            return k;
        }
    }

    /** One call site for every type (a scheduler's). */
    @Benchmark
    public Long coroOneSite(Types s) {
        return s.c[s.slot()].next();
    }

    /** One call site per type. */
    @Benchmark
    public Long coroSitePerType(Types s) {
        Coro<Long, Void, Void>[] c = s.c;
        switch (s.slot() % s.types) {
            case 0: return c[0].next();
            case 1: return c[1].next();
            case 2: return c[2].next();
            case 3: return c[3].next();
            case 4: return c[4].next();
            case 5: return c[5].next();
            case 6: return c[6].next();
            case 7: return c[7].next();
            case 8: return c[8].next();
            case 9: return c[9].next();
            case 10: return c[10].next();
            case 11: return c[11].next();
            case 12: return c[12].next();
            case 13: return c[13].next();
            case 14: return c[14].next();
            case 15: return c[15].next();
            default: throw new AssertionError();
        }
    }

    @Benchmark
    public Long handOneSite(Types s) {
        return s.h[s.slot()].next();
    }

    @Benchmark
    public Long handSitePerType(Types s) {
        Iterator<Long>[] h = s.h;
        switch (s.slot() % s.types) {
            case 0: return h[0].next();
            case 1: return h[1].next();
            case 2: return h[2].next();
            case 3: return h[3].next();
            case 4: return h[4].next();
            case 5: return h[5].next();
            case 6: return h[6].next();
            case 7: return h[7].next();
            case 8: return h[8].next();
            case 9: return h[9].next();
            case 10: return h[10].next();
            case 11: return h[11].next();
            case 12: return h[12].next();
            case 13: return h[13].next();
            case 14: return h[14].next();
            case 15: return h[15].next();
            default: throw new AssertionError();
        }
    }
}
