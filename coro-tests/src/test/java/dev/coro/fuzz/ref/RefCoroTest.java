package dev.coro.fuzz.ref;

import dev.coro.Coro;
import dev.coro.CoroutineExit;
import dev.coro.StopIteration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reference implementation checked against the expected traces of the woven fixtures where
 * they overlap (YieldFromClose, TryCatch, Protocol) and against API.md's rules, so that a
 * difference the fuzzer reports is not the reference's own mistake.
 */
class RefCoroTest {
    private final List<String> t = new ArrayList<>();

    @AfterEach
    void abandon() {
        RefCoro.abandonAll();
    }

    static final class ValueError extends RuntimeException {
        ValueError(String m) {
            super(m);
        }
    }

    // ------------------------------------------------------------------ YieldFromClose

    Coro<String, Object, Void> g1(boolean g2Fails) {
        return RefCoro.start("g1", false, () -> {
            try {
                t.add("Starting g1");
                Yield.value("g1 ham");
                Yield.from(g2(g2Fails));
                Yield.value("g1 eggs");
            } finally {
                t.add("Finishing g1");
            }
            return Yield.done();
        });
    }

    Coro<String, Object, Void> g2(boolean fail) {
        return RefCoro.start("g2", false, () -> {
            try {
                t.add("Starting g2");
                Yield.value("g2 spam");
                Yield.value("g2 more spam");
            } finally {
                t.add("Finishing g2");
                if (fail) throw new ValueError("nybbles have exploded with delight");
            }
            return Yield.done();
        });
    }

    @Test
    void delegatingClose() {
        Coro<String, Object, Void> g = g1(false);
        for (int i = 0; i < 2; i++) t.add("Yielded " + g.next());
        close(g);
        t.add("state " + g.state());
        next(g);
        expect("Starting g1", "Yielded g1 ham", "Starting g2", "Yielded g2 spam", "Finishing g2", "Finishing g1",
                "close -> ok", "state DONE", "next !StopIteration(null)");
    }

    @Test
    void handlingExceptionWhileDelegatingClose() {
        Coro<String, Object, Void> g = g1(true);
        for (int i = 0; i < 2; i++) t.add("Yielded " + g.next());
        close(g);
        t.add("state " + g.state());
        next(g);
        expect("Starting g1", "Yielded g1 ham", "Starting g2", "Yielded g2 spam", "Finishing g2", "Finishing g1",
                "close !ValueError: nybbles have exploded with delight", "state DONE", "next !StopIteration(null)");
    }

    Coro<String, Object, String> exitCatcher() {
        return RefCoro.start("exitCatcher", false, () -> {
            try {
                Yield.value("c1");
            } catch (CoroutineExit e) {
                t.add("inner caught CoroutineExit");
                return Yield.done("inner-r");
            }
            return Yield.done("inner normal");
        });
    }

    Coro<String, Object, String> exitOuter(Coro<String, Object, String> inner, boolean catchExit) {
        return RefCoro.start("exitOuter", false, () -> {
            try {
                String r = Yield.from(inner);
                t.add("outer got " + r + " (should not be here)");
            } catch (CoroutineExit e) {
                t.add("outer caught CoroutineExit");
                if (catchExit) return Yield.done("outer-r");
                throw e;
            } finally {
                t.add("outer finally");
            }
            return Yield.done("outer normal");
        });
    }

    @Test
    void subReturnsOnCloseDelegatorStillGetsCoroutineExit() {
        for (boolean catchExit : new boolean[] {true, false}) {
            Coro<String, Object, String> inner = exitCatcher();
            Coro<String, Object, String> outer = exitOuter(inner, catchExit);
            next(outer);
            close(outer);
            result("outer", outer);
            result("inner", inner);
        }
        expect("next -> c1", "inner caught CoroutineExit", "outer caught CoroutineExit", "outer finally", "close -> ok",
                "outer result outer-r", "inner result inner-r",
                "next -> c1", "inner caught CoroutineExit", "outer caught CoroutineExit", "outer finally", "close -> ok",
                "outer result !IllegalStateException", "inner result inner-r");
    }

    Coro<String, Object, String> exitIgnorer() {
        return RefCoro.start("exitIgnorer", false, () -> {
            try {
                Yield.value("y1");
            } catch (CoroutineExit e) {
                t.add("inner ignores CoroutineExit");
                Yield.value("again");
                t.add("inner resumed after again");
            }
            return Yield.done("inner-r");
        });
    }

