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
 * final subclass (the <em>frame class</em>) whose fields hold the locals that are live across a
 * suspension point, and turns the body of {@code m} into a static method {@code C.m(frame, label,
 * sent, thrown)} that dispatches on {@code label}. This class drives that method:
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
 * iterators, streams, delegation) lives here, so woven bytecode stays small.
 *
 * <p>Members are public because the woven body lives in the user's class, in another package. They
 * are not API: only {@link Coro} is.
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
 *   <tr><th scope="row">created</th><td>{@code CREATED} (0)</td><td>null</td><td>null</td></tr>
 *   <tr><th scope="row">running its body</th><td>{@code RUNNING} (-1)</td><td>null</td>
 *     <td>its delegator when sub, else null</td></tr>
 *   <tr><th scope="row">suspended at a plain yield</th><td>the resume point (&ge; 1)</td><td>null</td>
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
    private CoroFrame<?, ?, ?> link;

    /** What {@link #delegate} returns: tells the driver the body started a {@code Yield.from}. */
    private static final Object DELEGATE = new Object();
    /** No value yet: {@link #drive} must resume {@code cur} first. */
    private static final Object NOT_RESUMED = new Object();

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
     * returns, and the driver ({@link #drive}) takes over the delegation.
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
     * started with {@code next()}), with no delegation chain. Then the coroutine is RUNNING from here
     * and the label to resume at is returned; otherwise -1, and nothing changed.
     */
    protected final int fastEnter(Object v) {
        int l = label;
        if ((l > CREATED || l == CREATED && v == null) && aux == null && link == null) {
            label = RUNNING;
            return l;
        }
        return -1;
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
            return drive(this, this, null, null, y);
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
            return drive(this, this, null, null, NOT_RESUMED);
        }
        if (l == RUNNING) throw running(this, "next/send");
        if (l < RUNNING) throw new Exhausted(methodName());
        return drive(this, enterChain("next/send"), v, null, NOT_RESUMED);
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
        if (l == RUNNING) throw running(this, "raise");
        if (l < RUNNING) throw Sneaky.rethrow(t); // finished: thrown straight back
        CoroFrame<?, ?, ?> leaf = enterChain("raise");
        if (t instanceof CoroutineExit && (leaf != this || aux instanceof Sub)) {
            // PEP 380: close the sub-coroutines first, then raise in this one at its Yield.from
            return (Y) drive(this, this, null, closeBelow(t), NOT_RESUMED);
        }
        return (Y) drive(this, leaf, null, t, NOT_RESUMED);
    }

    @Override
    public final void close() {
        int l = label;
        if (l == RUNNING) throw running(this, "close");
        if (l == CREATED) {
            label = FAILED;
            clearLocals();
            return;
        }
        if (l < RUNNING) return;
        CoroFrame<?, ?, ?> leaf = enterChain("close");
        Throwable in = leaf != this || aux instanceof Sub ? closeBelow(new CoroutineExit()) : new CoroutineExit();
        Throwable out = closeStep(this, in);
        if (out != null) throw Sneaky.rethrow(out);
    }

    // ---------------------------------------------------------------- the driver

    /**
     * Runs the chain rooted at {@code root} from its frame {@code cur} until some frame yields (the
     * value is returned), or {@code root} itself finishes (StopIteration or its exception is thrown).
     * A frame that finishes resumes its delegator with its result or exception; a frame that starts
     * a {@code Yield.from} passes control to its sub-coroutine. No recursion: any depth, one loop.
     *
     * @param resumed {@link #NOT_RESUMED} to resume {@code cur} with {@code sent}/{@code thrown}
     *     first; otherwise {@code cur} (the root) was just resumed by the caller and returned this
     */
    private static Object drive(CoroFrame<?, ?, ?> root, CoroFrame<?, ?, ?> cur, Object sent, Throwable thrown,
            Object resumed) {
        Object y = resumed;
        int traceAt = Traces.NOT_YET; // where the next delegator goes in a failure's stack trace
        for (;;) {
            if (y == NOT_RESUMED) {
                // cur may be suspended in a Yield.from over an adapter, or over a sub that has finished
                Object sub = cur.aux;
                if (sub != null && cur.label > CREATED) {
                    if (sub instanceof Sub) {
                        Sub d = (Sub) sub;
                        int at = cur.label;
                        cur.label = RUNNING; // the adapted sub runs: cur must not be re-entered
                        Object out;
                        Throwable failure = null;
                        try {
                            out = d.step(sent, thrown);
                        } catch (Throwable e) {
                            out = null;
                            failure = e;
                        }
                        cur.label = at;
                        if (failure == null && out != Sub.END) {
                            root.cacheLeaf(cur);
                            return out;
                        }
                        cur.aux = null;
                        sent = failure == null ? d.result : null;
                        thrown = failure;
                    } else if (sub instanceof CoroFrame) {
                        // finished before the Yield.from, or run to its end by someone else: as in PEP 380,
                        // its StopIteration went elsewhere (or was thrown long ago), so the result here is null
                        CoroFrame<?, ?, ?> s = (CoroFrame<?, ?, ?>) sub;
                        cur.aux = null;
                        s.link = null;
                        if (thrown == null) sent = null;
                    }
                }
                int l = cur.label;
                cur.label = RUNNING;
                try {
                    y = cur.resume(l, sent, thrown);
                } catch (Throwable e) {
                    cur.label = FAILED; // first, with a plain write: near the stack's end failed() itself may overflow
                    Throwable w = cur.failed(e);
                    if (cur == root) throw Sneaky.rethrow(w);
                    CoroFrame<?, ?, ?> child = cur;
                    cur = cur.popToParent();
                    traceAt = Traces.addDelegator(w, child, cur, traceAt);
                    root.cacheLeaf(cur);
                    sent = null;
                    thrown = w;
                    continue;
                }
            }
            sent = null;
            thrown = null;
            if (cur.label == RUNNING) { // the body returned y
                Object r = y;
                cur.aux = r; // first, with plain writes: finishReturned() may overflow
                cur.label = RETURNED;
                cur.finishReturned(r);
                cur.label = RETURNED_REPORTED;
                if (cur == root) throw new StopIteration(r);
                cur = cur.popToParent();
                root.cacheLeaf(cur);
                sent = r;
                y = NOT_RESUMED;
                continue;
            }
            if (y != DELEGATE) {
                root.cacheLeaf(cur);
                return y;
            }
            // The body started a Yield.from: cur.aux is what it delegates to.
            y = NOT_RESUMED;
            Object s = cur.aux;
            if (s instanceof CoroFrame) {
                CoroFrame<?, ?, ?> sf = (CoroFrame<?, ?, ?>) s;
                String problem = sf.delegationProblem(cur);
                if (problem != null) {
                    cur.aux = null;
                    thrown = new IllegalStateException(problem);
                    continue;
                }
                sf.link = cur;
                if (sf.label < RUNNING) continue; // already finished: its result comes back at once
                cur = leafOf(sf);
                root.cacheLeaf(cur);
            } else if (s instanceof Coro) {
                cur.aux = new CoroSub((Coro<?, ?, ?>) s);
            } else if (s instanceof Iterable) {
                try {
                    cur.aux = new IterableSub(((Iterable<?>) s).iterator());
                } catch (Throwable e) {
                    cur.aux = null;
                    thrown = e;
                }
            } else {
                cur.aux = null;
                thrown = new NullPointerException("Yield.from(null) in " + cur.methodName());
            }
        }
    }

    /**
     * Closes, innermost first, every sub-coroutine below this one (PEP 380: each level is closed
     * with close(), and what that throws is raised in the level above instead of the exit). Returns
     * what to raise in this coroutine at its {@code Yield.from}: {@code exit}, or what closing threw.
     */
    private Throwable closeBelow(Throwable exit) {
        // Each level stays attached while it is closed, so the whole chain reads RUNNING meanwhile
        // (a finally block that calls next() on a delegator above it gets IllegalStateException).
        CoroFrame<?, ?, ?> f = leafOf(this);
        Throwable pending = null;
        Object sub = f.aux;
        if (sub instanceof Sub) {
            int at = f.label;
            f.label = RUNNING;
            try {
                ((Sub) sub).close();
            } catch (Throwable e) {
                pending = e;
            } finally {
                f.label = at;
            }
        } else if (sub instanceof CoroFrame) {
            ((CoroFrame<?, ?, ?>) sub).link = null;
        }
        f.aux = null;
        while (f != this) {
            pending = closeStep(f, pending == null ? new CoroutineExit() : pending);
            f = f.popToParent();
        }
        aux = null;
        return pending == null ? exit : pending;
    }

    /**
     * close() semantics for one frame: raise {@code in} at its suspension point. Returns null when it
     * finished (returned, or let a CoroutineExit escape); else what close() must throw: the body's
     * exception, or IllegalStateException when it yielded again.
     */
    private static Throwable closeStep(CoroFrame<?, ?, ?> f, Throwable in) {
        Object y;
        try {
            y = drive(f, f, null, in, NOT_RESUMED);
        } catch (StopIteration returned) {
            return null;
        } catch (CoroutineExit exited) {
            return null;
        } catch (Throwable e) {
            return e;
        }
        return new IllegalStateException("coroutine " + f.methodName() + " ignored CoroutineExit: it yielded "
                + y + " instead of finishing");
    }

    /** The coroutine a resume of this chain must run now; checks nobody in the chain is running. */
    private CoroFrame<?, ?, ?> enterChain(String op) {
        CoroFrame<?, ?, ?> leaf = leafOf(this);
        if (leaf.label == RUNNING) throw running(leaf, op);
        if (isSub()) {
            // Driven directly while a delegator waits on it: the top delegator's cached leaf may go stale.
            CoroFrame<?, ?, ?> top = this;
            while (top.isSub()) top = top.link;
            top.link = null;
        }
        return leaf;
    }

    /** True while this coroutine is the sub-coroutine of a delegator: then {@link #link} is that delegator. */
    private boolean isSub() {
        CoroFrame<?, ?, ?> l = link;
        return l != null && l.aux == this;
    }

    /** The innermost coroutine of the chain below {@code f} (f itself when it does not delegate to one). */
    private static CoroFrame<?, ?, ?> leafOf(CoroFrame<?, ?, ?> f) {
        if (!(f.aux instanceof CoroFrame)) return f;
        if (f.link != null && !f.isSub()) return f.link; // the cached leaf of a delegating root
        CoroFrame<?, ?, ?> c = f;
        while (c.aux instanceof CoroFrame && ((CoroFrame<?, ?, ?>) c.aux).label >= RUNNING) { // not finished
            c = (CoroFrame<?, ?, ?>) c.aux;
        }
        return c;
    }

    /** Records the chain's current innermost coroutine at its root (none when the root itself runs). */
    private void cacheLeaf(CoroFrame<?, ?, ?> leaf) {
        if (!isSub()) link = leaf == this ? null : leaf;
    }

    /** Detaches this finished (or closed) sub-coroutine from its delegator and returns the delegator. */
    private CoroFrame<?, ?, ?> popToParent() {
        CoroFrame<?, ?, ?> p = link;
        link = null;
        p.aux = null;
        return p;
    }

    /** Why {@code delegator} may not {@code Yield.from} this coroutine, or null. */
    private String delegationProblem(CoroFrame<?, ?, ?> delegator) {
        // Python lets a second generator take over one that another still delegates to; coro does
        // not: a coroutine has one delegator at a time (its parent link), which is what keeps a
        // resume O(1) at any depth.
        if (isSub()) {
            // A delegation cycle (this coroutine is one of the delegator's own delegators) also
            // reads as isSub() here; it is Python's "generator already executing". Walked only on
            // this error path: a legitimate Yield.from costs O(1) at any depth.
            for (CoroFrame<?, ?, ?> p = delegator; ; p = p.link) {
                if (p == this) {
                    return "Yield.from(" + methodName() + ") in " + delegator.methodName() + ": coroutine "
                            + methodName() + " is already running (a delegation cycle: it is waiting on "
                            + delegator.methodName() + ")";
                }
                if (!p.isSub()) break;
            }
            return "Yield.from(" + methodName() + ") in " + delegator.methodName()
                    + ": it is already the sub-coroutine of " + link.methodName();
        }
        if (this == delegator || label == RUNNING || leafOf(this).label == RUNNING) {
            return "Yield.from(" + methodName() + ") in " + delegator.methodName() + ": it is already running";
        }
        return null;
    }

    private Throwable failed(Throwable e) {
        finishFailed();
        return pep479(e);
    }

    private void finishReturned(Object result) {
        label = RETURNED;
        aux = result;
        clearLocals();
    }

    private void finishFailed() {
        label = FAILED;
        aux = null;
        clearLocals();
    }

    /**
     * {@code op} found {@code f} (this coroutine, or the innermost coroutine of its chain) RUNNING: either
     * called from inside its own body, or while another thread runs it (a caller's bug). Which one is
     * found out here, on the error path only, so that the hot path pays nothing for it: {@code f}'s body
     * is running on this thread exactly when its frame class's {@code resume} is on this thread's stack.
     * (Races that this check cannot see, two threads passing the state check at the same instant, are
     * the contract's "wherever that costs nothing": catching them needs a fence on every resume.)
     */
    private IllegalStateException running(CoroFrame<?, ?, ?> f, String op) {
        if (!runsOnThisThread(f.getClass())) {
            return new IllegalStateException("coroutine " + methodName() + " is running in another thread: " + op
                    + " must not resume a coroutine while another thread does (resume it from one thread at a time)");
        }
        return new IllegalStateException("coroutine " + methodName() + " is already running: " + op
                + " was called from inside its own body");
    }

    /** Whether a {@code resume} of frame class {@code frame} is on the current thread's stack. */
    private static boolean runsOnThisThread(Class<?> frame) {
        String name = frame.getName(); // (coro-api is compiled for Java 8: no StackWalker)
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            if (e.getClassName().equals(name) && e.getMethodName().equals("resume")) return true;
        }
        return false;
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
        if (l > CREATED) {
            if (aux instanceof CoroFrame && leafOf(this).label == RUNNING) return State.RUNNING;
            return State.SUSPENDED;
        }
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
