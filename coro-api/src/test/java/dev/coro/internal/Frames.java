package dev.coro.internal;

import dev.coro.Coro;
import dev.coro.CoroutineExit;
import dev.coro.StopIteration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hand-written stand-ins for the frame classes the weaver generates, so that {@link CoroFrame}'s
 * protocol can be tested without any weaving.
 *
 * <p>Each frame follows the contract of {@link CoroFrame}: the fields hold the captured arguments
 * and the locals live across a suspension point; {@code resume(label, sent, thrown)} restores them
 * and dispatches on {@code label}; at a resume point it first throws {@code thrown} (if any), then
 * takes {@code sent} as the value of the {@code Yield} call; it suspends by saving the live locals,
 * storing the resume point in {@code this.label} and returning the yielded value; it returns by
 * {@code return done(r)} while {@code label} still reads {@code RUNNING}. A {@code finally} block
 * is emulated the way javac compiles it: a copy on each normal exit plus a catch-any handler, so
 * that a suspension (a plain return from {@code resume}) does not run it.
 *
 * <p>Each frame also counts its {@link #clearLocals()} calls in {@code clears} (not a woven field).
 * The Java source each frame stands for is in its javadoc.
 */
final class Frames {
    private Frames() {}

    static final String PREFIX = "dev.coro.internal.Frames.";

    /** What woven code does with {@code athrow}: throws any throwable, checked ones too, unchanged (the runtime's own). */
    static RuntimeException sneaky(Throwable t) {
        return Sneaky.rethrow(t);
    }

    static AssertionError bad(int label) {
        return new AssertionError("no resume point " + label);
    }

    // ------------------------------------------------------------------ fibonacci

    /**
     * <pre>{@code
     * @Coroutine
     * static Coro<Long, Void, Void> fibonacci(long limit) {
     *     long a = 0, b = 1;
     *     while (b < limit) {
     *         Yield.value(a);                      // resume point 1
     *         long t = a + b; a = b; b = t;
     *     }
     *     return Yield.done();
     * }
     * }</pre>
     */
    static final class Fibonacci extends CoroFrame<Long, Void, Void> {
        long limit;  // argument
        long a, b;   // live across point 1
        int clears;

        Fibonacci(long limit) {
            this.limit = limit;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            long limit = this.limit;
            long a, b;
            switch (label) {
                case 0:
                    a = 0;
                    b = 1;
                    break;
                case 1:
                    a = this.a;
                    b = this.b;
                    if (thrown != null) throw sneaky(thrown);
                    long t = a + b;
                    a = b;
                    b = t;
                    break;
                default:
                    throw bad(label);
            }
            if (b < limit) {
                this.a = a;
                this.b = b;
                this.label = 1;
                return a;
            }
            return done(null);
        }

        @Override
        protected void clearLocals() {
            clears++; // no reference fields
        }

        @Override
        protected String methodName() {
            return PREFIX + "fibonacci";
        }
    }

    static Fibonacci fibonacci(long limit) {
        return new Fibonacci(limit);
    }

    // ------------------------------------------------------------------ averager

    /**
     * <pre>{@code
     * @Coroutine
     * static Coro<Integer, Integer, String> averager(List<String> log) {
     *     log.add("start");
     *     List<Integer> seen = new ArrayList<>();
     *     int sum = 0, n = 0;
     *     Integer x = Yield.value(0);              // resume point 1
     *     while (x != null) {
     *         seen.add(x); sum += x; n++;
     *         x = Yield.value(sum / n);            // resume point 2
     *     }
     *     log.add("seen " + seen);
     *     return Yield.done("n=" + n);
     * }
     * }</pre>
     */
    static final class Averager extends CoroFrame<Integer, Integer, String> {
        List<String> log;     // argument
        List<Integer> seen;   // live across points 1 and 2
        int sum, n;           // live across points 1 and 2
        int clears;

        Averager(List<String> log) {
            this.log = log;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            List<String> log = this.log;
            List<Integer> seen;
            int sum, n;
            Integer x;
            switch (label) {
                case 0:
                    log.add("start");
                    seen = new ArrayList<>();
                    sum = 0;
                    n = 0;
                    this.seen = seen;
                    this.sum = sum;
                    this.n = n;
                    this.label = 1;
                    return 0;
                case 1:
                case 2:
                    seen = this.seen;
                    sum = this.sum;
                    n = this.n;
                    if (thrown != null) throw sneaky(thrown);
                    x = (Integer) sent;
                    break;
                default:
                    throw bad(label);
            }
            if (x != null) { // the loop, entered again at each resumption of point 2
                seen.add(x);
                sum += x;
                n++;
                this.seen = seen;
                this.sum = sum;
                this.n = n;
                this.label = 2;
                return sum / n;
            }
            log.add("seen " + seen);
            return done("n=" + n);
        }

        @Override
        protected void clearLocals() {
            clears++;
            log = null;
            seen = null;
        }

        @Override
        protected String methodName() {
            return PREFIX + "averager";
        }

        @Override
        protected String sourceFile() {
            return "Averager.java";
        }

        @Override
        protected int line(int label) {
            return 30 + label; // point 1 at line 31, point 2 at line 32
        }
    }

    // ------------------------------------------------------------------ guarded: try/catch/finally

    /**
     * <pre>{@code
     * @Coroutine
     * static Coro<String, String, String> guarded(List<String> log, int rounds) {
     *     log.add("start");
     *     try {
     *         for (int i = 0; i < rounds; i++) {
     *             try {
     *                 String s = Yield.value("y" + i);         // resume point 1
     *                 log.add("got " + s);
     *             } catch (RuntimeException e) {
     *                 log.add("caught " + e.getMessage());
     *                 Yield.value("recovered " + i);           // resume point 2
     *             }
     *         }
     *         return Yield.done("finished");
     *     } finally {
     *         log.add("finally");
     *     }
     * }
     * }</pre>
     */
    static final class Guarded extends CoroFrame<String, String, String> {
        private static final int LOOP = 100; // not a resume point: the loop condition

        List<String> log;  // argument
        int rounds;        // argument
        int i;             // live across points 1 and 2
        int clears;

        Guarded(List<String> log, int rounds) {
            this.log = log;
            this.rounds = rounds;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            List<String> log = this.log;
            int rounds = this.rounds;
            int i;
            int pc;
            if (label == 0) {
                log.add("start");
                i = 0;
                pc = LOOP;
            } else {
                i = this.i;
                pc = label;
            }
            Object r; // javac's temporary for the pending result: Yield.done(r) is r
            try { // the try of try/finally
                loop:
                for (;;) {
                    switch (pc) {
                        case LOOP:
                            if (i >= rounds) {
                                r = done("finished");
                                break loop;
                            }
                            this.i = i;
                            this.label = 1;
                            return "y" + i;
                        case 1:
                            try { // the inner try/catch
                                if (thrown != null) throw sneaky(thrown);
                                log.add("got " + sent);
                            } catch (RuntimeException e) {
                                log.add("caught " + e.getMessage());
                                this.i = i;
                                this.label = 2;
                                return "recovered " + i;
                            }
                            i++;
                            pc = LOOP;
                            continue;
                        case 2: // in the catch block: outside the inner try, inside the outer one
                            if (thrown != null) throw sneaky(thrown);
                            i++;
                            pc = LOOP;
                            continue;
                        default:
                            throw bad(label);
                    }
                }
            } catch (Throwable t) { // finally, catch-any copy
                log.add("finally");
                throw sneaky(t);
            }
            log.add("finally"); // finally, normal-exit copy (outside the handler's range, as javac puts it)
            return r;
        }

        @Override
        protected void clearLocals() {
            clears++;
            log = null;
        }

        @Override
        protected String methodName() {
            return PREFIX + "guarded";
        }
    }

    // ------------------------------------------------------------------ stubborn: yields after CoroutineExit

    /**
     * <pre>{@code
     * @Coroutine
     * static Coro<String, Void, Void> stubborn(List<String> log) {
     *     while (true) {
     *         try {
     *             Yield.value("working");                  // resume point 1
     *         } catch (CoroutineExit e) {
     *             log.add("ignoring exit");
     *             Yield.value("still here");               // resume point 2
     *             log.add("resumed after ignoring");
     *         }
     *     }
     * }
     * }</pre>
     */
    static final class Stubborn extends CoroFrame<String, Void, Void> {
        List<String> log;  // argument
        int clears;

        Stubborn(List<String> log) {
            this.log = log;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            List<String> log = this.log;
            switch (label) {
                case 0:
                    break;
                case 1:
                    try {
                        if (thrown != null) throw sneaky(thrown);
                    } catch (CoroutineExit e) {
                        log.add("ignoring exit");
                        this.label = 2;
                        return "still here";
                    }
                    break;
                case 2:
                    if (thrown != null) throw sneaky(thrown);
                    log.add("resumed after ignoring");
                    break;
                default:
                    throw bad(label);
            }
            this.label = 1; // back at the loop head
            return "working";
        }

        @Override
        protected void clearLocals() {
            clears++;
            log = null;
        }

        @Override
        protected String methodName() {
            return PREFIX + "stubborn";
        }
    }

    // ------------------------------------------------------------------ failing: throws what it is given

    /**
     * <pre>{@code
     * @Coroutine
     * static Coro<Integer, Void, Void> failing(List<String> log, int yieldsFirst, Exception problem)
     *         throws Exception {
     *     for (int i = 0; i < yieldsFirst; i++) {
     *         Yield.value(i);                              // resume point 1
     *     }
     *     log.add("throwing");
     *     throw problem;
     * }
     * }</pre>
     */
    static final class Failing extends CoroFrame<Integer, Void, Void> {
        List<String> log;    // argument
        int yieldsFirst;     // argument
        Exception problem;   // argument
        int i;               // live across point 1
        int clears;

        Failing(List<String> log, int yieldsFirst, Exception problem) {
            this.log = log;
            this.yieldsFirst = yieldsFirst;
            this.problem = problem;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            int i;
            switch (label) {
                case 0:
                    i = 0;
                    break;
                case 1:
                    i = this.i;
                    if (thrown != null) throw sneaky(thrown);
                    i++;
                    break;
                default:
                    throw bad(label);
            }
            if (i < yieldsFirst) {
                this.i = i;
                this.label = 1;
                return i;
            }
            log.add("throwing");
            throw sneaky(problem);
        }

        @Override
        protected void clearLocals() {
            clears++;
            log = null;
            problem = null;
        }

        @Override
        protected String methodName() {
            return PREFIX + "failing";
        }
    }

    // ------------------------------------------------------------------ firstOfEach: PEP 479's motivating case

    /**
     * A body that lets a {@code StopIteration} from another coroutine's {@code next()} escape.
     *
     * <pre>{@code
     * @Coroutine
     * static Coro<Object, Void, Void> firstOfEach(List<Coro<?, ?, ?>> sources) {
     *     for (Coro<?, ?, ?> c : sources) {
     *         Yield.value(c.next());                       // resume point 1
     *     }
     *     return Yield.done();
     * }
     * }</pre>
     */
    static final class FirstOfEach extends CoroFrame<Object, Void, Void> {
        List<Coro<?, ?, ?>> sources;     // argument
        Iterator<Coro<?, ?, ?>> it;      // live across point 1
        int clears;

        FirstOfEach(List<Coro<?, ?, ?>> sources) {
            this.sources = sources;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            Iterator<Coro<?, ?, ?>> it;
            switch (label) {
                case 0:
                    it = sources.iterator();
                    break;
                case 1:
                    it = this.it;
                    if (thrown != null) throw sneaky(thrown);
                    break;
                default:
                    throw bad(label);
            }
            if (it.hasNext()) {
                Coro<?, ?, ?> c = it.next();
                Object v = c.next();
                this.it = it;
                this.label = 1;
                return v;
            }
            return done(null);
        }

        @Override
        protected void clearLocals() {
            clears++;
            sources = null;
            it = null;
        }

        @Override
        protected String methodName() {
            return PREFIX + "firstOfEach";
        }
    }

    // ------------------------------------------------------------------ counter: catches CoroutineExit

    /**
     * <pre>{@code
     * @Coroutine
     * static Coro<Integer, Void, String> counter(List<String> log, String onExit) throws IOException {
     *     int n = 0;
     *     try {
     *         while (true) {
     *             Yield.value(n);                          // resume point 1
     *             n++;
     *         }
     *     } catch (CoroutineExit e) {
     *         log.add("exit at " + n);
     *         switch (onExit) {
     *             case "return": return Yield.done("closed at " + n);
     *             case "return null": return Yield.done();
     *             case "io": throw new IOException("cleanup failed");
     *             case "stop": throw new StopIteration("from handler");
     *             default: throw e;
     *         }
     *     }
     * }
     * }</pre>
     */
    static final class Counter extends CoroFrame<Integer, Void, String> {
        List<String> log;  // argument
        String onExit;     // argument
        int n;             // live across point 1
        int clears;

        Counter(List<String> log, String onExit) {
            this.log = log;
            this.onExit = onExit;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            List<String> log = this.log;
            String onExit = this.onExit;
            int n;
            switch (label) {
                case 0:
                    n = 0;
                    break;
                case 1:
                    n = this.n;
                    try {
                        if (thrown != null) throw sneaky(thrown);
                    } catch (CoroutineExit e) {
                        log.add("exit at " + n);
                        switch (onExit) {
                            case "return":
                                return done("closed at " + n);
                            case "return null":
                                return done(null);
                            case "io":
                                throw sneaky(new IOException("cleanup failed"));
                            case "stop":
                                throw new StopIteration("from handler");
                            default:
                                throw e;
                        }
                    }
                    n++;
                    break;
                default:
                    throw bad(label);
            }
            this.n = n;
            this.label = 1;
            return n;
        }

        @Override
        protected void clearLocals() {
            clears++;
            log = null;
            onExit = null;
        }

        @Override
        protected String methodName() {
            return PREFIX + "counter";
        }
    }

    // ------------------------------------------------------------------ reentrant: resumes itself

    /**
     * <pre>{@code
     * @Coroutine
     * static Coro<String, String, Void> reentrant(AtomicReference<Coro<String, String, Void>> self,
     *         List<String> log, List<String> messages) {
     *     Coro<String, String, Void> me = self.get();
     *     log.add("state " + me.state() + " isDone " + me.isDone() + " " + me);
     *     try { me.next(); } catch (IllegalStateException e) { log.add("next ISE"); messages.add(e.getMessage()); }
     *     try { me.send("x"); } catch (IllegalStateException e) { log.add("send ISE"); messages.add(e.getMessage()); }
     *     try { me.raise(new IOException("in")); } catch (IllegalStateException e) { log.add("raise ISE"); messages.add(e.getMessage()); }
     *     try { me.close(); } catch (IllegalStateException e) { log.add("close ISE"); messages.add(e.getMessage()); }
     *     try { me.result(); } catch (IllegalStateException e) { log.add("result ISE"); }
     *     log.add("still " + me.state());
     *     String s = Yield.value("first");                 // resume point 1
     *     log.add("sent " + s);
     *     me.next();                                       // not caught: escapes the body
     *     return Yield.done();
     * }
     * }</pre>
     */
    static final class Reentrant extends CoroFrame<String, String, Void> {
        AtomicReference<Coro<String, String, Void>> self;  // argument
        List<String> log;                                   // argument
        List<String> messages;                              // argument
        Coro<String, String, Void> me;                      // live across point 1
        int clears;

        Reentrant(AtomicReference<Coro<String, String, Void>> self, List<String> log, List<String> messages) {
            this.self = self;
            this.log = log;
            this.messages = messages;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            List<String> log = this.log;
            List<String> messages = this.messages;
            Coro<String, String, Void> me;
            switch (label) {
                case 0:
                    me = self.get();
                    log.add("state " + me.state() + " isDone " + me.isDone() + " " + me);
                    try {
                        me.next();
                        log.add("next returned");
                    } catch (IllegalStateException e) {
                        log.add("next ISE");
                        messages.add(e.getMessage());
                    }
                    try {
                        me.send("x");
                        log.add("send returned");
                    } catch (IllegalStateException e) {
                        log.add("send ISE");
                        messages.add(e.getMessage());
                    }
                    try {
                        me.raise(new IOException("in"));
                        log.add("raise returned");
                    } catch (IllegalStateException e) {
                        log.add("raise ISE");
                        messages.add(e.getMessage());
                    }
                    try {
                        me.close();
                        log.add("close returned");
                    } catch (IllegalStateException e) {
                        log.add("close ISE");
                        messages.add(e.getMessage());
                    }
                    try {
                        me.result();
                        log.add("result returned");
                    } catch (IllegalStateException e) {
                        log.add("result ISE");
                    }
                    log.add("still " + me.state());
                    this.me = me;
                    this.label = 1;
                    return "first";
                case 1:
                    me = this.me;
                    if (thrown != null) throw sneaky(thrown);
                    log.add("sent " + sent);
                    me.next();
                    return done(null);
                default:
                    throw bad(label);
            }
        }

        @Override
        protected void clearLocals() {
            clears++;
            self = null;
            log = null;
            messages = null;
            me = null;
        }

        @Override
        protected String methodName() {
            return PREFIX + "reentrant";
        }
    }

    static Reentrant reentrant(List<String> log, List<String> messages) {
        AtomicReference<Coro<String, String, Void>> self = new AtomicReference<>();
        Reentrant r = new Reentrant(self, log, messages);
        self.set(r);
        return r;
    }

    // ------------------------------------------------------------------ grep: a primed consumer

    /**
     * <pre>{@code
     * @Coroutine(primed = true)
     * static Coro<Void, String, Void> grep(String pattern, List<String> log) {
     *     log.add("searching for " + pattern);
     *     while (true) {
     *         String line = Yield.await();                 // resume point 1
     *         if (line.contains(pattern)) log.add(line);
     *     }
     * }
     * }</pre>
     * The woven entry point of a primed coroutine is {@code new Grep(pattern, log).prime()}.
     */
    static final class Grep extends CoroFrame<Void, String, Void> {
        String pattern;    // argument
        List<String> log;  // argument
        int clears;

        Grep(String pattern, List<String> log) {
            this.pattern = pattern;
            this.log = log;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            String pattern = this.pattern;
            List<String> log = this.log;
            switch (label) {
                case 0:
                    log.add("searching for " + pattern);
                    break;
                case 1:
                    if (thrown != null) throw sneaky(thrown);
                    String line = (String) sent;
                    if (line.contains(pattern)) log.add(line);
                    break;
                default:
                    throw bad(label);
            }
            this.label = 1;
            return null;
        }

        @Override
        protected void clearLocals() {
            clears++;
            pattern = null;
            log = null;
        }

        @Override
        protected String methodName() {
            return PREFIX + "grep";
        }
    }

    /** The woven entry point of {@code @Coroutine(primed = true) grep(pattern, log)}. */
    static Grep grep(String pattern, List<String> log) {
        return (Grep) new Grep(pattern, log).prime();
    }

    // ------------------------------------------------------------------ range: logs every step

    /**
     * <pre>{@code
     * @Coroutine
     * static Coro<Integer, Void, String> range(int n, List<String> log) {
     *     try {
     *         for (int i = 0; i < n; i++) {
     *             log.add("yield " + i);
     *             Yield.value(i);                          // resume point 1
     *             log.add("resumed " + i);
     *         }
     *         return Yield.done("range " + n);
     *     } finally {
     *         log.add("finally");
     *     }
     * }
     * }</pre>
     */
    static final class Range extends CoroFrame<Integer, Void, String> {
        int n;             // argument
        List<String> log;  // argument
        int i;             // live across point 1
        int clears;

        Range(int n, List<String> log) {
            this.n = n;
            this.log = log;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            int n = this.n;
            List<String> log = this.log;
            int i;
            Object r;
            try { // the try of try/finally
                switch (label) {
                    case 0:
                        i = 0;
                        break;
                    case 1:
                        i = this.i;
                        if (thrown != null) throw sneaky(thrown);
                        log.add("resumed " + i);
                        i++;
                        break;
                    default:
                        throw bad(label);
                }
                if (i < n) {
                    log.add("yield " + i);
                    this.i = i;
                    this.label = 1;
                    return i; // suspension: leaves the try without running finally
                }
                r = done("range " + n);
            } catch (Throwable t) { // finally, catch-any copy
                log.add("finally");
                throw sneaky(t);
            }
            log.add("finally"); // finally, normal-exit copy (outside the handler's range, as javac puts it)
            return r;
        }

        @Override
        protected void clearLocals() {
            clears++;
            log = null;
        }

        @Override
        protected String methodName() {
            return PREFIX + "range";
        }
    }

    // ------------------------------------------------------------------ echo: yields what it was sent

    /**
     * <pre>{@code
     * @Coroutine
     * static Coro<String, String, Integer> echo(int times) {
     *     String v = null;
     *     for (int i = 0; i < times; i++) {
     *         v = Yield.value(v);                          // resume point 1
     *     }
     *     return Yield.done(times);
     * }
     * }</pre>
     */
    static final class Echo extends CoroFrame<String, String, Integer> {
        int times;  // argument
        int i;      // live across point 1 (v is not: it is assigned from the Yield)
        int clears;

        Echo(int times) {
            this.times = times;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            int times = this.times;
            String v;
            int i;
            switch (label) {
                case 0:
                    v = null;
                    i = 0;
                    break;
                case 1:
                    i = this.i;
                    if (thrown != null) throw sneaky(thrown);
                    v = (String) sent;
                    i++;
                    break;
                default:
                    throw bad(label);
            }
            if (i < times) {
                this.i = i;
                this.label = 1;
                return v;
            }
            return done(times);
        }

        @Override
        protected void clearLocals() {
            clears++;
        }

        @Override
        protected String methodName() {
            return PREFIX + "echo";
        }
    }
}
