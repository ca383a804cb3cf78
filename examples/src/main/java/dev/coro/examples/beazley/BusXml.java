package dev.coro.examples.beazley;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a sample of the Chicago Transit Authority's bus-position feed that Beazley parses
 * ({@code allroutes.xml}): a {@code <buses>} document of {@code <bus>} elements, each with a dozen
 * text fields, one of them in CDATA. The content is a function of the count and the seed alone
 * ({@link Random}'s algorithm is fixed by its specification), so the same call writes the same bytes
 * on every machine and JDK. About 385 bytes a bus: 30,000 buses make 11 MiB.
 */
public final class BusXml {
    private BusXml() {}

    /** Routes run 1 to this; even ones run north and south, odd ones east and west. */
    public static final int ROUTES = 150;

    private static final List<String> STOPS = List.of(
            "Clark & Howard Terminal", "Harrison & Wells", "Kedzie & 63rd", "Sheridan & Devon",
            "Cicero & Archer", "Jefferson Park Blue Line", "Navy Pier", "Halsted & 79th");

    /** Writes {@code buses} buses to {@code file}, replacing it. */
    public static void write(Path file, int buses, long seed) {
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\"?>\n<buses>\n");
            for (int i = 0; i < buses; i++) {
                int route = 1 + random.nextInt(ROUTES);
                boolean northSouth = route % 2 == 0;
                String direction = northSouth
                        ? (random.nextBoolean() ? "North Bound" : "South Bound")
                        : (random.nextBoolean() ? "East Bound" : "West Bound");
                out.write("<bus>\n");
                field(out, "id", Integer.toString(1000 + i));
                field(out, "route", Integer.toString(route));
                field(out, "color", String.format("#%06x", random.nextInt(0x1000000)));
                field(out, "revenue", Boolean.toString(random.nextInt(10) != 0));
                field(out, "direction", direction);
                field(out, "latitude", micro(41_644_000 + random.nextInt(400_000)));
                field(out, "longitude", micro(-87_940_000 + random.nextInt(420_000)));
                field(out, "pattern", Integer.toString(1000 + random.nextInt(9000)));
                field(out, "patternDirection", direction);
                field(out, "run", "P" + (100 + random.nextInt(900)));
                out.write("  <finalStop><![CDATA[" + STOPS.get(random.nextInt(STOPS.size())) + "]]></finalStop>\n");
                field(out, "operator", Integer.toString(10000 + random.nextInt(90000)));
                out.write("</bus>\n");
            }
            out.write("</buses>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void field(BufferedWriter out, String name, String value) throws IOException {
        out.write("  <" + name + ">" + value + "</" + name + ">\n");
    }

    /** Millionths of a degree as a decimal with six places: -87940000 is "-87.940000". */
    private static String micro(int millionths) {
        String digits = Integer.toString(Math.abs(millionths) % 1_000_000);
        return (millionths < 0 ? "-" : "") + Math.abs(millionths) / 1_000_000 + "." + "0".repeat(6 - digits.length()) + digits;
    }
}
