package dev.coro.examples.beazley;

import org.xml.sax.Attributes;

/**
 * One SAX callback as a value that can be sent to a coroutine: Beazley's {@code ('start', (name,
 * attrs))}, {@code ('text', text)} and {@code ('end', name)} tuples.
 */
public sealed interface SaxEvent {
    /** An element starts. {@code attributes} is the parser's, valid only while this event is being sent. */
    record Start(String name, Attributes attributes) implements SaxEvent {}

    /** Character data: a piece of an element's text (the parser may split one text into several). */
    record Text(String text) implements SaxEvent {}

    /** An element ends. */
    record End(String name) implements SaxEvent {}
}
