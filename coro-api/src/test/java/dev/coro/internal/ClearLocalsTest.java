package dev.coro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.coro.StopIteration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** clearLocals() runs exactly once, when the coroutine becomes DONE, and never before. */
class ClearLocalsTest {

    private static void swallow(Runnable r) {
        try {
            r.run();
        } catch (Throwable expected) {
            // the test checks the frame afterwards
        }
    }

    @Test
    void afterReturn() {
        List<String> log = new ArrayList<>();
        Frames.Averager avg = new Frames.Averager(log);
        avg.next();
        avg.send(3);
        assertEquals(0, avg.clears);
        assertNotNull(avg.log);
        assertEquals(List.of(3), avg.seen);
        assertThrows(StopIteration.class, avg::next);
        assertEquals(1, avg.clears);
        assertNull(avg.log);
        assertNull(avg.seen);
        assertEquals("n=1", avg.aux); // the result is not a local
        swallow(avg::next);
        swallow(avg::close);
        swallow(() -> avg.raise(new RuntimeException()));
        assertEquals(1, avg.clears);
    }

    @Test
    void afterFailure() {
        Frames.Failing f = new Frames.Failing(new ArrayList<>(), 1, new IOException("x"));
        f.next();
        assertEquals(0, f.clears);
        assertNotNull(f.problem);
        swallow(f::next);
        assertEquals(1, f.clears);
        assertNull(f.log);
        assertNull(f.problem);
        assertNull(f.aux);
        swallow(f::next);
        swallow(f::close);
        assertEquals(1, f.clears);
    }

    @Test
    void afterCloseOfSuspended() {
        Frames.Averager avg = new Frames.Averager(new ArrayList<>());
        avg.next();
        avg.close();
        assertEquals(1, avg.clears);
        assertNull(avg.log);
        assertNull(avg.seen);
        assertNull(avg.aux);
    }

    @Test
    void afterCloseThatReturned() {
        Frames.Counter c = new Frames.Counter(new ArrayList<>(), "return");
        c.next();
        c.close();
        assertEquals(1, c.clears);
        assertNull(c.log);
        assertNull(c.onExit);
        assertEquals("closed at 0", c.aux);
    }

    @Test
    void afterCloseThatFailed() {
        Frames.Counter c = new Frames.Counter(new ArrayList<>(), "io");
        c.next();
        swallow(c::close);
        assertEquals(1, c.clears);
        assertNull(c.log);
        assertNull(c.onExit);
    }

    @Test
    void notAfterAnIgnoredExit() {
        Frames.Stubborn s = new Frames.Stubborn(new ArrayList<>());
        s.next();
        swallow(s::close);
        assertEquals(0, s.clears);
        assertNotNull(s.log);
    }

    @Test
    void afterCloseOrRaiseOnCreated() {
        Frames.Averager closed = new Frames.Averager(new ArrayList<>());
        closed.close();
        assertEquals(1, closed.clears);
        assertNull(closed.log);

        Frames.Averager raised = new Frames.Averager(new ArrayList<>());
        swallow(() -> raised.raise(new IllegalArgumentException()));
        assertEquals(1, raised.clears);
        assertNull(raised.log);
    }

    @Test
    void notOnASendRejectedOnCreated() {
        Frames.Averager avg = new Frames.Averager(new ArrayList<>());
        swallow(() -> avg.send(1));
        assertEquals(0, avg.clears);
        assertNotNull(avg.log);
    }

    @Test
    void afterPrimedReturnAndPrimedFailure() {
        Frames.Guarded g = new Frames.Guarded(new ArrayList<>(), 0);
        g.prime();
        assertEquals(1, g.clears);
        assertNull(g.log);
        assertEquals("finished", g.aux);

        Frames.Failing f = new Frames.Failing(new ArrayList<>(), 0, new IOException());
        swallow(f::prime);
        assertEquals(1, f.clears);
        assertNull(f.problem);
    }

    @Test
    void afterPep479() {
        Frames.FirstOfEach f = new Frames.FirstOfEach(List.of(new Frames.Echo(0)));
        swallow(f::next);
        assertEquals(1, f.clears);
        assertNull(f.sources);
        assertNull(f.it);
    }
}
