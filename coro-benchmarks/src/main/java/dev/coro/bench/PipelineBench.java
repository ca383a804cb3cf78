package dev.coro.bench;

import dev.coro.Coro;
import dev.coro.bench.coro.CoroContenders;
import dev.coro.bench.hand.CheckedPipeline;
import dev.coro.bench.hand.Counter;
import dev.coro.bench.hand.DropThrees;
import dev.coro.bench.hand.Summing;
import dev.coro.bench.kotlin.KotlinContenders;
import dev.coro.bench.kotlin.PipelineField;
import dev.coro.bench.kotlin.RawGenerator;
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
 * (D) A three-stage pipeline, as in Beazley's coroutine pipelines and {@code examples/Pipeline.java}: a
 * source generator (0, 1, 2, ...) whose items are sent into a filter (drops multiples of 3), which sends
 * the rest on to a sink (running sum). The time per source item. Baseline: {@link #handWritten}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class PipelineBench {

    @State(Scope.Thread)
    public static class CoroState {
        Coro<Long, Void, Void> source;
        Coro<Void, Long, Void> filter;

        @Setup
        public void setup() {
            WovenGuard.check();
            source = CoroContenders.count();
            filter = CoroContenders.dropThrees(CoroContenders.summing());
        }
    }

    @Benchmark
    public Long coro(CoroState s) {
        Long x = s.source.next();
        s.filter.send(x);
        return x;
    }

    @State(Scope.Thread)
    public static class HandState {
        final Counter source = new Counter();
        final DropThrees filter = new DropThrees(new Summing());
    }

    @Benchmark
    public Long handWritten(HandState s) {
        Long x = s.source.next();
        s.filter.send(x);
        return x;
    }

    @State(Scope.Thread)
    public static class CheckedState {
        final CheckedPipeline.Count source = new CheckedPipeline.Count();
        final CheckedPipeline.DropThrees filter = new CheckedPipeline.DropThrees(new CheckedPipeline.Summing());
    }

    /** Hand-written stages that make the protocol's checks on every resume, as coro's fast path does. */
    @Benchmark
    public Long handWrittenChecked(CheckedState s) {
        Long x = s.source.next();
        s.filter.send(x);
        return x;
    }

    @State(Scope.Thread)
    public static class KotlinState {
        final Iterator<Long> source = KotlinContenders.countSequence();
        final RawGenerator<?, Long> filter = KotlinContenders.dropThrees(KotlinContenders.summing());
    }

    /** Kotlin as users write it: a {@code sequence {}} source, filter and sink over a generic send/yield class. */
    @Benchmark
    public Long kotlin(KotlinState s) {
        Long x = s.source.next();
        s.filter.send(x);
        return x;
    }

    @State(Scope.Thread)
    public static class KotlinFieldState {
        final PipelineField pipeline = new PipelineField();
    }

    /** Kotlin at its best: the three stages over the raw intrinsics, values through fields. */
    @Benchmark
    public long kotlinBest(KotlinFieldState s) {
        return s.pipeline.step();
    }
}
