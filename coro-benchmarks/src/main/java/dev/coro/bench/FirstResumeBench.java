package dev.coro.bench;

import dev.coro.Coro;
import dev.coro.bench.coro.ManyTypes;
import dev.coro.bench.hand.ManyIterators;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * (H) The first-resume order: the 16th coroutine type ({@code ManyTypes.gen15}, beside the hand-written
 * {@code ManyIterators.It15}) measured on its own, one {@code next()} per operation, after the trial's setup
 * has run the 15 others ({@code gen0} … {@code gen14}, {@code It0} … {@code It14}) through one shared call
 * site ({@link #step}) long enough for the JIT to compile what they run. {@code order}: {@code alone}, the
 * 15 others never run (the measured type is the only one); {@code first}, the measured type is created and
 * resumed before the others and warmed up with them, in turn; {@code late}, it is created (its frame class
 * loaded) and first resumed only after the others' warm-up. The steady state should not depend on the order.
 * Measured at its own call site ({@code coro}, {@code hand}) and at the shared one ({@code coroSharedSite},
 * {@code handSharedSite}). Each returns the value as a {@code long}, so the {@code Long} the API boxes need
 * not escape: B/op (-prof gc) says whether it was scalar-replaced.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class FirstResumeBench {
    /** Rounds of the warm-up: each of the 15 other types resumed this often through {@link #step}. */
    static final int WARM_ROUNDS = 50_000;
    /** The measured type. */
    static final int LATE = 15;

    @State(Scope.Thread)
    public static class Order {
        @Param({"alone", "first", "late"})
        String order;
        Coro<Long, Void, Void> c;
        Iterator<Long> h;

        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void setup() {
            WovenGuard.check();
            if (!order.equals("alone") && !order.equals("first") && !order.equals("late")) {
                throw new IllegalArgumentException("order " + order + ": alone, first or late");
            }
            if (order.equals("alone")) {
                c = ManyTypes.of(LATE);
                h = ManyIterators.of(LATE);
                return;
            }
            boolean first = order.equals("first");
            Coro<Long, Void, Void>[] cs = new Coro[first ? 16 : 15];
            Iterator<Long>[] hs = new Iterator[cs.length];
            if (first) {
                c = cs[15] = ManyTypes.of(LATE);
                h = hs[15] = ManyIterators.of(LATE);
                step(c);
                step(h);
            }
            for (int k = 0; k < 15; k++) {
                cs[k] = ManyTypes.of(k);
                hs[k] = ManyIterators.of(k);
            }
            warm(cs, hs);
            if (!first) {
                c = ManyTypes.of(LATE);
                h = ManyIterators.of(LATE);
            }
        }
    }

    /** The call site every type goes through in the warm-up (a scheduler's). */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static long step(Coro<Long, Void, Void> c) {
        return c.next();
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static long step(Iterator<Long> h) {
        return h.next();
    }

    /** Each coroutine and iterator WARM_ROUNDS times, in turn, through {@link #step}; returns a checksum. */
    static long warm(Coro<Long, Void, Void>[] cs, Iterator<Long>[] hs) {
        long sum = 0;
        for (int r = 0; r < WARM_ROUNDS; r++) {
            for (int k = 0; k < cs.length; k++) {
                sum += step(cs[k]);
                sum -= step(hs[k]);
            }
        }
        if (sum != 0) throw new AssertionError("coroutines and iterators disagree by " + sum + " in the warm-up");
        return sum;
    }

    /** The measured type at a call site of its own. */
    @Benchmark
    public long coro(Order s) {
        return s.c.next();
    }

    @Benchmark
    public long hand(Order s) {
        return s.h.next();
    }

    /** The measured type at the call site the others were warmed up through. */
    @Benchmark
    public long coroSharedSite(Order s) {
        return step(s.c);
    }

    @Benchmark
    public long handSharedSite(Order s) {
        return step(s.h);
    }
}
