package dev.coro.bench;

import dev.coro.Coro;
import dev.coro.examples.beazley.BusPositions;
import dev.coro.examples.beazley.BusXml;
import dev.coro.internal.CoroFrame;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Beazley's event handling (the examples module's {@link BusPositions}): the JDK's SAX parser reads a
 * bus-position feed of {@value #BUSES} buses (about 10 MB, written by {@link BusXml} at setup, the same
 * bytes on every machine) and its events go either into the coroutine chain {@code busesToDicts ->
 * filterOnField("route", "22") -> filterOnField("direction", "North Bound") -> sink}
 * ({@link #coroutines}) or into the plain SAX handler that keeps its state in fields
 * ({@link #plainHandler}, the baseline). The time per document, parsing included: both build a map for
 * every bus and keep route 22's northbound ones.
 *
 * <p>The examples' coroutines are woven by the examples module's own build (coro-maven-plugin); the
 * setup fails if the jar holds unwoven ones, and checks that both ways give the same records.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 10, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class BusPositionsBench {
    /** Buses in the document: about 385 bytes each, so about 10 MB. */
    public static final int BUSES = 26_000;
    /** BusXml's seed, as in {@code BusPositions.main}. */
    public static final long SEED = 2008;

    static final Map<String, String> ROUTE_22_NORTH = new LinkedHashMap<>();

    static {
        ROUTE_22_NORTH.put("route", "22");
        ROUTE_22_NORTH.put("direction", "North Bound");
    }

    Path xml;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        checkWoven();
        xml = Files.createTempFile("allroutes", ".xml");
        BusXml.write(xml, BUSES, SEED);
        List<Map<String, String>> coro = BusPositions.withCoroutines(xml, ROUTE_22_NORTH);
        List<Map<String, String>> plain = BusPositions.withPlainHandler(xml, ROUTE_22_NORTH);
        if (coro.isEmpty() || !coro.equals(plain)) {
            throw new IllegalStateException("the coroutine chain found " + coro.size() + " buses, the plain handler "
                    + plain.size() + (coro.isEmpty() ? "" : ", not the same ones"));
        }
        System.out.printf("(SAX) document: %,d buses, %,d bytes; route 22 northbound: %,d buses%n",
                BUSES, Files.size(xml), coro.size());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (xml != null) Files.deleteIfExists(xml);
    }

    /** The coroutine chain: {@code EventHandler -> busesToDicts -> filterOnField x 2 -> forEach}. */
    @Benchmark
    public List<Map<String, String>> coroutines() {
        return BusPositions.withCoroutines(xml, ROUTE_22_NORTH);
    }

    /** The baseline: {@code PlainBusHandler}, a state machine in fields. */
    @Benchmark
    public List<Map<String, String>> plainHandler() {
        return BusPositions.withPlainHandler(xml, ROUTE_22_NORTH);
    }

    /**
     * Fails when the examples' coroutines in the jar are not woven: un-woven, a primed coroutine throws
     * the {@code IllegalStateException} of {@code Yield.await} when created.
     */
    static void checkWoven() {
        String how = "the coroutines of the examples module (dev.coro.examples) in this jar were not woven: build"
                + " coro-benchmarks in the reactor with the examples module (bin/bench does: mvn -pl coro-benchmarks -am"
                + " package), whose coro-maven-plugin weaves examples/target/classes before its jar is made";
        Coro<Void, Map<String, String>, Void> sink;
        try {
            sink = BusPositions.forEach(bus -> { });
        } catch (IllegalStateException notWoven) {
            throw new IllegalStateException(how + " (" + notWoven.getMessage() + ")", notWoven);
        }
        if (!(sink instanceof CoroFrame)) {
            throw new IllegalStateException(how + " (forEach returned " + sink + ", not a dev.coro.internal.CoroFrame)");
        }
        sink.close();
    }
}
