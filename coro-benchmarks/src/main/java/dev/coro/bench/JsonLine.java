package dev.coro.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One JSON object on one line, as {@link EchoCompare} writes its results (numbers, strings, lists, null). */
final class JsonLine {
    private JsonLine() {}

    static String of(Map<String, Object> map) {
        StringBuilder s = new StringBuilder("{");
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (s.length() > 1) s.append(", ");
            s.append('"').append(e.getKey()).append("\": ").append(jsonValue(e.getValue()));
        }
        return s.append('}').toString();
    }

    private static String jsonValue(Object v) {
        if (v == null) return "null";
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.1f", d) : "null";
        }
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        if (v instanceof List) {
            StringBuilder s = new StringBuilder("[");
            for (Object o : (List<?>) v) {
                if (s.length() > 1) s.append(", ");
                s.append(jsonValue(o));
            }
            return s.append(']').toString();
        }
        StringBuilder s = new StringBuilder("\"");
        for (char c : v.toString().toCharArray()) {
            if (c == '"' || c == '\\') s.append('\\').append(c);
            else if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
            else s.append(c);
        }
        return s.append('"').toString();
    }
}
