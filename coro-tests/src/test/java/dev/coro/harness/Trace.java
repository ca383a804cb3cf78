package dev.coro.harness;

import dev.coro.Coro;
import dev.coro.StopIteration;

import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario records: values yielded, values sent, exceptions seen, and anything the coroutine
 * body logs. Each protocol call is recorded as one line:
 *
 * <pre>
 *   next -> 1                      next() returned 1
 *   send 5 -> 6                    send(5) returned 6
 *   next !StopIteration(done)      next() threw StopIteration whose value() is "done"
 *   raise IOException -> 7         raise(new IOException(..)) returned 7
 *   close -> ok                    close() returned normally
 *   next !IllegalStateException: msg
 * </pre>
 */
public final class Trace {
    private final List<String> lines = new ArrayList<>();

    public void log(Object line) {
        lines.add(String.valueOf(line));
    }

    public List<String> lines() {
        return lines;
    }

    public <Y> Y next(Coro<Y, ?, ?> c) {
        try {
            Y y = c.next();
            log("next -> " + y);
            return y;
        } catch (Throwable e) {
            log("next " + describe(e));
            return null;
        }
    }

    public <Y, S> Y send(Coro<Y, S, ?> c, S v) {
        try {
            Y y = c.send(v);
            log("send " + v + " -> " + y);
            return y;
        } catch (Throwable e) {
            log("send " + v + " " + describe(e));
            return null;
        }
    }

    public <Y> Y raise(Coro<Y, ?, ?> c, Throwable t) {
        try {
            Y y = c.raise(t);
            log("raise " + t.getClass().getSimpleName() + " -> " + y);
            return y;
        } catch (Throwable e) {
            log("raise " + t.getClass().getSimpleName() + " " + describe(e));
            return null;
        }
    }

    public void close(Coro<?, ?, ?> c) {
        try {
            c.close();
            log("close -> ok");
        } catch (Throwable e) {
            log("close " + describe(e));
        }
    }

    /** Calls next() until the coroutine stops or fails, recording each step. */
    public void drain(Coro<?, ?, ?> c) {
        for (int i = 0; i < 100_000; i++) {
            try {
                Object y = c.next();
                log("next -> " + y);
            } catch (Throwable e) {
                log("next " + describe(e));
                return;
            }
        }
        throw new AssertionError("coroutine did not stop after 100000 steps");
    }

    public void state(Coro<?, ?, ?> c) {
        log("state " + c.state());
    }

    /** {@code !StopIteration(value)} or {@code !SimpleName: message} (message only when not null). */
    public static String describe(Throwable e) {
        if (e instanceof StopIteration) return "!StopIteration(" + ((StopIteration) e).value() + ")";
        String m = e.getMessage();
        return "!" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
