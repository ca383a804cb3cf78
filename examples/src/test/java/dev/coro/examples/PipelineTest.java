package dev.coro.examples;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pipeline as a whole, and grep fed into a sink written here: a test coroutine woven by weave-tests. */
class PipelineTest {

    @Test
    void printsTheLinesMentioningPythonThenTheCount() {
        assertEquals("""
                71.201.176.194 - - [26/Feb/2008:10:30:09 -0600] "GET /python/tutorial/ HTTP/1.1" 200 4447
                128.135.11.92 - - [26/Feb/2008:10:32:01 -0600] "GET /python/generators.pdf HTTP/1.1" 200 591732
                128.135.11.92 - - [26/Feb/2008:10:34:12 -0600] "GET /python/coroutines.pdf HTTP/1.1" 200 2019350
                (3 lines printed)
                """, Stdout.of(() -> Pipeline.main(new String[0])));
    }

    /** A sink that keeps what it is sent, and notes when it is closed. */
    @Coroutine(primed = true)
    static Coro<Void, String, Void> collect(List<String> into) {
        try {
            while (true) {
                into.add(Yield.await());
            }
        } finally {
            into.add("<closed>");
        }
    }

    @Test
    void grepPassesOnlyMatchesAndClosingItClosesTheSink() {
        List<String> got = new ArrayList<>();
        Coro<Void, String, Void> sink = collect(got);
        Coro<Void, String, Void> filter = Pipeline.grep("py", sink);
        for (String line : Pipeline.source(List.of("python", "java", "pypy", "rust"))) {
            filter.send(line);
        }
        assertEquals(List.of("python", "pypy"), got);
        filter.close();
        assertEquals(List.of("python", "pypy", "<closed>"), got);
        assertEquals(Coro.State.DONE, sink.state());
        assertEquals(Coro.State.DONE, filter.state());
    }

    @Test
    void theSourceYieldsEachLineInOrder() {
        List<String> lines = new ArrayList<>();
        Pipeline.source(Pipeline.ACCESS_LOG).forEach(lines::add);
        assertEquals(Pipeline.ACCESS_LOG, lines);
    }
}
