package dev.coro.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traces sent through a forked JVM's standard output, one line per entry: a backslash is written
 * {@code \\} and a line break {@code \n}, so that an entry holding either comes back as it was.
 * Traces are grouped under header lines {@code ### key}.
 */
public final class TraceLines {
    private TraceLines() {}

    /** The header line that starts the trace of {@code key}. */
    public static String header(String key) {
        return "### " + key;
    }

    /** One entry as one line. */
    public static String encode(String entry) {
        StringBuilder sb = new StringBuilder(entry.length());
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c == '\\') sb.append("\\\\");
            else if (c == '\n') sb.append("\\n");
            else sb.append(c);
        }
        return sb.toString();
    }

    /** The entry {@link #encode} wrote as {@code line}, read left to right (so {@code \\n} is a backslash, then n). */
    public static String decode(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                if (next == 'n') sb.append('\n');
                else if (next == '\\') sb.append('\\');
                else throw new IllegalArgumentException("not an encoded trace line: " + line);
            } else if (c == '\\') {
                throw new IllegalArgumentException("not an encoded trace line: " + line);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The traces in {@code output}, by key, in order: the lines after each header, decoded; blank lines skipped. */
    public static Map<String, List<String>> parse(String output) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("### ")) {
                current = new ArrayList<>();
                out.put(line.substring(4), current);
            } else if (current != null && !line.isEmpty()) {
                current.add(decode(line));
            }
        }
        return out;
    }
}
