package dev.coro.internal;

import dev.coro.Coro;
import dev.coro.CoroutineExit;
import dev.coro.StopIteration;

import static dev.coro.internal.CoroFrame.CREATED;
import static dev.coro.internal.CoroFrame.DELEGATE;
import static dev.coro.internal.CoroFrame.FAILED;
import static dev.coro.internal.CoroFrame.NOT_RESUMED;
import static dev.coro.internal.CoroFrame.RETURNED;
import static dev.coro.internal.CoroFrame.RETURNED_REPORTED;
import static dev.coro.internal.CoroFrame.RUNNING;

/**
 * The slow path of {@link CoroFrame}'s protocol: everything a resume does that is not a plain yield
 * of one coroutine. It runs delegation chains ({@code Yield.from}) in one loop at any depth, closes
 * them innermost first, checks a chain before it is resumed, and says why a resume or a delegation
 * is refused. The fast path ({@code fastEnter}, the body, {@code fastExit}) stays in {@code CoroFrame}
 * and each frame class; it calls here only when it declines. The fields it works on are
 * {@code CoroFrame}'s: see the invariant table there.
 */
final class Driver {
    private Driver() {}

    /**
     * Runs the chain rooted at {@code root} from its frame {@code cur} until some frame yields (the
     * value is returned), or {@code root} itself finishes (StopIteration or its exception is thrown).
     * A frame that finishes resumes its delegator with its result or exception; a frame that starts
     * a {@code Yield.from} passes control to its sub-coroutine. No recursion: any depth, one loop.
     *
     * @param resumed {@link CoroFrame#NOT_RESUMED} to resume {@code cur} with {@code sent}/{@code thrown}
     *     first; otherwise {@code cur} (the root) was just resumed by the caller and returned this
     */
    static Object drive(CoroFrame<?, ?, ?> root, CoroFrame<?, ?, ?> cur, Object sent, Throwable thrown,
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
                String problem = delegationProblem(sf, cur);
                if (problem != null) {
                    cur.aux = null;
                    thrown = new IllegalStateException(problem);
                    continue;
                }
                sf.link = cur;
                if (sf.label >= CREATED && sf.aux instanceof Thread) sf.aux = null; // a sub has no owner: fastEnter declines it
                if (sf.label < RUNNING) continue; // already finished: its result comes back at once
                cur = CoroFrame.leafOf(sf);
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
     * Closes, innermost first, every sub-coroutine below {@code self} (PEP 380: each level is closed
     * with close(), and what that throws is raised in the level above instead of the exit). Returns
     * what to raise in {@code self} at its {@code Yield.from}: {@code exit}, or what closing threw.
     */
    static Throwable closeBelow(CoroFrame<?, ?, ?> self, Throwable exit) {
        // Each level stays attached while it is closed, so the whole chain reads RUNNING meanwhile
        // (a finally block that calls next() on a delegator above it gets IllegalStateException).
        CoroFrame<?, ?, ?> f = CoroFrame.leafOf(self);
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
        while (f != self) {
            pending = closeStep(f, pending == null ? new CoroutineExit() : pending);
            f = f.popToParent();
        }
        self.aux = null;
        return pending == null ? exit : pending;
    }

    /**
     * close() semantics for one frame: raise {@code in} at its suspension point. Returns null when it
     * finished (returned, or let a CoroutineExit escape); else what close() must throw: the body's
     * exception, or IllegalStateException when it yielded again.
     */
    static Throwable closeStep(CoroFrame<?, ?, ?> f, Throwable in) {
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

    /** The coroutine a resume of {@code self}'s chain must run now; checks nobody in the chain is running. */
    static CoroFrame<?, ?, ?> enterChain(CoroFrame<?, ?, ?> self, String op) {
        CoroFrame<?, ?, ?> leaf = CoroFrame.leafOf(self);
        if (leaf.label == RUNNING) throw running(self, leaf, op);
        if (self.isSub()) {
            // Driven directly while a delegator waits on it: the top delegator's cached leaf may go stale.
            CoroFrame<?, ?, ?> top = self;
            while (top.isSub()) top = top.link;
            top.link = null;
        }
        return leaf;
    }

    /** Why {@code delegator} may not {@code Yield.from} {@code self}, or null. */
    static String delegationProblem(CoroFrame<?, ?, ?> self, CoroFrame<?, ?, ?> delegator) {
        // Python lets a second generator take over one that another still delegates to; coro does
        // not: a coroutine has one delegator at a time (its parent link), which is what keeps a
        // resume O(1) at any depth.
        if (self.isSub()) {
            // A delegation cycle (self is one of the delegator's own delegators) also
            // reads as isSub() here; it is Python's "generator already executing". Walked only on
            // this error path: a legitimate Yield.from costs O(1) at any depth.
            for (CoroFrame<?, ?, ?> p = delegator; ; p = p.link) {
                if (p == self) {
                    return "Yield.from(" + self.methodName() + ") in " + delegator.methodName() + ": coroutine "
                            + self.methodName() + " is already running (a delegation cycle: it is waiting on "
                            + delegator.methodName() + ")";
                }
                if (!p.isSub()) break;
            }
            return "Yield.from(" + self.methodName() + ") in " + delegator.methodName()
                    + ": it is already the sub-coroutine of " + self.link.methodName();
        }
        if (self == delegator || self.label == RUNNING || CoroFrame.leafOf(self).label == RUNNING) {
            return "Yield.from(" + self.methodName() + ") in " + delegator.methodName() + ": it is already running";
        }
        return null;
    }

    /**
     * {@code op} found {@code f} ({@code self}, or the innermost coroutine of its chain) RUNNING: either
     * called from inside its own body, or while another thread runs it (a caller's bug). Which one is
     * found out here, on the error path only, so that the hot path pays nothing for it: {@code f}'s body
     * is running on this thread exactly when its frame class's {@code resume} is on this thread's stack.
     * (Races that this check cannot see, two threads passing the state check at the same instant, are
     * the contract's "wherever that costs nothing": catching them needs a fence on every resume.)
     */
    static IllegalStateException running(CoroFrame<?, ?, ?> self, CoroFrame<?, ?, ?> f, String op) {
        if (resumeOnThisThread(f.getClass()) != PRESENT) {
            return new IllegalStateException("coroutine " + self.methodName() + " is running in another thread: " + op
                    + " must not resume a coroutine while another thread does (resume it from one thread at a time)");
        }
        return new IllegalStateException("coroutine " + self.methodName() + " is already running: " + op
                + " was called from inside its own body");
    }

    /** {@link #resumeOnThisThread}: a {@code resume} of the frame class is on the stack; not on it; can't tell. */
    static final int PRESENT = 1, ABSENT = 0, UNKNOWN = -1;
    /** HotSpot's default {@code -XX:MaxJavaStackTraceDepth}: a stack trace this long may have been cut. */
    private static final int TRACE_LIMIT = 1024;

    /** Whether a {@code resume} of frame class {@code frame} is on the current thread's stack. */
    static int resumeOnThisThread(Class<?> frame) {
        String name = frame.getName(); // (coro-api is compiled for Java 8: no StackWalker)
        StackTraceElement[] trace = new Throwable().getStackTrace();
        for (StackTraceElement e : trace) {
            if (e.getClassName().equals(name) && e.getMethodName().equals("resume")) return PRESENT;
        }
        return trace.length >= TRACE_LIMIT ? UNKNOWN : ABSENT;
    }
}
