package dev.coro.bench;

import dev.coro.Coro;
import dev.coro.bench.coro.CoroContenders;
import dev.coro.bench.coro.LongCell;
import dev.coro.bench.hand.CheckedPipeline;
import dev.coro.bench.hand.Counter;
import dev.coro.bench.hand.Delegating;
import dev.coro.bench.hand.DropThrees;
import dev.coro.bench.hand.FibIterator;
import dev.coro.bench.hand.Guarded;
import dev.coro.bench.hand.Resilient;
import dev.coro.bench.hand.RunningSum;
import dev.coro.bench.hand.Summing;
import dev.coro.bench.kotlin.FibonacciField;
import dev.coro.bench.kotlin.KotlinContenders;
import dev.coro.bench.kotlin.PipelineField;
import dev.coro.bench.kotlin.RawFibonacci;
import dev.coro.bench.kotlin.RawGenerator;
import dev.coro.bench.kotlin.RunningSumField;
import dev.coro.bench.others.JavaFlowFibonacci;
import dev.coro.bench.others.KilimFibonacci;
import dev.coro.bench.others.OffbynullFibonacci;
import dev.coro.bench.threads.JdkContinuations;
import dev.coro.bench.threads.ThreadConsumer;
import dev.coro.bench.threads.ThreadGenerator;
import dev.coro.bench.threads.Threads;
import dev.coro.examples.beazley.BusPositions;
import dev.coro.examples.beazley.BusXml;
import dev.coro.examples.beazley.EchoServer;
import dev.coro.examples.tasks.Scheduler;
import dev.coro.examples.tasks.TaskServerSocket;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks, before anything is timed, that the coroutines are woven and that every contender of a
 * workload computes the same thing: the same Fibonacci numbers (past the 2^64 wrap), the same running
 * sums, the same pipeline total, the same chain values, that {@code raise}/{@code close} run the
 * {@code finally}, that Beazley's bus positions come out the same from coroutines and a plain SAX
 * handler, and that his echo server echoes. bin/bench runs it on each JDK; it exits non-zero on the
 * first disagreement.
 */
public final class SelfCheck {
    private SelfCheck() {}

    private static final int STEPS = 200; // fib(93) and up wrap around 2^64

