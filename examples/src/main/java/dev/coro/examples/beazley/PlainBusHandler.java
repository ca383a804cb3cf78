package dev.coro.examples.beazley;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The baseline for {@link BusPositions}: the same records from the same SAX events, by a handler
 * written the usual way, as a state machine in fields. Where the coroutine keeps "inside a bus or
 * not" in where it is suspended, this keeps it in {@link #bus}.
 */
public final class PlainBusHandler extends DefaultHandler {
    private final Map<String, String> where;
    private final Consumer<? super Map<String, String>> sink;
    /** The bus being read, or {@code null} between buses. */
    private Map<String, String> bus;
    private final StringBuilder text = new StringBuilder();

    /** Passes each bus whose fields have the values in {@code where} to {@code sink}. */
    public PlainBusHandler(Map<String, String> where, Consumer<? super Map<String, String>> sink) {
        this.where = Map.copyOf(where);
        this.sink = sink;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (bus != null) {
            text.setLength(0);
        } else if (qName.equals("bus")) {
            bus = new HashMap<>();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (bus != null) text.append(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (bus == null) return;
        if (!qName.equals("bus")) {
            bus.put(qName, text.toString());
            return;
        }
        if (matches(bus)) sink.accept(bus);
        bus = null;
    }

    private boolean matches(Map<String, String> record) {
        for (Map.Entry<String, String> field : where.entrySet()) {
            if (!field.getValue().equals(record.get(field.getKey()))) return false;
        }
        return true;
    }
}