    @Test
    void subIgnoresCoroutineExit() {
        Coro<String, Object, String> inner = exitIgnorer();
        Coro<String, Object, String> outer = RefCoro.start("ignoreOuter", false, () -> {
            try {
                Yield.from(inner);
            } finally {
                t.add("outer finally");
            }
            return Yield.done("outer-r");
        });
        next(outer);
        close(outer);
        t.add("outer " + outer.state());
        t.add("inner " + inner.state());
        next(inner);
        expect("next -> y1", "inner ignores CoroutineExit", "outer finally", "close !IllegalStateException [ignored CoroutineExit]",
                "outer DONE", "inner SUSPENDED", "inner resumed after again", "next !StopIteration(inner-r)");
    }

    @Test
    void raisingCoroutineExitIntoSubThatReturnsYieldsRaises() {
        for (int m = 0; m < 3; m++) {
            int mode = m;
            Coro<Object, Object, Void> f = RefCoro.start("exitF", false, () -> {
                try {
                    t.add("Enter f");
                    Yield.await();
                    t.add("Exit f");
                } catch (CoroutineExit e) {
                    if (mode == 1) Yield.await();
                    if (mode == 2) throw new ValueError("Vorpal bunny encountered");
                    return Yield.done();
                }
                return Yield.done();
            });
            Coro<Object, Object, Void> g = RefCoro.start("exitG", false, () -> {
                t.add("Enter g");
                Yield.from(f);
                t.add("Exit g");
                return Yield.done();
            });
            g.next();
            try {
                g.raise(new CoroutineExit());
                t.add("raise CoroutineExit -> ?");
            } catch (Throwable e) {
                t.add("raise CoroutineExit " + brief(e));
            }
            t.add("state " + g.state());
        }
        expect("Enter g", "Enter f", "raise CoroutineExit !CoroutineExit", "state DONE",
                "Enter g", "Enter f", "raise CoroutineExit !IllegalStateException [ignored CoroutineExit]", "state DONE",
                "Enter g", "Enter f", "raise CoroutineExit !ValueError: Vorpal bunny encountered", "state DONE");
    }

    @Test
    void closeOverPlainIterableRunsFinally() {
        Coro<Integer, Object, Void> g = RefCoro.start("overRange", false, () -> {
            try {
                t.add("starting g");
                Yield.from(List.of(0, 1, 2));
                t.add("g should not be here");
            } finally {
                t.add("finishing g");
            }
            return Yield.done();
        });
        next(g);
        close(g);
        t.add("state " + g.state());
        expect("starting g", "next -> 0", "finishing g", "close -> ok", "state DONE");
    }

    @Test
    void sendToPlainIterableThrowsIntoDelegator() {
        Coro<Object, Object, Void> g = RefCoro.start("sendIt", false, () -> {
            try {
                Yield.from(List.of("a", "b"));
            } catch (IllegalStateException e) {
                t.add("caught " + brief(e).contains("plain Iterable"));
                Yield.value("after");
            }
            return Yield.done();
        });
        next(g);
        send(g, 5);
        next(g);
        expect("next -> a", "caught true", "send 5 -> after", "next !StopIteration(null)");
    }

    // ------------------------------------------------------------------ TryCatch: a finally that yields

    Coro<String, Object, String> tcf() {
        return RefCoro.start("tcf", false, () -> {
            String r = "";
            try {
                r += Yield.value("in try");
                r += Yield.value("try again");
            } catch (RuntimeException e) {
                t.add("caught " + e.getMessage());
                r += "/" + Yield.value("in catch");
            } finally {
                t.add("finally r=" + r);
                r += "|" + Yield.value("in finally");
            }
            return Yield.done(r);
        });
    }

    @Test
    void closeWhileFinallyYields() {
        Coro<String, Object, String> c = tcf();
        next(c);
        close(c);
        t.add("state " + c.state());
        next(c);
        t.add("state " + c.state());
        expect("next -> in try", "finally r=", "close !IllegalStateException [ignored CoroutineExit]", "state SUSPENDED",
                "next !CoroutineExit", "state DONE");
    }

    @Test
    void raiseNotCaughtButFinallyYields() {
        Coro<String, Object, String> c = tcf();
        next(c);
        send(c, "a");
        try {
            t.add("raise -> " + c.raise(new java.io.IOException("io")));
        } catch (Throwable e) {
            t.add("raise " + brief(e));
        }
        t.add("state " + c.state());
        send(c, "z");
        t.add("state " + c.state());
        next(c);
        expect("next -> in try", "send a -> try again", "finally r=a", "raise -> in finally", "state SUSPENDED",
                "send z !IOException: io", "state DONE", "next !StopIteration(null)");
    }

