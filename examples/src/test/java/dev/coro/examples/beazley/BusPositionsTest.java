package dev.coro.examples.beazley;

import dev.coro.examples.Stdout;

import dev.coro.Coro;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusPositionsTest {
    private static final Map<String, String> ROUTE_22_NORTH = new LinkedHashMap<>();

    static {
        ROUTE_22_NORTH.put("route", "22");
        ROUTE_22_NORTH.put("direction", "North Bound");
    }

    @Test
    void mainPrintsWhereTheNorthboundBusesOfRoute22Are() {
        assertEquals("""
                22,1427,"North Bound",41.729131,-87.631917
                22,2376,"North Bound",41.881681,-87.920259
                22,2397,"North Bound",41.898348,-87.885495
                (3 buses)
                plain SAX handler: 3 buses, the same
                """, Stdout.of(() -> BusPositions.main(new String[0])));
    }

    @Test
    void theSampleDocumentIsTheSameOnEveryRun(@TempDir Path dir) throws IOException, NoSuchAlgorithmException {
        Path xml = dir.resolve("allroutes.xml");
        BusXml.write(xml, 100, 2008);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(xml));
        assertEquals("2f484f4a18b572a4a726316ed469cebf733fe1c9c54ceaabd821969711fdeb2b", HexFormat.of().formatHex(sha256));
    }

    @Test
    void aBusIsAMapOfItsFieldsTextsHoweverTheParserSplitsThem() {
        List<Map<String, String>> buses = new ArrayList<>();
        Coro<Void, SaxEvent, Void> chain = BusPositions.busesToDicts(BusPositions.forEach(buses::add));
        chain.send(new SaxEvent.Start("buses", null));
        chain.send(new SaxEvent.Text("\n"));
        chain.send(new SaxEvent.Start("id", null)); // outside a bus: ignored
        chain.send(new SaxEvent.Text("x"));
        chain.send(new SaxEvent.End("id"));
        chain.send(new SaxEvent.Start("bus", null));
        chain.send(new SaxEvent.Text("\n  "));
        chain.send(new SaxEvent.Start("id", null));
        chain.send(new SaxEvent.Text("12"));
        chain.send(new SaxEvent.Text("34"));
        chain.send(new SaxEvent.End("id"));
        chain.send(new SaxEvent.Text("\n  "));
        chain.send(new SaxEvent.Start("finalStop", null));
        chain.send(new SaxEvent.Text("Clark & Howard"));
        chain.send(new SaxEvent.End("finalStop"));
        chain.send(new SaxEvent.End("bus"));
        assertEquals(List.of(Map.of("id", "1234", "finalStop", "Clark & Howard")), buses);
        chain.close();
        assertEquals(Coro.State.DONE, chain.state());
    }

    /**
     * Both ways over an 11 MiB document: the same records, all of them and filtered. Prints how long
     * each took (best of five), for information; the benchmarks module measures properly.
     */
    @Test
    void coroutinesAndThePlainHandlerGiveTheSameRecordsFromTenMegabytes(@TempDir Path dir) throws IOException {
        Path xml = dir.resolve("allroutes.xml");
        BusXml.write(xml, 30_000, 2008);
        long size = Files.size(xml);
        assertTrue(size >= 10L * 1024 * 1024, "only " + size + " bytes");

        List<Map<String, String>> all = BusPositions.withCoroutines(xml, Map.of());
        assertEquals(30_000, all.size());
        assertEquals(12, all.get(0).size());
        assertEquals("Navy Pier", all.get(0).get("finalStop"));
        assertEquals(all, BusPositions.withPlainHandler(xml, Map.of()));

        List<Map<String, String>> north22 = timed("coroutines", BusPositions::withCoroutines, xml);
        List<Map<String, String>> plain = timed("plain SAX handler", BusPositions::withPlainHandler, xml);
        assertEquals(plain, north22);
        List<Map<String, String>> expected = all.stream()
                .filter(bus -> bus.get("route").equals("22") && bus.get("direction").equals("North Bound"))
                .toList();
        assertEquals(expected, north22);
        assertTrue(north22.size() > 50, north22.size() + " buses");
    }

    private static List<Map<String, String>> timed(
            String how, BiFunction<Path, Map<String, String>, List<Map<String, String>>> parse, Path xml) throws IOException {
        List<Map<String, String>> buses = null;
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            buses = parse.apply(xml, ROUTE_22_NORTH);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("bus positions, %s: %d buses from %.1f MB in %d ms%n",
                how, buses.size(), Files.size(xml) / 1e6, best / 1_000_000);
        return buses;
    }
}
