package dev.coro.bench;

import dev.coro.Coro;
import dev.coro.bench.coro.CoroContenders;
import dev.coro.bench.coro.LongCell;
import dev.coro.bench.hand.Guarded;
import dev.coro.bench.hand.Resilient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * (G) {@code raise} and {@code close} on a suspended coroutine with a {@code finally}. {@code ...Close}
 * and {@code ...Raise} create a generator, run it to its first yield, then close it / raise into it (the
 * exception escapes through the {@code finally}); {@code ...RaiseCaught} raises into a long-lived
 * generator that catches it and yields again. The exception is preallocated, without a stack trace, so
 * what is measured is the protocol, not {@code fillInStackTrace}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Thread)
public class ExceptionBench {

    /** Thrown in by {@code raise}. */
    static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom() {
            super("boom", null, false, false);
        }
    }

    private static final Boom BOOM = new Boom();
    private final LongCell finallyRuns = new LongCell();
    private Coro<Long, Void, Void> resilient;
    private Resilient handResilient;

    @Setup
    public void setup() {
        WovenGuard.check();
        resilient = CoroContenders.resilient();
        resilient.next();
        handResilient = new Resilient();
        handResilient.next();
    }

    @Benchmark
    public long coroClose() {
        Coro<Long, Void, Void> c = CoroContenders.guarded(finallyRuns);
        c.next();
        c.close();
        return finallyRuns.value;
    }

    @Benchmark
    public long handWrittenClose() {
        Guarded g = new Guarded(finallyRuns);
        g.next();
        g.close();
        return finallyRuns.value;
    }

    @Benchmark
    public long coroRaise() {
        Coro<Long, Void, Void> c = CoroContenders.guarded(finallyRuns);
        c.next();
        try {
            c.raise(BOOM);
            throw new AssertionError("raise returned");
        } catch (Boom expected) {
            return finallyRuns.value;
        }
    }

    @Benchmark
    public long handWrittenRaise() {
        Guarded g = new Guarded(finallyRuns);
        g.next();
        try {
            g.raise(BOOM);
            throw new AssertionError("raise returned");
        } catch (Boom expected) {
            return finallyRuns.value;
        }
    }

    @Benchmark
    public Long coroRaiseCaught() {
        return resilient.raise(BOOM);
    }

    @Benchmark
    public Long handWrittenRaiseCaught() {
        return handResilient.raise(BOOM);
    }
}
