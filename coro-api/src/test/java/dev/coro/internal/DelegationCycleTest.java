package dev.coro.internal;

import dev.coro.Coro;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * CPython's test_attempted_yield_from_loop: g1 delegates to g2, which delegates back to g1. The
 * second Yield.from gets Python's "generator already executing": an IllegalStateException saying
 * that g1 is already running (not that it is "the sub-coroutine" of anything).
 */
class DelegationCycleTest {

    /** Yields "y", then {@code Yield.from(target())} (point 2), catching what it throws and logging its message. */
    static final class Looper extends CoroFrame<String, Void, Void> {
        final String name;
        final List<String> log;
        Coro<String, Void, Void> target;

        Looper(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        protected Object resume(int label, Object sent, Throwable thrown) {
            switch (label) {
                case 0:
                    this.label = 1;
                    return name + ": y";
                case 1:
                    if (thrown != null) throw Frames.sneaky(thrown);
                    return delegate(target, 2);
                case 2:
                    if (thrown != null) log.add(name + " caught " + thrown.getClass().getSimpleName() + ": " + thrown.getMessage());
                    return null; // returns
                default:
                    throw Frames.bad(label);
            }
        }

        @Override
        protected void clearLocals() {}

        @Override
        protected String methodName() {
            return "t.Loop." + name;
        }
    }

    @Test
    void aDelegationCycleSaysTheCoroutineIsAlreadyRunning() {
        List<String> log = new ArrayList<>();
        Looper g1 = new Looper("g1", log);
        Looper g2 = new Looper("g2", log);
        g1.target = g2;
        g2.target = g1;
        List<Object> yielded = new ArrayList<>();
        for (String y : g1) yielded.add(y);
        assertEquals(List.of("g1: y", "g2: y"), yielded);
        assertEquals(List.of("g2 caught IllegalStateException: Yield.from(t.Loop.g1) in t.Loop.g2: coroutine t.Loop.g1"
                + " is already running (a delegation cycle: it is waiting on t.Loop.g2)"), log);
        assertEquals(Coro.State.DONE, g1.state());
        assertEquals(Coro.State.DONE, g2.state());
    }
}
