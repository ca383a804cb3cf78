package dev.coro.internal;

import static dev.coro.Coro.State.CREATED;
import static dev.coro.Coro.State.DONE;
import static dev.coro.Coro.State.SUSPENDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coro.Coro;
import dev.coro.StopIteration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static dev.coro.internal.Checks.thrownBy;

import static dev.coro.internal.Checks.assertState;

/** iterator() and stream(). */
class IterationTest {

    // ------------------------------------------------------------------ iterator

    @Test
    void iteratorCreationRunsNothing() {
        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(3, log);
        Iterator<Integer> it = r.iterator();
        assertEquals(List.of(), log);
        assertState(r, CREATED);
        assertTrue(it.hasNext());
        assertEquals(List.of("yield 0"), log);
    }

    @Test
    void hasNextRunsAheadByOneAndKeepsTheValue() {
        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(3, log);
        Iterator<Integer> it = r.iterator();
        assertTrue(it.hasNext());
        assertEquals(List.of("yield 0"), log);
        assertState(r, SUSPENDED);
        // repeated hasNext does not run further, nor skip a value
        assertTrue(it.hasNext());
        assertTrue(it.hasNext());
        assertEquals(List.of("yield 0"), log);
        assertEquals(0, it.next());
        assertEquals(List.of("yield 0"), log); // next consumed the kept value: nothing ran
        // next without hasNext runs the body
        assertEquals(1, it.next());
        assertEquals(List.of("yield 0", "resumed 0", "yield 1"), log);
        assertTrue(it.hasNext());
        assertEquals(2, it.next());
        assertFalse(it.hasNext()); // runs the body to its return
        assertEquals(List.of("yield 0", "resumed 0", "yield 1", "resumed 1", "yield 2", "resumed 2", "finally"),
                log);
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertState(r, DONE);
        assertEquals("range 3", r.result()); // the StopIteration was swallowed, the result is kept
    }

    @Test
    void twoViewsShareProgress() {
        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(5, log);
        Iterator<Integer> a = r.iterator();
        Iterator<Integer> b = r.iterator();
        assertTrue(a.hasNext());           // a holds 0
        assertEquals(1, b.next());         // b runs the body on: 0 is a's
        assertEquals(0, a.next());
        assertEquals(2, a.next());
        assertTrue(b.hasNext());           // b holds 3
        assertEquals(4, a.next());
        assertFalse(a.hasNext());          // a ran the body to its end
        assertEquals(3, b.next());         // b still has the one it ran ahead to
        assertFalse(b.hasNext());
        assertState(r, DONE);
        // a fresh view of a finished coroutine is empty and runs nothing
        int logSize = log.size();
        assertFalse(r.iterator().hasNext());
        assertEquals(logSize, log.size());
    }

    @Test
    void forEachGivesTheRemainingYields() {
        Frames.Fibonacci fib = Frames.fibonacci(100);
        assertEquals(0L, fib.next());
        assertEquals(1L, fib.next());
        List<Long> rest = new ArrayList<>();
        for (Long x : fib) {
            rest.add(x);
        }
        assertEquals(List.of(1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L, 55L), rest);
        assertState(fib, DONE);
        List<Long> none = new ArrayList<>();
        for (Long x : fib) {
            none.add(x);
        }
        assertEquals(List.of(), none);
    }

    @Test
    void forEachThatBreaksLeavesTheCoroutineSuspended() {
        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(10, log);
        int sum = 0;
        for (int x : r) {
            sum += x;
            if (x == 2) break;
        }
        assertEquals(3, sum);
        assertState(r, SUSPENDED);
        assertEquals(3, r.next());
    }

    @Test
    void iteratorYieldsNullValues() {
        Frames.Echo e = new Frames.Echo(3);
        Iterator<String> it = e.iterator();
        assertTrue(it.hasNext());
        assertTrue(it.hasNext());
        assertNull(it.next());
        assertNull(it.next());
        assertTrue(it.hasNext());
        assertNull(it.next());
        assertFalse(it.hasNext());
        assertEquals(3, e.result());
    }

    @Test
    void exceptionFromTheBodyPropagatesFromHasNext() {
        IOException io = new IOException("broken");
        Frames.Failing f = new Frames.Failing(new ArrayList<>(), 2, io);
        Iterator<Integer> it = f.iterator();
        assertEquals(0, it.next());
        assertEquals(1, it.next());
        assertSame(io, thrownBy(it::hasNext));
        assertState(f, DONE);
        assertFalse(it.hasNext());
    }

