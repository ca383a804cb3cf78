package dev.coro.examples;

import dev.coro.Coro;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DelegationTest {

    @Test
    void printsTheGroupsAndTheWalks() {
        assertEquals("""
                girls;kg: n=10, last average 42.04
                boys;m: n=10, last average 1.40
                in order: 1 2 3 4 5 6
                a tree 100000 levels deep: 100000 values, sum 4999950000
                """, Stdout.of(() -> Delegation.main(new String[0])));
    }

    @Test
    void theGrouperPassesSendsThroughAndRecordsEachResult() {
        Map<String, String> results = new LinkedHashMap<>();
        Coro<Double, Double, Void> g = Delegation.grouper(results, "k");
        assertNull(g.next());                // the averager's first yield comes out of the grouper
        assertEquals(2.0, g.send(2.0));
        assertEquals(3.0, g.send(4.0));
        assertNull(g.send(null));            // averager returned "n=2"; a new averager yields null
        assertEquals(Map.of("k", "n=2"), results);
        assertEquals(7.0, g.send(7.0));      // the new averager
        assertEquals(Coro.State.SUSPENDED, g.state());
        g.close();
        assertEquals(Map.of("k", "n=2"), results);
    }

    @Test
    void aLeftLeaningTreeIsWalkedInOrder() {
        List<Integer> seen = new ArrayList<>();
        for (int v : Delegation.inOrder(Delegation.leaningLeft(5))) seen.add(v);
        assertEquals(List.of(0, 1, 2, 3, 4), seen);
    }
}
