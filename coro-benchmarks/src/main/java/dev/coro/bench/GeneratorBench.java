package dev.coro.bench;

import dev.coro.Coro;
import dev.coro.bench.coro.CoroContenders;
import dev.coro.bench.coro.LongCell;
import dev.coro.bench.hand.FibIterator;
import dev.coro.bench.kotlin.FibonacciField;
import dev.coro.bench.kotlin.KotlinContenders;
import dev.coro.bench.kotlin.RawFibonacci;
import dev.coro.bench.others.JavaFlowFibonacci;
import dev.coro.bench.others.KilimFibonacci;
import dev.coro.bench.others.OffbynullFibonacci;
import dev.coro.bench.threads.ThreadGenerator;
import dev.coro.bench.threads.Threads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * (A) A generator: one Fibonacci number (mod 2^64) per {@code next()}. The time of one {@code next()}.
 * Baseline: {@link #handWritten}, an {@code Iterator<Long>} with fields and a {@code switch}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class GeneratorBench {

    @State(Scope.Thread)
    public static class CoroState {
        Coro<Long, Void, Void> gen;

        @Setup
        public void setup() {
            WovenGuard.check();
            gen = CoroContenders.fibonacci();
        }
    }

    /** The headline: {@code Yield.value(a)} in a {@code Coro<Long, Void, Void>}, boxed as the API boxes it. */
    @Benchmark
    public Long coro(CoroState s) {
        return s.gen.next();
    }

    @State(Scope.Thread)
    public static class CoroFieldState {
        final LongCell out = new LongCell();
        Coro<Void, Void, Void> gen;

        @Setup
        public void setup() {
            WovenGuard.check();
            gen = CoroContenders.fibonacciInto(out);
        }
    }

    /** The faster spelling: the value through a field, {@code Yield.await()} yielding nothing. */
    @Benchmark
    public long coroField(CoroFieldState s) {
        s.gen.next();
        return s.out.value;
    }

    @State(Scope.Thread)
    public static class HandState {
        final FibIterator it = new FibIterator();
    }

    @Benchmark
    public Long handWritten(HandState s) {
        return s.it.next();
    }

    @Benchmark
    public long handWrittenPrimitive(HandState s) {
        return s.it.nextLong();
    }

    @State(Scope.Thread)
    public static class KotlinSequenceState {
        final Iterator<Long> it = KotlinContenders.fibonacciSequence();
    }

    /** Kotlin as users write it: {@code sequence { yield(a) }}. */
    @Benchmark
    public Long kotlinSequence(KotlinSequenceState s) {
        return s.it.next();
    }

    @State(Scope.Thread)
    public static class KotlinFieldState {
        final FibonacciField it = new FibonacciField();
    }

    /** Kotlin at its best: {@code iterator {}} yielding Unit, the value through a field. */
    @Benchmark
    public long kotlinBest(KotlinFieldState s) {
        return s.it.next();
    }

    @State(Scope.Thread)
    public static class KotlinRawState {
        final RawFibonacci it = new RawFibonacci();
    }

    /** Kotlin's raw intrinsics: {@code createCoroutineUnintercepted} + {@code resume}, the value through a field. */
    @Benchmark
    public long kotlinRaw(KotlinRawState s) {
        return s.it.next();
    }

    @State(Scope.Thread)
    public static class KilimState {
        final KilimFibonacci gen = new KilimFibonacci();
    }

    /** Kilim: a {@code kilim.Generator<Long>}, {@code yield(a)} boxed. */
    @Benchmark
    public Long kilim(KilimState s) {
        return s.gen.next();
    }

    @State(Scope.Thread)
    public static class OffbynullState {
        final OffbynullFibonacci gen = new OffbynullFibonacci();
    }

    /** offbynull/coroutines: {@code CoroutineRunner.execute()}, the value through a field. */
    @Benchmark
    public Long offbynull(OffbynullState s) {
        return s.gen.next();
    }

    @State(Scope.Thread)
    public static class JavaFlowState {
        final JavaFlowFibonacci gen = new JavaFlowFibonacci();
    }

    /** Tascalate JavaFlow: {@code Continuation.suspend(a)}, {@code resume()}. */
    @Benchmark
    public Long javaflow(JavaFlowState s) {
        return s.gen.next();
    }

    @State(Scope.Thread)
    public static class PlatformThreadState {
        ThreadGenerator gen;

        @Setup
        public void setup() {
            gen = new ThreadGenerator(Threads.platform());
        }

        @TearDown
        public void tearDown() {
            gen.close();
        }
    }

    /** A platform thread handing each value over through a {@code SynchronousQueue}. */
    @Benchmark
    public Long platformThread(PlatformThreadState s) throws InterruptedException {
        return s.gen.next();
    }

    @State(Scope.Thread)
    public static class VirtualThreadState {
        ThreadGenerator gen;

        @Setup
        public void setup() {
            gen = new ThreadGenerator(Threads.virtual());
        }

        @TearDown
        public void tearDown() {
            gen.close();
        }
    }

    /** A virtual thread (JDK 21+) handing each value over through a {@code SynchronousQueue}. */
    @Benchmark
    public Long virtualThread(VirtualThreadState s) throws InterruptedException {
        return s.gen.next();
    }
}
