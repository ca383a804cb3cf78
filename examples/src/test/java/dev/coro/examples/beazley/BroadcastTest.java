package dev.coro.examples.beazley;

import dev.coro.examples.Stdout;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BroadcastTest {

    @Test
    void mainFansTheFollowedLogOutToThreeFilters() {
        assertEquals("""
                ply: 99.169.45.3 - - [26/Feb/2008:11:02:40 -0600] "GET /ply/ HTTP/1.1" 200 8018
                python: 99.169.45.3 - - [26/Feb/2008:11:02:41 -0600] "GET /python/tutorial/ HTTP/1.1" 200 4447
                swig: 65.55.208.10 - - [26/Feb/2008:11:03:12 -0600] "GET /swig/Doc1.3/ HTTP/1.1" 200 6710
                ply: 99.169.45.3 - - [26/Feb/2008:11:03:55 -0600] "GET /ply/ply-2.3.tar.gz HTTP/1.1" 200 81762
                python: 65.55.208.10 - - [26/Feb/2008:11:04:30 -0600] "GET /python/generators.pdf HTTP/1.1" 200 591732
                """, Stdout.of(() -> Broadcast.main(new String[0])));
    }

    @Coroutine(primed = true)
    static Coro<Void, Integer, Void> record(String name, List<String> trace) {
        try {
            while (true) {
                int n = Yield.await();
                trace.add(name + n);
            }
        } finally {
            trace.add(name + " closed");
        }
    }

    @Test
    void sendsEachItemToEveryTargetInOrderAndClosingItClosesThemAll() {
        List<String> trace = new ArrayList<>();
        Coro<Void, Integer, Void> fanOut = Broadcast.broadcast(List.of(record("a", trace), record("b", trace)));
        fanOut.send(1);
        fanOut.send(2);
        fanOut.close();
        assertEquals(List.of("a1", "b1", "a2", "b2", "a closed", "b closed"), trace);
    }
}