    public static void main(String[] args) throws Exception {
        WovenGuard.check();
        List<String> skipped = new ArrayList<>();

        // (A)
        long[] fib = take(new FibIterator()::nextLong);
        Coro<Long, Void, Void> coroFib = CoroContenders.fibonacci();
        same("A coro", fib, take(coroFib::next));
        LongCell cell = new LongCell();
        Coro<Void, Void, Void> coroField = CoroContenders.fibonacciInto(cell);
        same("A coroField", fib, take(() -> {
            coroField.next();
            return cell.value;
        }));
        for (int k = 0; k < 16; k++) { // (H): every type and every hand-written class the same generator
            same("H coro type " + k, fib, take(dev.coro.bench.coro.ManyTypes.of(k)::next));
            same("H hand-written class " + k, fib, take(dev.coro.bench.hand.ManyIterators.of(k)::next));
        }
        for (String order : new String[] {"alone", "first", "late"}) { // (H), the first-resume order, after its warm-up
            FirstResumeBench.Order s = new FirstResumeBench.Order();
            s.order = order;
            s.setup();
            FirstResumeBench b = new FirstResumeBench();
            long[] hand = take(() -> b.hand(s));
            same("H first resume " + order + ", own call site", hand, take(() -> b.coro(s)));
            same("H first resume " + order + ", shared call site", take(() -> b.handSharedSite(s)),
                    take(() -> b.coroSharedSite(s)));
            if (order.equals("alone")) same("H first resume alone", fib, hand);
        }
        Iterator<Long> kseq = KotlinContenders.fibonacciSequence();
        same("A kotlinSequence", fib, take(kseq::next));
        same("A kotlinBest", fib, take(new FibonacciField()::next));
        same("A kotlinRaw", fib, take(new RawFibonacci()::next));
        try (ThreadGenerator t = new ThreadGenerator(Threads.platform())) {
            same("A platformThread", fib, take(() -> uninterrupted(t)));
        }
        try {
            try (ThreadGenerator t = new ThreadGenerator(Threads.virtual())) {
                same("A virtualThread", fib, take(() -> uninterrupted(t)));
            }
        } catch (UnsupportedOperationException e) {
            skipped.add("virtual threads: " + e.getMessage());
        }
        same("A kilim", fib, take(new KilimFibonacci()::next));
        same("A offbynull", fib, take(new OffbynullFibonacci()::next));
        same("A javaflow", fib, take(new JavaFlowFibonacci()::next));
        boolean continuations = true;
        try {
            JdkContinuations.requireAvailable();
        } catch (UnsupportedOperationException e) {
            continuations = false;
            skipped.add("jdk.internal.vm.Continuation: " + e.getMessage());
        }
        if (continuations) same("A continuation", fib, take(new JdkContinuations.Generator()::next));

        // (B)
        RunningSum hand = new RunningSum();
        hand.next();
        long[] sums = take(() -> hand.send(counter++));
        counter = 0;
        Coro<Long, Long, Void> coroSum = CoroContenders.runningSum();
        coroSum.next();
        same("B coro", sums, take(() -> coroSum.send(counter++)));
        counter = 0;
        RawGenerator<Long, Long> ksum = KotlinContenders.runningSum();
        ksum.send(null);
        same("B kotlin", sums, take(() -> ksum.send(counter++)));
        counter = 0;
        RunningSumField kbest = new RunningSumField();
        same("B kotlinBest", sums, take(() -> kbest.send(counter++)));
        counter = 0;
        try (ThreadConsumer t = new ThreadConsumer(Threads.platform())) {
            same("B platformThread", sums, take(() -> uninterrupted(t, counter++)));
        }
        counter = 0;
        if (continuations) {
            JdkContinuations.Consumer c = new JdkContinuations.Consumer();
            same("B continuation", sums, take(() -> c.send(counter++)));
            counter = 0;
        }

        // (D): the sink's total after STEPS items
        Counter src = new Counter();
        Summing sink = new Summing();
        DropThrees filter = new DropThrees(sink);
        for (int i = 0; i < STEPS; i++) filter.send(src.next());
        long total = sink.total();
        Coro<Long, Void, Void> coroSrc = CoroContenders.count();
        Coro<Long, Long, Void> coroSink = CoroContenders.summing();
        Coro<Void, Long, Void> coroFilter = CoroContenders.dropThrees(coroSink);
        for (int i = 0; i < STEPS; i++) coroFilter.send(coroSrc.next());
        same("D coro", total, coroSink.send(0L));
        CheckedPipeline.Count csrc = new CheckedPipeline.Count();
        CheckedPipeline.Summing csink = new CheckedPipeline.Summing();
        CheckedPipeline.DropThrees cfilter = new CheckedPipeline.DropThrees(csink);
        for (int i = 0; i < STEPS; i++) cfilter.send(csrc.next());
        same("D hand-written checked", total, csink.total());
        Iterator<Long> ksrc = KotlinContenders.countSequence();
        RawGenerator<Long, Long> ksink = KotlinContenders.summing();
        RawGenerator<?, Long> kfilter = KotlinContenders.dropThrees(ksink);
        for (int i = 0; i < STEPS; i++) kfilter.send(ksrc.next());
        same("D kotlin", total, ksink.send(0L));
        PipelineField kpipe = new PipelineField();
        for (int i = 0; i < STEPS; i++) kpipe.step();
        same("D kotlinBest", total, kpipe.total());

        // (E)
        for (int depth : new int[] {1, 100, 10_000}) {
            long[] expected = take(Delegating.chain(1)::next);
            same("E coro depth " + depth, expected, take(CoroContenders.chain(depth)::next));
        }

        // (G)
        LongCell runs = new LongCell();
        Coro<Long, Void, Void> g = CoroContenders.guarded(runs);
        g.next();
        g.close();
        same("G coro close runs finally", 1, runs.value);
        g = CoroContenders.guarded(runs);
        g.next();
        RuntimeException boom = new RuntimeException("boom");
        try {
            g.raise(boom);
            throw new AssertionError("G coro raise returned");
        } catch (RuntimeException e) {
            if (e != boom) throw new AssertionError("G coro raise threw " + e, e);
        }
        same("G coro raise runs finally", 2, runs.value);
        Guarded hg = new Guarded(runs);
        hg.next();
        hg.close();
        same("G hand close runs finally", 3, runs.value);
        Coro<Long, Void, Void> r = CoroContenders.resilient();
        r.next();
        Resilient hr = new Resilient();
        hr.next();
        for (int i = 1; i <= 3; i++) {
            same("G coro raise caught", i, r.raise(boom));
            same("G hand raise caught", i, hr.raise(boom));
        }

        // (F) the weaving corpus compiles, weaves, and the woven classes run
        ClassLoader corpus = WeaveCorpus.compile().wovenLoader();
        @SuppressWarnings("unchecked")
        Coro<Long, Void, Void> corpusFib = (Coro<Long, Void, Void>) corpus.loadClass("dev.coro.bench.corpus.Generators")
                .getMethod("fibonacci").invoke(null);
        same("F corpus Generators.fibonacci (woven in this process)", fib, take(corpusFib::next));
        @SuppressWarnings("unchecked")
        Coro<Long, Long, Void> corpusSum = (Coro<Long, Long, Void>) corpus.loadClass("dev.coro.bench.corpus.Consumers")
                .getMethod("runningSum").invoke(null);
        corpusSum.next();
        same("F corpus Consumers.runningSum (woven in this process)", 10, corpusSum.send(10L));
        same("F corpus Consumers.runningSum (woven in this process)", 42, corpusSum.send(32L));
        for (String name : WeaveCorpus.SOURCES) Class.forName("dev.coro.bench.corpus." + name, true, corpus); // verified

        // Beazley's event handling (BusPositionsBench): the examples' coroutines are woven, and the coroutine chain
        // and the plain SAX handler find the same buses
        BusPositionsBench.checkWoven();
        Path xml = Files.createTempFile("allroutes", ".xml");
        try {
            BusXml.write(xml, 2000, BusPositionsBench.SEED);
            List<Map<String, String>> coroBuses = BusPositions.withCoroutines(xml, BusPositionsBench.ROUTE_22_NORTH);
            List<Map<String, String>> plainBuses = BusPositions.withPlainHandler(xml, BusPositionsBench.ROUTE_22_NORTH);
            if (coroBuses.isEmpty() || !coroBuses.equals(plainBuses)) {
                throw new AssertionError("BusPositions: the coroutine chain found " + coroBuses + ", the plain handler "
                        + plainBuses);
            }
        } finally {
            Files.delete(xml);
        }
        // Beazley's echo server (EchoCompare): 20 client tasks and the server on one scheduler, over loopback
        EchoServer.Stats echoStats = new EchoServer.Stats();
        int[] echoed = {0};
        List<Throwable> echoFailures = new ArrayList<>();
        try (Scheduler sched = new Scheduler((tid, failure) -> echoFailures.add(failure))) {
            TaskServerSocket listener = TaskServerSocket.bind(new InetSocketAddress("127.0.0.1", 0), 20);
            sched.spawn(EchoServer.server(listener, 20, echoStats));
            for (int id = 0; id < 20; id++) sched.spawn(EchoServer.client(listener.localAddress(), id, 1000, echoed));
            sched.run();
        }
        if (echoed[0] != 20 || !echoFailures.isEmpty() || echoStats.bytesEchoed() != 20_000) {
            AssertionError e = new AssertionError("EchoServer: " + echoed[0] + " of 20 clients got their echo, "
                    + echoStats.bytesEchoed() + " bytes echoed, failures: " + echoFailures);
            echoFailures.forEach(e::addSuppressed);
            throw e;
        }

        for (String s : skipped) System.out.println("self-check: skipped " + s);
        System.out.println("self-check: every contender agrees (" + Runtime.version() + ")");
    }

    private static long counter;

    private interface Step {
        long next() throws Exception;
    }

    private static long[] take(Step step) throws Exception {
        long[] out = new long[STEPS];
        for (int i = 0; i < STEPS; i++) out[i] = step.next();
        return out;
    }

    private static long uninterrupted(ThreadGenerator t) throws InterruptedException {
        return t.next();
    }

    private static long uninterrupted(ThreadConsumer t, long x) throws InterruptedException {
        return t.send(x);
    }

    private static void same(String what, long[] expected, long[] got) {
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != got[i]) {
                throw new AssertionError(what + ": value " + i + " is " + got[i] + ", expected " + expected[i]);
            }
        }
    }

    private static void same(String what, long expected, Long got) {
        if (!Objects.equals(expected, got)) throw new AssertionError(what + ": " + got + ", expected " + expected);
    }
}
