package dev.coro.internal;

import dev.coro.Coro;
import dev.coro.CoroutineExit;
import dev.coro.StopIteration;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The base class of every woven coroutine: the Python generator protocol in plain Java.
 *
 * <p>The weaver generates, for each {@code @Coroutine} method {@code m} of class {@code C}, a
 * final subclass (the <em>frame class</em>) whose fields hold the locals that are live across a
 * suspension point, and turns the body of {@code m} into a static method {@code C.m(frame, label,
 * sent, thrown)} that dispatches on {@code label}. This class drives that method:
 *
 * <ul>
 *   <li>The body suspends by storing its resume point in {@link #label} (a value &ge; 1) and
 *       returning the yielded value.
 *   <li>It returns by calling {@link #done(Object)} (which sets {@link #aux} to the result) and
 *       returning while {@code label} still reads {@code RUNNING}.
 *   <li>It delegates ({@code Yield.from}) by returning {@link #delegate(int, Object)}.
 * </ul>
 *
 * Everything else (states, re-entry checks, {@code StopIteration}, PEP 479, {@code close},
 * iterators, streams, delegation) lives here, so woven bytecode stays small.
 *
 * <p>Members are public because the woven body lives in the user's class, in another package. They
 * are not API: only {@link Coro} is.
 */
public abstract class CoroFrame<Y, S, R> implements Coro<Y, S, R> {
    /** {@link #label} of a coroutine that has not started. Resume points are 1, 2, 3, ... */
    public static final int CREATED = 0;
    /** {@link #label} while the body runs. */
    public static final int RUNNING = -1;
    /** {@link #label} once the body returned; {@link #aux} holds the result until it is reported. */
    static final int RETURNED = -2;
    /** {@link #label} once the body returned and its StopIteration was thrown. */
    static final int RETURNED_REPORTED = -3;
    /** {@link #label} once the body failed, or was closed without returning. */
    static final int FAILED = -4;

    /** Where the body resumes next (&ge; 0), or one of the negative states above. Written by woven code. */
    public int label;
    /** The result once returned; the sub-coroutine while delegating; otherwise {@code null}. */
    public Object aux;

    protected CoroFrame() {}

    /**
     * Runs the woven body from resume point {@code label}: generated as a call to the static body
     * method. Returns the yielded value when the body suspended ({@link #label} &ge; 1 again).
     */
    protected abstract Object resume(int label, Object sent, Throwable thrown);

    /** Generated: clears every reference field that holds a saved local, so a finished coroutine keeps nothing alive. */
    protected abstract void clearLocals();

    /** Generated: the woven method, as {@code pkg.Class.method}, for messages. */
    protected abstract String methodName();

    // ---------------------------------------------------------------- called by woven code

    /** {@code Yield.done(r)} in woven code: records the result and returns this (typed as the method's Coro). */
    public final Coro<Y, S, R> done(Object result) {
        aux = result;
        return this;
    }

    /** {@code primed = true}: called by the woven entry point right after construction. */
    public final CoroFrame<Y, S, R> prime() {
        if (label == CREATED) {
            label = RUNNING;
            runBody(CREATED, null, null, true);
        }
        return this;
    }

    /**
     * {@code Yield.from(sub)} at resume point {@code point} in woven code: the body returns what this
     * returns. Delegation is not implemented yet.
     */
    public final Object delegate(int point, Object sub) {
        label = point;
        throw new UnsupportedOperationException("Yield.from is not supported yet (" + methodName() + ")");
    }

    // ---------------------------------------------------------------- the protocol

    @Override
    public final Y next() {
        return send(null);
    }

    @SuppressWarnings("unchecked")
    @Override
    public final Y send(S v) {
        int l = label;
        if (l > CREATED) {
            label = RUNNING;
            return (Y) runBody(l, v, null, false);
        }
        if (l == CREATED) {
            if (v != null) {
                throw new IllegalStateException("can't send a non-null value to a just-created coroutine "
                        + methodName() + ": start it with next() first");
            }
            label = RUNNING;
            return (Y) runBody(l, null, null, false);
        }
        throw notResumable(l);
    }

    @SuppressWarnings("unchecked")
    @Override
    public final Y raise(Throwable t) {
        if (t == null) throw new NullPointerException("raise(null)");
        int l = label;
        if (l > CREATED) {
            label = RUNNING;
            return (Y) runBody(l, null, t, false);
        }
        if (l == CREATED) {
            // Python: throw() into an unstarted generator raises at its start; the body never runs.
            label = FAILED;
            clearLocals();
            throw Sneaky.rethrow(pep479(t));
        }
        if (l == RUNNING) throw reentered("raise");
        throw Sneaky.rethrow(t); // finished: thrown straight back
    }

    @Override
    public final void close() {
        int l = label;
        if (l == RUNNING) throw reentered("close");
        if (l == CREATED) {
            label = FAILED;
            clearLocals();
            return;
        }
        if (l < CREATED) return;
        label = RUNNING;
        CoroutineExit exit = new CoroutineExit();
        Object ignored;
        try {
            ignored = resume(l, null, exit);
        } catch (CoroutineExit e) {
            finishFailed();
            return;
        } catch (Throwable e) {
            finishFailed();
            throw Sneaky.rethrow(pep479(e));
        }
        if (label == RUNNING) { // returned: Python 3.13 keeps the value; result() reports it
            finishReturned();
            label = RETURNED_REPORTED;
            return;
        }
        throw new IllegalStateException("coroutine " + methodName() + " ignored CoroutineExit: it yielded "
                + ignored + " instead of finishing");
    }

    /** Runs the body once; turns a return into StopIteration (or, when {@code primed}, into a DONE state). */
    private Object runBody(int l, Object sent, Throwable thrown, boolean primed) {
        Object y;
        try {
            y = resume(l, sent, thrown);
        } catch (Throwable e) {
            finishFailed();
            throw Sneaky.rethrow(pep479(e));
        }
        if (label == RUNNING) {
            finishReturned();
            if (primed) return null;
            label = RETURNED_REPORTED;
            throw new StopIteration(aux);
        }
        return y;
    }

    private void finishReturned() {
        label = RETURNED;
        clearLocals();
    }

    private void finishFailed() {
        label = FAILED;
        aux = null;
        clearLocals();
    }

    private RuntimeException notResumable(int l) {
        if (l == RUNNING) return reentered("next/send");
        return new StopIteration(null);
    }

    private IllegalStateException reentered(String op) {
        return new IllegalStateException("coroutine " + methodName() + " is already running: " + op
                + " was called from inside its own body");
    }

    /** PEP 479: a StopIteration escaping the body must not look like a return. */
    private static Throwable pep479(Throwable t) {
        if (t instanceof StopIteration) {
            return new IllegalStateException("coroutine raised StopIteration", t);
        }
        return t;
    }

    @Override
    public final State state() {
        int l = label;
        if (l > CREATED) return State.SUSPENDED;
        if (l == CREATED) return State.CREATED;
        if (l == RUNNING) return State.RUNNING;
        return State.DONE;
    }

    @Override
    public final boolean isDone() {
        return label < RUNNING;
    }

    @SuppressWarnings("unchecked")
    @Override
    public final R result() {
        int l = label;
        if (l == RETURNED || l == RETURNED_REPORTED) return (R) aux;
        throw new IllegalStateException("coroutine " + methodName() + " has no result: it is " + state()
                + (l == FAILED ? " without having returned (it failed or was closed)" : ""));
    }

    @Override
    public final Iterator<Y> iterator() {
        return new View<>(this);
    }

    @Override
    public final Stream<Y> stream() {
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
                return null; // never run the body ahead in batches, even for a parallel stream
            }
        };
        return StreamSupport.stream(split, false).onClose(this::close);
    }

    @Override
    public String toString() {
        return "Coro[" + methodName() + ", " + state() + "]";
    }

    /** One iterator view: holds at most the one value its {@code hasNext} ran ahead to. */
    private static final class View<Y> implements Iterator<Y> {
        private final CoroFrame<Y, ?, ?> coro;
        private Y ahead;
        private boolean hasAhead;

        View(CoroFrame<Y, ?, ?> coro) {
            this.coro = coro;
        }

        @Override
        public boolean hasNext() {
            if (hasAhead) return true;
            if (coro.isDone()) return false;
            try {
                ahead = coro.next();
            } catch (StopIteration end) {
                return false;
            }
            hasAhead = true;
            return true;
        }

        @Override
        public Y next() {
            if (!hasNext()) throw new NoSuchElementException("coroutine " + coro.methodName() + " is exhausted");
            Y y = ahead;
            ahead = null;
            hasAhead = false;
            return y;
        }
    }
}
