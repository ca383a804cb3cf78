package dev.coro.bench;

import dev.coro.Coro;
import dev.coro.bench.coro.CoroContenders;
import dev.coro.bench.hand.FibIterator;
import dev.coro.bench.kotlin.KotlinContenders;
import dev.coro.bench.kotlin.RawFibonacci;
import dev.coro.bench.others.JavaFlowFibonacci;
import dev.coro.bench.others.KilimFibonacci;
import dev.coro.bench.others.OffbynullFibonacci;
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
 * (C) The time to create one Fibonacci generator ({@code coro}: calling the {@code @Coroutine} method;
 * it runs nothing), and to create it and run it to its first suspension, where it holds two live longs
 * ({@code ...Started}). Bytes per suspended coroutine are measured by {@link Footprint}, not here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Thread)
public class CreateBench {

    @Setup
    public void setup() {
        WovenGuard.check();
    }

    @Benchmark
    public Coro<Long, Void, Void> coro() {
        return CoroContenders.fibonacci();
    }

    @Benchmark
    public Coro<Long, Void, Void> coroStarted() {
        Coro<Long, Void, Void> c = CoroContenders.fibonacci();
        c.next();
        return c;
    }

    @Benchmark
    public FibIterator handWritten() {
        return new FibIterator();
    }

    @Benchmark
    public FibIterator handWrittenStarted() {
        FibIterator it = new FibIterator();
        it.next();
        return it;
    }

    /** Hand-written, made by a static method declared to return {@code Iterator<Long>}, as coro's is declared {@code Coro}. */
    @Benchmark
    public Iterator<Long> handWrittenFactory() {
        return FibIterator.fibonacci();
    }

    @Benchmark
    public Iterator<Long> handWrittenFactoryStarted() {
        Iterator<Long> it = FibIterator.fibonacci();
        it.next();
        return it;
    }

    /** Kotlin as users write it: {@code sequence {}.iterator()}. */
    @Benchmark
    public Iterator<Long> kotlinSequence() {
        return KotlinContenders.fibonacciSequence();
    }

    @Benchmark
    public Iterator<Long> kotlinSequenceStarted() {
        Iterator<Long> it = KotlinContenders.fibonacciSequence();
        it.next();
        return it;
    }

    /** Kotlin's raw intrinsics: {@code createCoroutineUnintercepted}. */
    @Benchmark
    public RawFibonacci kotlinRaw() {
        return new RawFibonacci();
    }

    @Benchmark
    public RawFibonacci kotlinRawStarted() {
        RawFibonacci it = new RawFibonacci();
        it.next();
        return it;
    }

    @Benchmark
    public KilimFibonacci kilim() {
        return new KilimFibonacci();
    }

    @Benchmark
    public KilimFibonacci kilimStarted() {
        KilimFibonacci g = new KilimFibonacci();
        g.next();
        return g;
    }

    @Benchmark
    public OffbynullFibonacci offbynull() {
        return new OffbynullFibonacci();
    }

    @Benchmark
    public OffbynullFibonacci offbynullStarted() {
        OffbynullFibonacci g = new OffbynullFibonacci();
        g.next();
        return g;
    }

    @Benchmark
    public JavaFlowFibonacci javaflow() {
        return new JavaFlowFibonacci();
    }

    @Benchmark
    public JavaFlowFibonacci javaflowStarted() {
        JavaFlowFibonacci g = new JavaFlowFibonacci();
        g.next();
        return g;
    }
}
