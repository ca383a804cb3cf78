package dev.coro.examples;

import dev.coro.Coro;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeedTest {

    @Test
    void printsTheFibonacciNumbersThenTheMatchingLine() {
        assertEquals("""
                0
                1
                1
                2
                3
                5
                8
                13
                21
                34
                55
                89
                144
                233
                377
                610
                987
                1597
                2584
                4181
                6765
                10946
                17711
                28657
                46368
                75025
                121393
                196418
                317811
                514229
                Searching for coroutine
                I love coroutines instead!
                """, Stdout.of(() -> Seed.main(new String[0])));
    }

    @Test
    void fibonacciStopsBeforeTheFirstPairReachingAMillion() {
        List<Long> numbers = new ArrayList<>();
        Seed.fibonacci().forEach(numbers::add);
        assertEquals(30, numbers.size());
        assertEquals(List.of(0L, 1L, 1L, 2L, 3L, 5L), numbers.subList(0, 6));
        assertEquals(514229L, numbers.get(29));
    }

    @Test
    void grepPrintsNothingUntilPrimed() {
        String out = Stdout.of(() -> {
            Coro<Void, String, Void> search = Seed.grep("x");
            System.out.println(search.state());
            search.next();
            System.out.println(search.state());
        });
        assertEquals("CREATED\nSearching for x\nSUSPENDED\n", out);
    }
}
