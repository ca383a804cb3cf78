package dev.coro.bench.hand;

import java.util.Iterator;

/**
 * (D) the hand-written pipeline again, each stage now making the checks Python's generator protocol asks of
 * every resume, as coro's fast path makes them (docs/weaving.md, "Each frame class drives its own fast path"):
 * <ul>
 *   <li>the resume point tested: a stage that is finished, or running, refuses ({@code label}, read first);
 *   <li>the owner tested: only the thread that owns the stage resumes it without a claim ({@code owner});
 *   <li>{@code label = RUNNING} while the body runs, so that a re-entrant call is refused;
 *   <li>the resume point stored again when the body suspends, and a {@code switch} on it when resumed.
 * </ul>
 * It is what coro's pipeline would cost if its protocol were nothing but these checks, written by hand: the
 * baseline that shows how much of (D)'s gap to the plain hand-written stages is the protocol's
 * (docs/benchmarks.md, (D)). A refused resume throws; coro's would go to its slow path.
 */
public final class CheckedPipeline {
    private CheckedPipeline() {}

    static final int CREATED = 0;
    static final int RUNNING = -1;

    static IllegalStateException refused(Object stage, int label) {
        return new IllegalStateException(stage.getClass().getSimpleName() + " refuses a resume at label " + label
                + (label == RUNNING ? " (running)" : " (not its owner's thread)"));
    }

    /** The source: 0, 1, 2, ... as a generator that has not started until its first {@code next()}. */
    public static final class Count implements Iterator<Long> {
        private int label = CREATED;
        private final Thread owner = Thread.currentThread();
        private long i;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Long next() {
            int l = label;
            if (l < CREATED || owner != Thread.currentThread()) throw refused(this, l);
            label = RUNNING;
            switch (l) {
                case CREATED:
                    i = 0;
                    break;
                case 1:
                    i++;
                    break;
                default:
                    throw new IllegalStateException("corrupt label " + l);
            }
            label = 1;
            return i;
        }
    }

    /** The filter: passes on to {@code target} the values not divisible by 3 (primed: suspended at its yield). */
    public static final class DropThrees implements HandConsumer<Void, Long> {
        private int label = 1;
        private final Thread owner = Thread.currentThread();
        private final HandConsumer<?, ? super Long> target;

        public DropThrees(HandConsumer<?, ? super Long> target) {
            this.target = target;
        }

        @Override
        public Void send(Long x) {
            int l = label;
            if (l <= CREATED || owner != Thread.currentThread()) throw refused(this, l);
            label = RUNNING;
            if (l != 1) throw new IllegalStateException("corrupt label " + l);
            if (x % 3 != 0) target.send(x);
            label = 1;
            return null;
        }
    }

    /** The sink: keeps a running sum of what it is sent, and yields it (primed). */
    public static final class Summing implements HandConsumer<Long, Long> {
        private int label = 1;
        private final Thread owner = Thread.currentThread();
        private long total;

        @Override
        public Long send(Long x) {
            int l = label;
            if (l <= CREATED || owner != Thread.currentThread()) throw refused(this, l);
            label = RUNNING;
            if (l != 1) throw new IllegalStateException("corrupt label " + l);
            total += x;
            label = 1;
            return total;
        }

        public long total() {
            return total;
        }
    }
}
