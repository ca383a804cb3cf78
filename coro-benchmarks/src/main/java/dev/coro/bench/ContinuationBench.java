package dev.coro.bench;

import dev.coro.bench.threads.JdkContinuations;
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
 * (A) and (B) on {@code jdk.internal.vm.Continuation}, the JDK's one-shot delimited continuations (JDK 21+;
 * bin/bench runs this class on JDK 25 only). Values through fields, boxed on the way out as coro's are.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"})
public class ContinuationBench {

    @State(Scope.Thread)
    public static class GeneratorState {
        JdkContinuations.Generator gen;

        @Setup
        public void setup() {
            JdkContinuations.requireAvailable();
            gen = new JdkContinuations.Generator();
        }
    }

    /** (A) one Fibonacci number per {@code run()}. */
    @Benchmark
    public Long generator(GeneratorState s) {
        return s.gen.next();
    }

    @State(Scope.Thread)
    public static class ConsumerState {
        JdkContinuations.Consumer sum;
        long next;

        @Setup
        public void setup() {
            JdkContinuations.requireAvailable();
            sum = new JdkContinuations.Consumer();
        }
    }

    /** (B) one value sent per {@code run()}. */
    @Benchmark
    public Long consumer(ConsumerState s) {
        return s.sum.send(s.next++);
    }
}
