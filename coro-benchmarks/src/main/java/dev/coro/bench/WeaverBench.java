package dev.coro.bench;

import dev.coro.weaver.ClassHierarchy;
import dev.coro.weaver.WeaveResult;
import dev.coro.weaver.Weaver;
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
 * (F) The weaver itself, in classes per second (one operation is one class file; the corpus is
 * cycled through in order).
 *
 * <ul>
 *   <li>{@link #gate}: what the agent pays for every class that has no coroutine,
 *       {@link Weaver#needsWeaving(byte[])} (a scan of the constant pool), over every class file of
 *       the benchmarks jar itself (JMH, Kotlin's stdlib, Kilim, commons-math, ASM, ...).</li>
 *   <li>{@link #weave} and {@link #weaveNoVerify}: {@code new Weaver(hierarchy).weave(bytes)} over
 *       unwoven coroutine classes, compiled at setup from the sources in
 *       {@code src/main/resources/dev/coro/bench/corpus} (see {@link WeaveCorpus}), with one
 *       {@link ClassHierarchy} shared by every call, as the agent keeps one per class loader. By
 *       default the weaver checks its output with ASM's verifier (the agent's and the plugin's
 *       default); {@code weaveNoVerify} is the agent's {@code noverify}.</li>
 *   <li>{@link #weaveManyHandlers}: one large coroutine alone ({@code corpus/ManyHandlers.java}: 40
 *       live locals, 80 try/catch blocks around suspension points), the shape whose weaving was
 *       super-linear (seconds per class) before the constructor pass stopped using ASM's
 *       SourceInterpreter.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class WeaverBench {

    @State(Scope.Thread)
    public static class GateState {
        byte[][] classes;
        int next;

        @Setup
        public void setup() {
            classes = WeaveCorpus.classFilesOfThisJar().toArray(new byte[0][]);
            int coro = 0;
            long bytes = 0;
            for (byte[] c : classes) {
                if (Weaver.needsWeaving(c)) coro++;
                bytes += c.length;
            }
            System.out.printf("(F) gate corpus: %,d class files of %s, %,d bytes (%,d on average), %d needing weaving%n",
                    classes.length, WeaveCorpus.thisJar().getFileName(), bytes, bytes / Math.max(1, classes.length), coro);
        }

        byte[] next() {
            byte[] c = classes[next];
            if (++next == classes.length) next = 0;
            return c;
        }
    }

    /** The agent's per-class cost on classes without coroutines (and the few with): one class file per operation. */
    @Benchmark
    public boolean gate(GateState s) {
        return Weaver.needsWeaving(s.next());
    }

    @State(Scope.Thread)
    public static class WeaveState {
        byte[][] classes;
        ClassHierarchy hierarchy;
        int next;

        @Setup
        public void setup() {
            WeaveCorpus corpus = WeaveCorpus.compile();
            classes = corpus.coroutineClasses().toArray(new byte[0][]);
            hierarchy = corpus.hierarchy();
            // every class must weave (and be woven again the same way on every call)
            for (byte[] c : classes) {
                WeaveResult r = new Weaver(hierarchy).weave(c);
                if (r.status() != WeaveResult.Status.WOVEN) {
                    throw new IllegalStateException("(F) corpus class did not weave: " + r.status() + " " + r.diagnostics());
                }
            }
            System.out.printf("(F) weave corpus: %s%n", corpus.describe());
        }

        byte[] next() {
            byte[] c = classes[next];
            if (++next == classes.length) next = 0;
            return c;
        }
    }

    /** Weaving one coroutine class, its output verified (the default). */
    @Benchmark
    public WeaveResult weave(WeaveState s) {
        return new Weaver(s.hierarchy).weave(s.next());
    }

    /** Weaving one coroutine class without checking the output ({@code -javaagent:coro-agent.jar=noverify}). */
    @Benchmark
    public WeaveResult weaveNoVerify(WeaveState s) {
        return new Weaver(s.hierarchy, false).weave(s.next());
    }

    @State(Scope.Thread)
    public static class LargeState {
        byte[] manyHandlers;
        ClassHierarchy hierarchy;

        @Setup
        public void setup() {
            WeaveCorpus corpus = WeaveCorpus.compile(java.util.List.of("ManyHandlers"));
            manyHandlers = corpus.coroutineClasses().get(0);
            hierarchy = corpus.hierarchy();
            WeaveResult r = new Weaver(hierarchy).weave(manyHandlers);
            if (r.status() != WeaveResult.Status.WOVEN) {
                throw new IllegalStateException("(F) ManyHandlers did not weave: " + r.status() + " " + r.diagnostics());
            }
            System.out.printf("(F) large method: %s%n", corpus.describe());
        }
    }

    /** Weaving the one large coroutine class (its output verified): classes per second, so 1/s is a second each. */
    @Benchmark
    public WeaveResult weaveManyHandlers(LargeState s) {
        return new Weaver(s.hierarchy).weave(s.manyHandlers);
    }
}
