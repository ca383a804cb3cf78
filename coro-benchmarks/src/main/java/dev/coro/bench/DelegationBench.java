package dev.coro.bench;

import dev.coro.Coro;
import dev.coro.bench.coro.CoroContenders;
import dev.coro.bench.hand.Delegating;
import org.openjdk.jmh.annotations.Param;
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

import java.util.Iterator;

/**
 * (E) {@code Yield.from} chains: {@code depth} coroutines each delegating to the next, over a counter.
 * The time of one {@code next()} on the outermost. Target: depth 10,000 within 2x of depth 1. The
 * hand-written chain forwards each {@code next} level by level, so its cost grows with the depth.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m"})
@State(Scope.Thread)
public class DelegationBench {

    @Param({"1", "100", "10000"})
    public int depth;

    private Coro<Long, Void, Void> coro;
    private Iterator<Long> hand;

    @Setup
    public void setup() {
        WovenGuard.check();
        coro = CoroContenders.chain(depth);
        coro.next();
        hand = Delegating.chain(depth);
        hand.next();
    }

    @Benchmark
    public Long coro() {
        return coro.next();
    }

    @Benchmark
    public Long handWritten() {
        return hand.next();
    }
}