    @Test
    void returnThroughYieldingFinallyKeepsTheResult() {
        Coro<Object, Object, String> c = RefCoro.start("f", false, () -> {
            try {
                Yield.value(1);
                return Yield.done("ret");
            } finally {
                Yield.value("in finally");
            }
        });
        next(c);
        next(c);
        next(c);
        next(c);
        expect("next -> 1", "next -> in finally", "next !StopIteration(ret)", "next !StopIteration(null)");
    }

    // ------------------------------------------------------------------ API.md rules

    @Test
    void createdCoroutineRules() {
        Coro<Object, Object, String> c = RefCoro.start("c", false, () -> {
            t.add("body runs");
            Yield.value(1);
            return Yield.done("r");
        });
        t.add("state " + c.state());
        send(c, 3);
        t.add("state " + c.state());
        try {
            c.raise(new ValueError("at start"));
        } catch (Throwable e) {
            t.add("raise " + brief(e));
        }
        t.add("state " + c.state());
        next(c);
        Coro<Object, Object, String> d = RefCoro.start("d", false, () -> Yield.done("r"));
        try {
            d.raise(new StopIteration("s"));
        } catch (Throwable e) {
            t.add("raise StopIteration " + brief(e) + " cause " + brief(e.getCause()));
        }
        Coro<Object, Object, String> e = RefCoro.start("e", false, () -> Yield.done("r"));
        close(e);
        t.add("state " + e.state());
        result("e", e);
        expect("state CREATED", "send 3 !IllegalStateException [just-created]", "state CREATED", "raise !ValueError: at start",
                "state DONE", "next !StopIteration(null)",
                "raise StopIteration !IllegalStateException [coroutine raised StopIteration] cause !StopIteration(s)",
                "close -> ok", "state DONE", "e result !IllegalStateException");
    }

    @Test
    void pep479AndPrimed() {
        Coro<Object, Object, String> c = RefCoro.start("c", false, () -> {
            Yield.value(1);
            if (t != null) throw new StopIteration("escaping");
            return Yield.done("r");
        });
        next(c);
        next(c);
        Coro<Object, Object, String> p = RefCoro.start("p", true, () -> {
            t.add("primed body");
            return Yield.done("early");
        });
        t.add("state " + p.state());
        result("p", p);
        next(p);
        Coro<Object, Object, String> q = RefCoro.start("q", true, () -> {
            t.add("q first " + Yield.value("discarded"));
            t.add("q second " + Yield.value("second"));
            return Yield.done("q-r");
        });
        t.add("state " + q.state());
        send(q, "x");
        send(q, "y");
        expect("next -> 1", "next !IllegalStateException [coroutine raised StopIteration]", "primed body", "state DONE",
                "p result early", "next !StopIteration(null)", "state SUSPENDED", "q first x", "send x -> second",
                "q second y", "send y !StopIteration(q-r)");
    }

    // ------------------------------------------------------------------ helpers

    private void next(Coro<?, ?, ?> c) {
        try {
            t.add("next -> " + c.next());
        } catch (Throwable e) {
            t.add("next " + brief(e));
        }
    }

    @SuppressWarnings("unchecked")
    private void send(Coro<?, ?, ?> c, Object v) {
        try {
            t.add("send " + v + " -> " + ((Coro<?, Object, ?>) c).send(v));
        } catch (Throwable e) {
            t.add("send " + v + " " + brief(e));
        }
    }

    private void close(Coro<?, ?, ?> c) {
        try {
            c.close();
            t.add("close -> ok");
        } catch (Throwable e) {
            t.add("close " + brief(e));
        }
    }

    private void result(String name, Coro<?, ?, ?> c) {
        try {
            t.add(name + " result " + c.result());
        } catch (Throwable e) {
            t.add(name + " result !" + e.getClass().getSimpleName());
        }
    }

    /** As the fixtures show an exception: StopIteration with its value; ISE with the words that matter. */
    private static String brief(Throwable e) {
        if (e instanceof StopIteration) return "!StopIteration(" + ((StopIteration) e).value() + ")";
        if (e instanceof CoroutineExit) return "!CoroutineExit";
        String m = e.getMessage();
        if (e instanceof IllegalStateException && m != null) {
            for (String key : new String[] {"ignored CoroutineExit", "just-created", "coroutine raised StopIteration", "plain Iterable"}) {
                if (m.contains(key)) return "!IllegalStateException [" + key + "]";
            }
        }
        return "!" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private void expect(String... lines) {
        assertEquals(String.join("\n", lines), String.join("\n", t));
    }
}
