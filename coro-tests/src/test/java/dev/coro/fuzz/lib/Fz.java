package dev.coro.fuzz.lib;

import dev.coro.Coro;
import dev.coro.StopIteration;

/**
 * Helpers the generated programs call (statically imported), and the one way both the programs and
 * the driver describe an exception. Nothing here mentions {@code Yield}: the class is never woven.
 */
public final class Fz {
    private Fz() {}

    /** Where {@link #event} logs: the log of the program running now (set by the driver). */
    public static volatile java.util.List<String> sink;

    /** Logs to the running program's log from code that has no log at hand (static initializers). */
    public static void event(String e) {
        java.util.List<String> s = sink;
        if (s != null) s.add(e);
    }

    /** Unboxes a sent value; {@code next()} sends null, which reads as -1. */
    public static int nz(Integer v) {
        return v == null ? -1 : v;
    }

    public static int mix(int a, int b) {
        return a * 31 + b;
    }

    public static long mixl(long a, int b, double c) {
        return a * 7 + b + (long) c;
    }

    public static int sum(int... xs) {
        int s = 0;
        for (int x : xs) s = s * 3 + x;
        return s;
    }

    public static String str(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) sb.append(p).append(';');
        return sb.toString();
    }

    public static char ch(String s) {
        return s.isEmpty() ? '_' : s.charAt(s.length() - 1);
    }

    /** Any value as the trace shows it: arrays (of any dimension and element type) by their elements. */
    public static String deep(Object o) {
        if (o instanceof Object[]) return java.util.Arrays.deepToString((Object[]) o);
        if (o != null && o.getClass().isArray()) return java.util.Arrays.deepToString(new Object[] {o});
        return String.valueOf(o);
    }

    /** {@link #deep} of a value computed before {@code then} (which may have suspended). */
    public static String deep(Object o, Object then) {
        return deep(o) + "/" + then;
    }

    /** {@code c.result()}, or how it failed. */
    public static String result(Coro<?, ?, ?> c) {
        try {
            return "result " + c.result();
        } catch (RuntimeException e) {
            return "result " + d(e);
        }
    }

    /**
     * An exception as a trace shows it: its class and payload ({@code FuzzException(3)},
     * {@code StopIteration(v)}), for {@code IllegalStateException} a category read from its message
     * (the woven runtime and the reference word their messages differently), its cause and its
     * suppressed exceptions. Other exceptions show their class only: messages such as helpful
     * NullPointerException ones name locals, which weaving renumbers.
     */
    public static String d(Throwable e) {
        StringBuilder sb = new StringBuilder();
        if (e instanceof StopIteration) {
            sb.append("StopIteration(").append(((StopIteration) e).value()).append(')');
        } else if (e instanceof FuzzException) {
            sb.append(e.getClass().getSimpleName()).append('(').append(((FuzzException) e).k).append(')');
        } else if (e instanceof FuzzChecked) {
            sb.append("FuzzChecked(").append(((FuzzChecked) e).k).append(')');
        } else if (e instanceof IllegalStateException) {
            sb.append("ISE[").append(category(e.getMessage())).append(']');
        } else if (e instanceof LinkageError || e instanceof AssertionError) { // a weaver or harness problem: keep the detail
            sb.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        } else {
            sb.append(e.getClass().getSimpleName());
        }
        if (e.getCause() != null && e.getCause() != e) sb.append(" cause ").append(d(e.getCause()));
        for (Throwable s : e.getSuppressed()) sb.append(" +").append(d(s));
        return sb.toString();
    }

    /** What an IllegalStateException of the protocol is about, from the words API.md fixes or both sides use. */
    static String category(String m) {
        if (m == null) return "";
        if (m.contains("raised StopIteration")) return "pep479";
        if (m.contains("ignored CoroutineExit")) return "ignored-exit";
        if (m.contains("just-created")) return "send-to-created";
        if (m.contains("plain Iterable")) return "send-to-iterable";
        if (m.contains("already running")) return "reentry";
        if (m.contains("already the sub-coroutine")) return "already-sub";
        if (m.contains("has no result")) return "no-result";
        if (m.contains("not woven") || m.contains("coro-agent")) return "NOT-WOVEN";
        return "other: " + m;
    }
}
