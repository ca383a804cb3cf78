package dev.coro.examples.beazley;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Beazley's event-handling example: a SAX parser reading bus positions pushes its events into a
 * chain of coroutines that build a record for each bus, filter the records and print them.
 *
 * <pre>
 * xml.sax.parse("allroutes.xml",
 *               EventHandler(
 *                    buses_to_dicts(
 *                    filter_on_field("route", "22",
 *                    filter_on_field("direction", "North Bound",
 *                    bus_locations())))))
 * </pre>
 *
 * <p>{@link #withCoroutines} and {@link #withPlainHandler} give the same records, the first this way,
 * the second through {@link PlainBusHandler}, for comparing the two.
 */
public final class BusPositions {
    private BusPositions() {}

    /**
     * Turns the events of each {@code <bus>} element into a map from its child elements' names to
     * their text, and sends it on. Between buses it waits for the next {@code <bus>}; inside one, for
     * its fields: which of the two it is doing is simply where it is suspended. Closing it closes
     * {@code target}.
     *
     * <pre>
     * &#64;coroutine
     * def buses_to_dicts(target):
     *     while True:
     *         event, value = (yield)
     *         if event == 'start' and value[0] == 'bus':
     *             busdict = {}
     *             fragments = []
     *             while True:
     *                 event, value = (yield)
     *                 if event == 'start':
     *                     fragments = []
     *                 elif event == 'text':
     *                     fragments.append(value)
     *                 elif event == 'end':
     *                     if value != 'bus':
     *                         busdict[value] = "".join(fragments)
     *                     else:
     *                         target.send(busdict)
     *                         break
     * </pre>
     */
    @Coroutine(primed = true)
    public static Coro<Void, SaxEvent, Void> busesToDicts(Coro<?, ? super Map<String, String>, ?> target) {
        try {
            while (true) {
                SaxEvent event = Yield.await();
                if (event instanceof SaxEvent.Start start && start.name().equals("bus")) {
                    Map<String, String> bus = new HashMap<>();
                    StringBuilder fragments = new StringBuilder();
                    while (true) {
                        event = Yield.await();
                        if (event instanceof SaxEvent.Start) {
                            fragments.setLength(0);
                        } else if (event instanceof SaxEvent.Text text) {
                            fragments.append(text.text());
                        } else if (event instanceof SaxEvent.End end) {
                            if (!end.name().equals("bus")) {
                                bus.put(end.name(), fragments.toString());
                            } else {
                                target.send(bus);
                                break;
                            }
                        }
                    }
                }
            }
        } finally {
            target.close();
        }
    }

    /**
     * Sends on the records whose {@code field} is {@code value}; closing it closes {@code target}.
     *
     * <pre>
     * &#64;coroutine
     * def filter_on_field(fieldname, value, target):
     *     while True:
     *         d = (yield)
     *         if d.get(fieldname) == value:
     *             target.send(d)
     * </pre>
     */
    @Coroutine(primed = true)
    public static Coro<Void, Map<String, String>, Void> filterOnField(
            String field, String value, Coro<?, ? super Map<String, String>, ?> target) {
        try {
            while (true) {
                Map<String, String> record = Yield.await();
                if (value.equals(record.get(field))) target.send(record);
            }
        } finally {
            target.close();
        }
    }

    /**
     * Prints each bus as {@code route,id,"direction",latitude,longitude}, and how many when closed.
     *
     * <pre>
     * &#64;coroutine
     * def bus_locations():
     *     while True:
     *         bus = (yield)
     *         print('%(route)s,%(id)s,"%(direction)s",%(latitude)s,%(longitude)s' % bus)
     * </pre>
     */
    @Coroutine(primed = true)
    public static Coro<Void, Map<String, String>, Void> busLocations() {
        int count = 0;
        try {
            while (true) {
                Map<String, String> bus = Yield.await();
                System.out.println(bus.get("route") + "," + bus.get("id") + ",\"" + bus.get("direction") + "\","
                        + bus.get("latitude") + "," + bus.get("longitude"));
                count++;
            }
        } finally {
            System.out.println("(" + count + " buses)");
        }
    }

    /** Passes each record it receives to {@code sink}. */
    @Coroutine(primed = true)
    public static Coro<Void, Map<String, String>, Void> forEach(Consumer<? super Map<String, String>> sink) {
        while (true) {
            Map<String, String> record = Yield.await();
            sink.accept(record);
        }
    }

    /**
     * Parses {@code xml} into the coroutine chain {@code busesToDicts -> filterOnField (one for each
     * entry of where) -> sink} and returns the buses whose fields have the values in {@code where} (all
     * buses when it is empty), in document order.
     */
    public static List<Map<String, String>> withCoroutines(Path xml, Map<String, String> where) {
        List<Map<String, String>> buses = new ArrayList<>();
        Coro<Void, Map<String, String>, Void> chain = forEach(buses::add);
        for (Map.Entry<String, String> field : where.entrySet()) {
            chain = filterOnField(field.getKey(), field.getValue(), chain);
        }
        parse(xml, new EventHandler(busesToDicts(chain)));
        return buses;
    }

    /** What {@link #withCoroutines} returns, by the plain SAX handler {@link PlainBusHandler}. */
    public static List<Map<String, String>> withPlainHandler(Path xml, Map<String, String> where) {
        List<Map<String, String>> buses = new ArrayList<>();
        parse(xml, new PlainBusHandler(where, buses::add));
        return buses;
    }

    /** Parses {@code xml} with the JDK's SAX parser (not namespace-aware, not validating). */
    public static void parse(Path xml, DefaultHandler handler) {
        try {
            SAXParserFactory.newInstance().newSAXParser().parse(xml.toFile(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot parse " + xml, e);
        }
    }

    /** Where route 22 buses heading north are, in a sample of 2,000 buses; and the same by the plain handler. */
    public static void main(String[] args) {
        try {
            Path xml = Files.createTempFile("allroutes", ".xml");
            try {
                BusXml.write(xml, 2000, 2008);
                parse(xml, new EventHandler(
                        busesToDicts(
                        filterOnField("route", "22",
                        filterOnField("direction", "North Bound",
                        busLocations())))));
                Map<String, String> where = new LinkedHashMap<>();
                where.put("route", "22");
                where.put("direction", "North Bound");
                List<Map<String, String>> plain = withPlainHandler(xml, where);
                System.out.println("plain SAX handler: " + plain.size() + " buses, "
                        + (plain.equals(withCoroutines(xml, where)) ? "the same" : "NOT the same"));
            } finally {
                Files.delete(xml);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