    @Test
    void iteratorOfAClosedCoroutineIsEmpty() {
        Frames.Range r = new Frames.Range(3, new ArrayList<>());
        r.close();
        assertFalse(r.iterator().hasNext());
        assertThrows(NoSuchElementException.class, () -> r.iterator().next());
    }

    // ------------------------------------------------------------------ stream

    @Test
    void streamIsLazy() {
        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(10, log);
        Stream<Integer> s = r.stream().map(x -> x * 10);
        assertEquals(List.of(), log);
        assertState(r, CREATED);
        List<Integer> first = s.limit(2).collect(Collectors.toList());
        assertEquals(List.of(0, 10), first);
        // the body ran to the second yield and not one step further
        assertEquals(List.of("yield 0", "resumed 0", "yield 1"), log);
        assertState(r, SUSPENDED);
        assertEquals(2, r.next());
    }

    @Test
    void findFirstPullsOneElement() {
        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(10, log);
        Optional<Integer> first = r.stream().filter(x -> x >= 3).findFirst();
        assertEquals(Optional.of(3), first);
        assertEquals(List.of("yield 0", "resumed 0", "yield 1", "resumed 1", "yield 2", "resumed 2", "yield 3"),
                log);
        assertState(r, SUSPENDED);
    }

    @Test
    void streamIteratorPullsOneAtATime() {
        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(10, log);
        Iterator<Integer> it = r.stream().iterator();
        assertEquals(List.of(), log);
        assertEquals(0, it.next());
        assertEquals(List.of("yield 0"), log);
    }

    @Test
    void closingTheStreamClosesTheCoroutine() {
        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(10, log);
        Stream<Integer> s = r.stream();
        assertEquals(List.of(0, 1), s.limit(2).collect(Collectors.toList()));
        s.close();
        assertEquals(List.of("yield 0", "resumed 0", "yield 1", "finally"), log);
        assertState(r, DONE);
        assertThrows(IllegalStateException.class, r::result);
        assertEquals(1, r.clears);
    }

    @Test
    void streamInTryWithResourcesClosesTheCoroutine() {
        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(10, log);
        int sum;
        try (Stream<Integer> s = r.stream()) {
            sum = s.limit(3).mapToInt(Integer::intValue).sum();
        }
        assertEquals(3, sum);
        assertState(r, DONE);
        assertEquals("finally", log.get(log.size() - 1));
    }

    @Test
    void closingTheStreamOfACoroutineThatIgnoresExitFails() {
        List<String> log = new ArrayList<>();
        Frames.Stubborn st = new Frames.Stubborn(log);
        Stream<String> s = st.stream();
        assertEquals(List.of("working"), s.limit(1).collect(Collectors.toList()));
        IllegalStateException e = assertThrows(IllegalStateException.class, s::close);
        assertTrue(e.getMessage().contains("ignored CoroutineExit"), e.getMessage());
        assertState(st, SUSPENDED);
    }

    @Test
    void fullStreamGivesAllRemainingYieldsAndKeepsTheResult() {
        Frames.Fibonacci fib = Frames.fibonacci(100);
        fib.next();
        assertEquals(List.of(1L, 1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L, 55L), fib.stream().collect(Collectors.toList()));
        assertState(fib, DONE);

        List<String> log = new ArrayList<>();
        Frames.Range r = new Frames.Range(3, log);
        assertEquals(3L, r.stream().count());
        assertEquals("range 3", r.result());
        assertEquals(List.of(), r.stream().collect(Collectors.toList()));
    }

    @Test
    void streamCarriesNullElements() {
        assertEquals(Arrays.asList(null, null), new Frames.Echo(2).stream().collect(Collectors.toList()));
    }

    @Test
    void exceptionFromTheBodyPropagatesFromTheStream() {
        IOException io = new IOException("broken");
        Frames.Failing f = new Frames.Failing(new ArrayList<>(), 2, io);
        assertSame(io, thrownBy(() -> f.stream().forEach(x -> { })));
        assertState(f, DONE);
    }

    @Test
    void pep479AppliesThroughTheStream() {
        StopIteration stop = new StopIteration("inner");
        Frames.Failing f = new Frames.Failing(new ArrayList<>(), 1, stop);
        Throwable t = thrownBy(() -> f.stream().collect(Collectors.toList()));
        assertTrue(t instanceof IllegalStateException, String.valueOf(t));
        assertSame(stop, t.getCause());
    }
}
