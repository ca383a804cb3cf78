package dev.coro.internal;

import dev.coro.Coro;
import dev.coro.CoroutineExit;
import dev.coro.StopIteration;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * The base class of every woven coroutine: the Python generator protocol in plain Java.
 *
 * <p>The weaver generates, for each {@code @Coroutine} method {@code m} of class {@code C}, a
 * final subclass (the <em>frame class</em>, {@code C-m-Coro}) whose fields hold the locals that are
 * live across a suspension point, and turns the body of {@code m} into a private method of {@code C},
 * named {@code m}, that takes {@code m}'s own parameters followed by {@code (frame, label, sent,
 * thrown)} and dispatches on {@code label} (docs/weaving.md). This class drives that method:
 *
 * <ul>
 *   <li>The body suspends by storing its resume point in {@link #label} (a value &ge; 1) and
 *       returning the yielded value.
 *   <li>It returns its result ({@code return Yield.done(r)} becomes {@code return r}) while
 *       {@code label} still reads {@code RUNNING}.
 *   <li>It delegates ({@code Yield.from}) by returning {@link #delegate(Object, int)}.
 * </ul>
 *
 * Everything else (states, re-entry checks, {@code StopIteration}, PEP 479, {@code close},
 * iterators, streams, delegation) lives here and in {@link Driver} (the slow path), so woven
 * bytecode stays small.
 *
 * <p>Members woven code needs are protected (frame classes live in the user's package); none is
 * API: only {@link Coro} is.
 *
 * <p>What the three state fields hold, state by state (the driver keeps these between any two
 * protocol calls; inside a call a field may briefly lag, as the comments there say). "Sub" means
 * this coroutine is the sub-coroutine of a delegator: {@code link != null && link.aux == this}
 * ({@link #isSub()}).
 * <table class="striped">
 *   <caption>Invariants of label, aux and link</caption>
 *   <thead><tr><th scope="col">state</th><th scope="col">{@code label}</th><th scope="col">{@code aux}</th>
 *     <th scope="col">{@code link}</th></tr></thead>
 *   <tbody>
 *   <tr><th scope="row">created</th><td>{@code CREATED} (0)</td><td>its owner (null when sub)</td><td>its delegator when sub, else null</td></tr>
 *   <tr><th scope="row">running its body</th><td>{@code RUNNING} (-1)</td><td>its owner (null when sub)</td>
 *     <td>its delegator when sub, else null</td></tr>
 *   <tr><th scope="row">suspended at a plain yield</th><td>the resume point (&ge; 1)</td><td>its owner (null when sub)</td>
 *     <td>its delegator when sub, else null</td></tr>
 *   <tr><th scope="row">suspended in {@code Yield.from} over a coroutine</th><td>the resume point (&ge; 1)</td>
 *     <td>the sub-coroutine (a {@code CoroFrame})</td>
 *     <td>its delegator when sub; else the innermost coroutine of its chain (a cache), or null when not
 *     yet cached</td></tr>
 *   <tr><th scope="row">suspended in {@code Yield.from} over an iterable or another {@code Coro}</th>
 *     <td>the resume point (&ge; 1); {@code RUNNING} while the adapter steps</td>
 *     <td>the adapter ({@link Sub})</td><td>its delegator when sub, else null</td></tr>
 *   <tr><th scope="row">returned, result not yet reported</th><td>{@code RETURNED} (-2)</td>
 *     <td>the result</td><td>null</td></tr>
 *   <tr><th scope="row">returned and reported (StopIteration thrown)</th><td>{@code RETURNED_REPORTED} (-3)</td>
 *     <td>the result</td><td>null</td></tr>
 *   <tr><th scope="row">failed or closed</th><td>{@code FAILED} (-4)</td><td>null</td><td>null</td></tr>
 *   </tbody>
 * </table>
 * Its owner is the thread that created it or last claimed it in {@code slowSend}; null while it is a
 * sub-coroutine (the driver clears it when it links one) and after its own delegation ended, until the
 * next claim. {@code fastEnter} takes only the owner's resumes: a resume from another thread always goes
 * through the claim, under the frame's monitor. And a frame whose {@code aux} is a thread has no
 * {@code link}, so that one test of {@code aux} also declines a sub-coroutine driven directly.
 * A delegating body sets {@code label} and {@code aux} in {@link #delegate(Object, int)} and returns
 * the {@code DELEGATE} marker, which the driver alone sees. {@link #prime()} (primed coroutines)
 * leaves a coroutine suspended at its first yield, or {@code RETURNED} when it returned before
 * yielding. A finished sub-coroutine keeps its delegator in {@code link} only until the driver
 * resumes that delegator ({@code popToParent}). The frame class's own fields hold the saved
 * locals while suspended; woven code nulls a reference once restored, {@code clearLocals()} all of
 * them when the coroutine finishes.
 */
public abstract class CoroFrame<Y, S, R> implements Coro<Y, S, R> {
    /** {@link #label} of a coroutine that has not started. Resume points are 1, 2, 3, ... */
    static final int CREATED = 0;
    /** {@link #label} while the body runs. */
    static final int RUNNING = -1;
    /** {@link #label} once the body returned; {@link #aux} holds the result until it is reported. */
    static final int RETURNED = -2;
    /** {@link #label} once the body returned and its StopIteration was thrown. */
    static final int RETURNED_REPORTED = -3;
    /** {@link #label} once the body failed, or was closed without returning. */
    static final int FAILED = -4;

    /**
     * Where the body resumes next (&ge; 0), or one of the negative states above. Written by woven
     * code through its frame class's own trampoline: protected, so nothing else can.
     */
    protected int label;
    /**
     * The result once returned; while suspended in {@code Yield.from}, the sub-coroutine (a
     * {@code CoroFrame}, or a {@link Sub} adapting an iterable or another {@code Coro}); otherwise null.
     */
    Object aux;
    /**
     * Delegation links, so that resuming a chain of any depth costs O(1): while this coroutine is the
     * sub-coroutine of a delegator, its delegator (parent); otherwise, while it delegates, a cache of
     * the innermost coroutine of its chain (its leaf). See {@link #isSub()}.
     */
    CoroFrame<?, ?, ?> link;

    /** What {@link #delegate} returns: tells the driver the body started a {@code Yield.from}. */
    static final Object DELEGATE = new Object();
    /** No value yet: {@link Driver#drive} must resume {@code cur} first. */
    static final Object NOT_RESUMED = new Object();

    /** The creating thread owns the new coroutine: its first resume from that thread takes the fast path. */
    protected CoroFrame() {
        aux = Thread.currentThread();
    }

    /**
     * Runs the woven body from resume point {@code label}: generated as a call to the static body
     * method. Returns the yielded value when the body suspended ({@link #label} &ge; 1 again).
     */
    protected abstract Object resume(int label, Object sent, Throwable thrown);

    /** Generated: clears every reference field that holds a saved local, so a finished coroutine keeps nothing alive. */
    protected abstract void clearLocals();

    /** Generated: the woven method, as {@code pkg.Class.method}, for messages. */
    protected abstract String methodName();

    /** Generated: the source file of the woven method ({@code Demo.java}), or null when the class file does not say. */
    protected String sourceFile() {
        return null;
    }

    /** Generated: the line of the {@code Yield} call of resume point {@code label} (0: the method's first line), or 0. */
    protected int line(int label) {
        return 0;
    }

    // ---------------------------------------------------------------- called by woven code

    /**
     * What {@code Yield.done(r)} is in woven code: {@code r} itself, the value the body returns. (The
     * weaver emits no call; this is here for hand-written frames.) A result is never stored before
     * the body has returned, so a {@code finally} that suspends or delegates after
     * {@code return Yield.done(r)} keeps it in a local like any other value.
     */
    protected static Object done(Object result) {
        return result;
    }

    /** {@code primed = true}: called by the woven entry point right after construction. */
    final CoroFrame<Y, S, R> prime() {
        if (label == CREATED) {
            try {
                send(null);
            } catch (StopIteration returned) {
                label = RETURNED; // returned before suspending: DONE, result() set, nothing reported
            }
        }
        return this;
    }

    /**
     * {@code Yield.from(sub)} at resume point {@code point} in woven code; the body returns what this
     * returns, and the driver ({@link Driver#drive}) takes over the delegation.
     */
    protected final Object delegate(Object sub, int point) {
        label = point;
        aux = sub;
        return DELEGATE;
    }

    // ---------------------------------------------------------------- the protocol

    @Override
    public Y next() {
        return send(null);
    }

    /**
     * The protocol's {@code send}. Woven frame classes override it (and {@link #next}) with the same
     * four steps calling their own body, so that each coroutine type is profiled and compiled on its
     * own: see docs/weaving.md, "Each frame class drives its own fast path".
     */
    @SuppressWarnings("unchecked")
    @Override
    public Y send(S v) {
        int l = fastEnter(v);
        if (l < 0) return (Y) slowSend(v);
        Object y;
        try {
            y = resume(l, v, null);
        } catch (Throwable e) {
            throw Sneaky.rethrow(fastFailed(e));
        }
        return (Y) fastExit(y);
    }

    /**
     * Step 1 of {@code send}: the common case is suspended at a plain yield (or just created and
     * started with {@code next()}), with no delegation chain, and resumed by its owner (the thread in
     * {@code aux}; any other goes through {@link #claimAndSend}). Then the coroutine is RUNNING from
     * here and the label to resume at is returned; otherwise -1, and nothing changed.
     */
    protected final int fastEnter(Object v) {
        int l = label;
        if ((l > CREATED || l == CREATED && v == null) && aux == Thread.currentThread()) { // then link == null too
            label = RUNNING;
            return l;
        }
        return -1;
    }

    /**
     * {@link #slowSend}'s case of a coroutine that {@link #fastEnter} declined only because the calling
     * thread does not own it (another thread resumed it last, or none has since a delegation ended):
     * the caller claims it under this frame's monitor, then runs the fast path's steps 2 and 3. Two
     * claims at once are exact (the second finds {@code RUNNING}, or a label that moved); a claim against
     * the owner's own fast path is caught when the owner's write of {@code RUNNING} is visible, and the
     * owner's next resume claims in turn. See docs/weaving.md, "Two threads at once".
     */
    private Object claimAndSend(int l, Object v) {
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (label != l) throw Driver.running(this, this, "next/send");
            aux = me;
            label = RUNNING;
        }
        Object y;
        try {
            y = resume(l, v, null);
        } catch (Throwable e) {
            throw Sneaky.rethrow(fastFailed(e));
        }
        return fastExit(y);
    }

    /** Whether {@link #aux} holds an owner (a thread, or none yet) rather than a sub-coroutine or a result. */
    private boolean ownable() {
        Object a = aux;
        return link == null && (a == null || a instanceof Thread);
    }

    /** Step 2', when the body threw: the coroutine is DONE; returns what {@code send} must throw (PEP 479 applied). */
    protected final Throwable fastFailed(Throwable e) {
        label = FAILED; // first, with a plain write: near the stack's end failed() itself may overflow
        return failed(e);
    }

    /** Step 3, after the body returned {@code y}: the value it yielded, or the driver takes over (return, delegation). */
    protected final Object fastExit(Object y) {
        if (label > CREATED && y != DELEGATE) return y;
        try {
            return Driver.drive(this, this, null, null, y);
        } catch (StackOverflowError e) {
            if (label == RUNNING) label = FAILED; // the body returned, but there was no stack left to finish
            throw e;
        }
    }

    /** Every {@code send} that {@link #fastEnter} declined: not started with a value, running, finished, delegating. */
    protected final Object slowSend(Object v) {
        int l = label;
        if (l == CREATED) {
            if (v != null) {
                throw new IllegalStateException("can't send a non-null value to a just-created coroutine "
                        + methodName() + ": start it with next() first");
            }
            if (ownable()) return claimAndSend(l, null);
            return Driver.drive(this, this, null, null, NOT_RESUMED);
        }
        if (l == RUNNING && !abandoned()) throw Driver.running(this, this, "next/send");
        if (l <= RUNNING) throw new Exhausted(methodName());
        if (ownable()) return claimAndSend(l, v);
        return Driver.drive(this, Driver.enterChain(this, "next/send"), v, null, NOT_RESUMED);
    }

    @SuppressWarnings("unchecked")
    @Override
    public final Y raise(Throwable t) {
        if (t == null) throw new NullPointerException("raise(null)");
        int l = label;
        if (l == CREATED) {
            // Python: throw() into an unstarted generator raises at its start; the body never runs.
            label = FAILED;
            clearLocals();
            throw Sneaky.rethrow(pep479(t));
        }
        if (l == RUNNING && !abandoned()) throw Driver.running(this, this, "raise");
        if (l <= RUNNING) throw Sneaky.rethrow(t); // finished: thrown straight back
        CoroFrame<?, ?, ?> leaf = Driver.enterChain(this, "raise");
        if (t instanceof CoroutineExit && (leaf != this || aux instanceof Sub)) {
            // PEP 380: close the sub-coroutines first, then raise in this one at its Yield.from
            return (Y) Driver.drive(this, this, null, Driver.closeBelow(this, t), NOT_RESUMED);
        }
        return (Y) Driver.drive(this, leaf, null, t, NOT_RESUMED);
    }

    @Override
    public final void close() {
        int l = label;
        if (l == RUNNING) {
            if (!abandoned()) throw Driver.running(this, this, "close");
            return;
        }
        if (l == CREATED) {
            label = FAILED;
            clearLocals();
            return;
        }
        if (l < RUNNING) return;
        CoroFrame<?, ?, ?> leaf = Driver.enterChain(this, "close");
        Throwable in = leaf != this || aux instanceof Sub ? Driver.closeBelow(this, new CoroutineExit()) : new CoroutineExit();
        Throwable out = Driver.closeStep(this, in);
        if (out != null) throw Sneaky.rethrow(out);
    }

    /**
     * Whether this coroutine reads {@code RUNNING} with nobody running it, and is now finished. That is left by
     * a {@code StackOverflowError} at the owner's own call to {@code fastExit}, after the body returned (its
     * result is lost with the overflow; its {@code finally} blocks have run). Only the owner can tell, on the
     * error path: it owns the coroutine and no {@code resume} of this frame class is on its stack (re-entry
     * would have one; a stack too deep to see whole counts as having one). Then the coroutine is made
     * {@code FAILED}, as a body that failed is, and true returned.
     */
    final boolean abandoned() {
        if (aux != Thread.currentThread() || Driver.resumeOnThisThread(getClass()) != Driver.ABSENT) return false;
        label = FAILED;
        aux = null;
        clearLocals();
        return true;
    }

    /** True while this coroutine is the sub-coroutine of a delegator: then {@link #link} is that delegator. */
    boolean isSub() {
        CoroFrame<?, ?, ?> l = link;
        return l != null && l.aux == this;
    }

    /** The innermost coroutine of the chain below {@code f} (f itself when it does not delegate to one). */
    static CoroFrame<?, ?, ?> leafOf(CoroFrame<?, ?, ?> f) {
        if (!(f.aux instanceof CoroFrame)) return f;
        if (f.link != null && !f.isSub()) return f.link; // the cached leaf of a delegating root
        CoroFrame<?, ?, ?> c = f;
        while (c.aux instanceof CoroFrame && ((CoroFrame<?, ?, ?>) c.aux).label >= RUNNING) { // not finished
            c = (CoroFrame<?, ?, ?>) c.aux;
        }
        return c;
    }

    /** Records the chain's current innermost coroutine at its root (none when the root itself runs). */
    void cacheLeaf(CoroFrame<?, ?, ?> leaf) {
        if (!isSub()) link = leaf == this ? null : leaf;
    }

    /** Detaches this finished (or closed) sub-coroutine from its delegator and returns the delegator. */
    CoroFrame<?, ?, ?> popToParent() {
        CoroFrame<?, ?, ?> p = link;
        link = null;
        p.aux = null;
        return p;
    }

    Throwable failed(Throwable e) {
        finishFailed();
        return pep479(e);
    }

    void finishReturned(Object result) {
        label = RETURNED;
        aux = result;
        clearLocals();
    }

    private void finishFailed() {
        label = FAILED;
        aux = null;
        clearLocals();
    }

    /** PEP 479: a StopIteration escaping the body must not look like a return. */
    static Throwable pep479(Throwable t) {
        if (t instanceof StopIteration) {
            return new IllegalStateException("coroutine raised StopIteration", t);
        }
        return t;
    }

    @Override
    public final State state() {
        int l = label;
        if (l > CREATED) {
            if (aux instanceof CoroFrame && leafOf(this).label == RUNNING) return State.RUNNING;
            return State.SUSPENDED;
        }
        if (l == CREATED) return State.CREATED;
        if (l == RUNNING && !abandoned()) return State.RUNNING;
        return State.DONE;
    }

    @Override
    public final boolean isDone() {
        int l = label;
        return l < RUNNING || l == RUNNING && abandoned();
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
        return CoroViews.iterator(this);
    }

    @Override
    public final Stream<Y> stream() {
        return CoroViews.stream(this);
    }

    @Override
    public String toString() {
        State s = state();
        if (s != State.SUSPENDED) return "Coro[" + methodName() + ", " + s + "]";
        return "Coro[" + methodName() + ", SUSPENDED at " + Traces.where(sourceFile(), line(label)) + "]";
    }

    /** The stack trace element of this coroutine suspended at its current resume point. */
    final StackTraceElement suspendedAt() {
        String m = methodName();
        int dot = m.lastIndexOf('.');
        return new StackTraceElement(m.substring(0, dot), m.substring(dot + 1), sourceFile(), line(label));
    }
}
