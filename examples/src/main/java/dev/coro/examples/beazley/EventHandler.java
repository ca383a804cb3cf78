package dev.coro.examples.beazley;

import dev.coro.Coro;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A SAX handler that turns each callback into a {@link SaxEvent} and sends it to a coroutine; the
 * end of the document closes the coroutine.
 *
 * <pre>
 * class EventHandler(xml.sax.ContentHandler):
 *     def __init__(self, target):
 *         self.target = target
 *     def startElement(self, name, attrs):
 *         self.target.send(('start', (name, attrs._attrs)))
 *     def characters(self, text):
 *         self.target.send(('text', text))
 *     def endElement(self, name):
 *         self.target.send(('end', name))
 * </pre>
 */
public final class EventHandler extends DefaultHandler {
    private final Coro<?, ? super SaxEvent, ?> target;

    public EventHandler(Coro<?, ? super SaxEvent, ?> target) {
        this.target = target;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        target.send(new SaxEvent.Start(qName, attributes));
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        target.send(new SaxEvent.Text(new String(ch, start, length)));
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        target.send(new SaxEvent.End(qName));
    }

    @Override
    public void endDocument() {
        target.close();
    }
}
