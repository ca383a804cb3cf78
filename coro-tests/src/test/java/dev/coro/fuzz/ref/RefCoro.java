package dev.coro.fuzz.ref;

import dev.coro.Coro;
import dev.coro.CoroutineExit;
import dev.coro.StopIteration;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The reference implementation of API.md's protocol, for the differential fuzzer only: each
 * coroutine body runs, unchanged, on a thread of its own, and {@code Yield} calls hand values between
 * that thread and the caller's through two {@link SynchronousQueue}s. Only one thread of a program
 * runs at a time, so the body sees exactly what a woven body sees, in the same order.
 *
 * <p>This is the obvious implementation, written straight from API.md and PEP 342/380/479 (the
 * {@code Yield.from} loop is PEP 380's expansion), with no optimisation: where the woven runtime and
 * this class disagree, one of them is wrong, and this one is meant to be easy to check by reading.
 *
 * <p>A coroutine still suspended when its program's run ends is <em>abandoned</em>
 * ({@link #abandonAll}): its thread is woken with {@link Abandoned}, which every later {@code Yield}
 * call rethrows, so the thread ends after running its {@code finally} blocks (their logging comes
 * after the trace has been taken).
 */
public final class RefCoro<Y, S, R> implements Coro<Y, S, R> {
    /** How long one side waits for the other before the reference is declared hung. */
    static final long TIMEOUT_SECONDS = 60;

    private static final ThreadLocal<RefCoro<?, ?, ?>> CURRENT = new ThreadLocal<>();
    /** Every coroutine made since the last {@link #abandonAll}. */
    private static final List<RefCoro<?, ?, ?>> MADE = new ArrayList<>();

    private static final int YIELDED = 0, RETURNED = 1, FAILED = 2;

    /** Caller to body: resume with {@code sent}, or throw {@code thrown} at the suspension, or abandon. */
    private record Cmd(Object sent, Throwable thrown, boolean abandon) {}

    /** Body to caller: it yielded {@code value}, returned {@code value}, or failed with {@code failure}. */
    private record Out(int kind, Object value, Throwable failure) {}

    private static final Cmd ABANDON = new Cmd(null, null, true);

    private final String name;
    private final Supplier<? extends Coro<?, ?, ?>> body;
    private final SynchronousQueue<Cmd> toBody = new SynchronousQueue<>();
    private final SynchronousQueue<Out> toCaller = new SynchronousQueue<>();
    private Thread thread;
    private State state = State.CREATED;
    private boolean returned;
    private Object result;
    private volatile boolean abandoned;

    private RefCoro(String name, Supplier<? extends Coro<?, ?, ?>> body) {
        this.name = name;
        this.body = body;
    }

    /**
     * What the reference rendering of a {@code @Coroutine} method returns: a {@code CREATED}
     * coroutine that will run {@code body}, or when {@code primed} one already run to its first
     * suspension (the value yielded there is discarded; an exception propagates from here).
     */
    public static <Y, S, R> Coro<Y, S, R> start(String name, boolean primed, Supplier<? extends Coro<Y, S, R>> body) {
        RefCoro<Y, S, R> c = new RefCoro<>(name, body);
        synchronized (MADE) {
            MADE.add(c);
        }
        if (primed) {
            try {
                c.send(null);
            } catch (StopIteration returnedBeforeSuspending) {
                // DONE, result() set, nothing reported
            }
        }
        return c;
    }

    /** Ends the threads of every coroutine made since the last call (see the class comment). */
    public static void abandonAll() {
        for (;;) {
            List<RefCoro<?, ?, ?>> batch;
            synchronized (MADE) {
                if (MADE.isEmpty()) return;
                batch = new ArrayList<>(MADE);
                MADE.clear();
            }
            for (RefCoro<?, ?, ?> c : batch) c.abandon();
        }
    }

    // ---------------------------------------------------------------- the protocol (caller side)

    @Override
    public Y next() {
        return send(null);
    }

    @SuppressWarnings("unchecked")
    @Override
    public Y send(S v) {
        if (state == State.RUNNING) throw reentered("next/send");
        if (state == State.DONE) throw new StopIteration(null);
        if (state == State.CREATED && v != null) {
            throw new IllegalStateException("can't send a non-null value to a just-created coroutine " + name);
        }
        return (Y) resume(v, null);
    }

    @SuppressWarnings("unchecked")
    @Override
    public Y raise(Throwable t) {
        if (t == null) throw new NullPointerException("raise(null)");
        if (state == State.RUNNING) throw reentered("raise");
        if (state == State.CREATED) { // raised at the start: the body never runs
            state = State.DONE;
            throw sneaky(pep479(t));
        }
        if (state == State.DONE) throw sneaky(t);
        return (Y) resume(null, t);
    }

    @Override
    public void close() {
        if (state == State.RUNNING) throw reentered("close");
        if (state != State.SUSPENDED) {
            state = State.DONE;
            return;
        }
        Object y;
        try {
            y = resume(null, new CoroutineExit());
        } catch (StopIteration | CoroutineExit finished) {
            return;
        }
        throw new IllegalStateException("coroutine " + name + " ignored CoroutineExit: it yielded " + y);
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public boolean isDone() {
        return state == State.DONE;
    }

    @SuppressWarnings("unchecked")
    @Override
    public R result() {
        if (returned) return (R) result;
        throw new IllegalStateException("coroutine " + name + " has no result: it is " + state);
    }

    @Override
    public Iterator<Y> iterator() {
        return new Iterator<>() {
            private Y ahead;
            private boolean hasAhead;

            @Override
            public boolean hasNext() {
                if (hasAhead) return true;
                if (isDone()) return false;
                try {
                    ahead = RefCoro.this.next();
                } catch (StopIteration end) {
                    return false;
                }
                hasAhead = true;
                return true;
            }

            @Override
            public Y next() {
                if (!hasNext()) throw new NoSuchElementException();
                hasAhead = false;
                return ahead;
            }
        };
    }

    /** API.md: lazy and sequential, the body runs only as elements are pulled (one next() per element). */
    @Override
    public Stream<Y> stream() {
        Spliterator<Y> split = new Spliterators.AbstractSpliterator<Y>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super Y> action) {
                Y y;
                try {
                    y = next();
                } catch (StopIteration end) {
                    return false;
                }
                action.accept(y);
                return true;
            }

            @Override
            public Spliterator<Y> trySplit() {
                return null;
            }
        };
        return StreamSupport.stream(split, false).onClose(this::close);
    }

    @Override
    public String toString() {
        return "RefCoro[" + name + ", " + state + "]";
    }

    /** Runs the body from where it stopped: returns what it yields; throws StopIteration or its exception. */
    private Object resume(Object sent, Throwable thrown) {
        state = State.RUNNING;
        if (thread == null) {
            if (sent != null || thrown != null) throw new AssertionError("reference: first resume with " + sent + "/" + thrown);
            thread = new Thread(this::runBody, "coro-ref " + name);
            thread.setDaemon(true);
            thread.start();
        } else {
            hand(toBody, new Cmd(sent, thrown, false));
        }
        Out out = take(toCaller);
        switch (out.kind) {
            case YIELDED:
                state = State.SUSPENDED;
                return out.value;
            case RETURNED:
                state = State.DONE;
                returned = true;
                result = out.value;
                throw new StopIteration(out.value);
            default:
                state = State.DONE;
                throw sneaky(pep479(out.failure));
        }
    }

    private void abandon() {
        Thread t = thread;
        if (t != null && t.isAlive() && state == State.SUSPENDED) {
            hand(toBody, ABANDON);
            try {
                t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) throw new AssertionError("reference coroutine " + name + " did not end when abandoned");
        }
        abandoned = true;
        state = State.DONE;
    }

    // ---------------------------------------------------------------- the body's side

    private void runBody() {
        CURRENT.set(this);
        Out out;
        try {
            Coro<?, ?, ?> r = body.get();
            out = r instanceof Done
                    ? new Out(RETURNED, ((Done<?, ?, ?>) r).result, null)
                    : new Out(FAILED, null, new AssertionError("body of " + name + " returned " + r + ", not Yield.done"));
        } catch (Throwable e) {
            out = new Out(FAILED, null, e);
        }
        if (!abandoned) hand(toCaller, out);
    }

    /** The coroutine whose body runs on this thread. */
    static RefCoro<?, ?, ?> current(String call) {
        RefCoro<?, ?, ?> c = CURRENT.get();
        if (c == null) throw new IllegalStateException("Yield." + call + "() outside a reference coroutine (not woven)");
        if (c.abandoned) throw new Abandoned();
        return c;
    }

    /** A suspension: hands {@code y} to the caller and waits to be resumed; returns the value sent. */
    Object suspend(Object y) {
        hand(toCaller, new Out(YIELDED, y, null));
        Cmd c;
        try {
            c = toBody.take();
        } catch (InterruptedException e) {
            c = ABANDON;
        }
        if (c.abandon) {
            abandoned = true;
            throw new Abandoned();
        }
        if (c.thrown != null) throw sneaky(c.thrown);
        return c.sent;
    }

    /**
     * {@code Yield.from(sub)}: PEP 380's expansion of {@code yield from}, with CoroutineExit for
     * GeneratorExit. A sub that has already finished gives null at once, as in Python (next() on an
     * exhausted generator raises a StopIteration without value; API.md: every later next/send throws a
     * StopIteration whose value is null).
     */
    @SuppressWarnings("unchecked")
    <R2> R2 delegate(Coro<?, ?, R2> sub) {
        if (sub == null) throw new NullPointerException("Yield.from(null)");
        Coro<?, Object, R2> s = (Coro<?, Object, R2>) sub;
        if (s.isDone()) return null;
        Object y;
        try {
            y = s.next();
        } catch (StopIteration r) {
            return (R2) r.value();
        }
        for (;;) {
            Object sent;
            try {
                sent = suspend(y);
            } catch (Abandoned a) {
                throw a;
            } catch (CoroutineExit e) {
                s.close(); // what closing the sub throws is raised here instead of the exit
                throw e;
            } catch (Throwable e) {
                try {
                    y = s.raise(e);
                } catch (StopIteration r) {
                    return (R2) r.value();
                }
                continue;
            }
            try {
                y = sent == null ? s.next() : s.send(sent);
            } catch (StopIteration r) {
                return (R2) r.value();
            }
        }
    }

    /** {@code Yield.from(iterable)}: yields each element; an iterator has no send and no throw. */
    Object delegate(Iterable<?> values) {
        if (values == null) throw new NullPointerException("Yield.from(null)");
        Iterator<?> it = values.iterator();
        while (it.hasNext()) {
            Object sent;
            try {
                sent = suspend(it.next());
            } catch (CoroutineExit e) {
                if (it instanceof AutoCloseable) {
                    try {
                        ((AutoCloseable) it).close();
                    } catch (Exception closing) {
                        throw sneaky(closing);
                    }
                }
                throw e;
            }
            if (sent != null) {
                throw new IllegalStateException("can't send a non-null value (" + sent
                        + ") while delegating to a plain Iterable with Yield.from");
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- plumbing

    private IllegalStateException reentered(String op) {
        return new IllegalStateException("coroutine " + name + " is already running: " + op + " from inside its own body");
    }

    private static Throwable pep479(Throwable t) {
        return t instanceof StopIteration ? new IllegalStateException("coroutine raised StopIteration", t) : t;
    }

    private static <T> void hand(SynchronousQueue<T> q, T x) {
        try {
            if (!q.offer(x, TIMEOUT_SECONDS, TimeUnit.SECONDS)) throw new AssertionError("reference: nobody took " + x);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("reference: interrupted", e);
        }
    }

    private <T> T take(SynchronousQueue<T> q) {
        try {
            T x = q.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (x == null) throw new AssertionError("reference coroutine " + name + " hangs");
            return x;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("reference: interrupted", e);
        }
    }

    static RuntimeException sneaky(Throwable t) {
        throw RefCoro.<RuntimeException>cast(t);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T cast(Throwable t) throws T {
        throw (T) t;
    }

    /** What an abandoned coroutine's {@code Yield} calls throw: ends its thread (see the class comment). */
    static final class Abandoned extends Error {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super("abandoned", null, false, false);
        }
    }

    /** What {@code Yield.done(r)} returns in the reference: carries {@code r} out of the body. */
    static final class Done<Y, S, R> implements Coro<Y, S, R> {
        final Object result;

        Done(Object result) {
            this.result = result;
        }

        private static UnsupportedOperationException no() {
            return new UnsupportedOperationException("the value of Yield.done(...) is only for returning");
        }

        @Override public Y next() { throw no(); }
        @Override public Y send(S v) { throw no(); }
        @Override public Y raise(Throwable t) { throw no(); }
        @Override public void close() { throw no(); }
        @Override public State state() { throw no(); }
        @Override public boolean isDone() { throw no(); }
        @Override public R result() { throw no(); }
        @Override public Iterator<Y> iterator() { throw no(); }
        @Override public Stream<Y> stream() { throw no(); }
    }
}
