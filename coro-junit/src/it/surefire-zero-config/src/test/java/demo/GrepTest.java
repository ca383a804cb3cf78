package demo;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GrepTest {
    @Coroutine
    static Coro<Void, String, Void> grep(String pattern, List<String> found) {
        while (true) {
            String line = Yield.await();
            if (line.contains(pattern)) found.add(line);
        }
    }

    @Test
    void grepKeepsTheMatchingLines() {
        List<String> found = new ArrayList<>();
        Coro<Void, String, Void> g = grep("coroutine", found);
        g.next();
        g.send("no match here");
        g.send("I love coroutines instead!");
        g.close();
        assertEquals(List.of("I love coroutines instead!"), found);
        System.out.println("GrepTest: woven, found " + found);
    }
}
