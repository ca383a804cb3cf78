package dev.coro.bench;

import dev.coro.Coro;
import dev.coro.bench.coro.CoroContenders;
import dev.coro.bench.hand.RunningSum;
import dev.coro.bench.kotlin.KotlinContenders;
import dev.coro.bench.kotlin.RawGenerator;
import dev.coro.bench.kotlin.RunningSumField;
import dev.coro.bench.threads.ThreadConsumer;
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

import java.util.concurrent.TimeUnit;

/**
 * (B) A consumer keeping a running sum: one {@code send} per value (Python's {@code x = yield total}).
 * The time of one {@code send}, including boxing the value sent. Baseline: {@link #handWritten}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class ConsumerBench {

    /** The values sent: 0, 1, 2, ... (boxed where the contender's API takes a {@code Long}). */
    @State(Scope.Thread)
    public static class Values {
        long next;
    }

    @State(Scope.Thread)
    public static class CoroState {
        Coro<Long, Long, Void> sum;

        @Setup
        public void setup() {
            WovenGuard.check();
            sum = CoroContenders.runningSum();
            sum.next();
        }
    }

    /** The headline: {@code Long x = Yield.value(total)} in a {@code Coro<Long, Long, Void>}. */
    @Benchmark
    public Long coro(CoroState s, Values v) {
        return s.sum.send(v.next++);
    }

    @State(Scope.Thread)
    public static class HandState {
        final RunningSum sum = new RunningSum();

        @Setup
        public void setup() {
            sum.next();
        }
    }

    @Benchmark
    public Long handWritten(HandState s, Values v) {
        return s.sum.send(v.next++);
    }

    @Benchmark
    public long handWrittenPrimitive(HandState s, Values v) {
        return s.sum.sendLong(v.next++);
    }

    @State(Scope.Thread)
    public static class KotlinState {
        RawGenerator<Long, Long> sum;

        @Setup
        public void setup() {
            sum = KotlinContenders.runningSum();
            sum.send(null);
        }
    }

    /** Kotlin as users write it: a generic send/yield class over {@code createCoroutineUnintercepted} + {@code resume}. */
    @Benchmark
    public Long kotlin(KotlinState s, Values v) {
        return s.sum.send(v.next++);
    }

    @State(Scope.Thread)
    public static class KotlinFieldState {
        final RunningSumField sum = new RunningSumField();
    }

    /** Kotlin at its best: the raw intrinsics, values in and out through fields. */
    @Benchmark
    public long kotlinBest(KotlinFieldState s, Values v) {
        return s.sum.send(v.next++);
    }

    @State(Scope.Thread)
    public static class PlatformThreadState {
        ThreadConsumer sum;

        @Setup
        public void setup() {
            sum = new ThreadConsumer(Threads.platform());
        }

        @TearDown
        public void tearDown() {
            sum.close();
        }
    }

    @Benchmark
    public Long platformThread(PlatformThreadState s, Values v) throws InterruptedException {
        return s.sum.send(v.next++);
    }

    @State(Scope.Thread)
    public static class VirtualThreadState {
        ThreadConsumer sum;

        @Setup
        public void setup() {
            sum = new ThreadConsumer(Threads.virtual());
        }

        @TearDown
        public void tearDown() {
            sum.close();
        }
    }

    @Benchmark
    public Long virtualThread(VirtualThreadState s, Values v) throws InterruptedException {
        return s.sum.send(v.next++);
    }
}
