package dev.coro.examples;

import dev.coro.Coro;
import dev.coro.StopIteration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AveragerTest {

    @Test
    void printsEachAverageAndTheResult() {
        assertEquals("""
                sent 10.0, average 10.0
                sent 30.0, average 20.0
                sent 5.0, average 15.0
                StopIteration value: n=3
                result(): n=3
                """, Stdout.of(() -> Averager.main(new String[0])));
    }

    @Test
    void yieldsNothingFirstThenTheRunningAverage() {
        Coro<Double, Double, String> avg = Averager.averager();
        assertNull(avg.next());
        assertEquals(4.0, avg.send(4.0));
        assertEquals(5.0, avg.send(6.0));
        StopIteration stop = assertThrows(StopIteration.class, avg::next);
        assertEquals("n=2", stop.value());
        assertEquals("n=2", avg.result());
        assertEquals(Coro.State.DONE, avg.state());
    }

    @Test
    void finishingAtOnceCountsNothing() {
        Coro<Double, Double, String> avg = Averager.averager();
        avg.next();
        assertThrows(StopIteration.class, () -> avg.send(null));
        assertEquals("n=0", avg.result());
    }
}
