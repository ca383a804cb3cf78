package dev.coro.testkit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TraceLinesTest {
    @Test
    void anEntryWithBackslashesAndLineBreaksComesBackAsItWas() {
        for (String entry : List.of("plain", "a\nb", "C:\\new", "\\n literally", "\\\\n", "end\\", "\n\\\n")) {
            String line = TraceLines.encode(entry);
            assertEquals(-1, line.indexOf('\n'), entry);
            assertEquals(entry, TraceLines.decode(line));
        }
        assertEquals("C:\\\\new", TraceLines.encode("C:\\new"));
        assertEquals("a backslash, then n: \\n", TraceLines.decode("a backslash, then n: \\\\n"));
    }

    @Test
    void aLineNoEncoderWroteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TraceLines.decode("\\t"));
        assertThrows(IllegalArgumentException.class, () -> TraceLines.decode("ends in \\"));
    }

    @Test
    void outputIsSplitByHeader() {
        String out = TraceLines.header("A#x") + "\nnext -> 1\n" + TraceLines.encode("got \\n") + "\n\n"
                + TraceLines.header("B#y") + "\n" + TraceLines.header("end") + "\n";
        assertEquals(Map.of("A#x", List.of("next -> 1", "got \\n"), "B#y", List.of(), "end", List.of()),
                TraceLines.parse(out));
        assertEquals(List.of("A#x", "B#y", "end"), List.copyOf(TraceLines.parse(out).keySet()));
    }
}
