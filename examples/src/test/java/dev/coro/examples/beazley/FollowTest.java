package dev.coro.examples.beazley;

import dev.coro.examples.Stdout;

import dev.coro.Coro;
import dev.coro.StopIteration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(20)
class FollowTest {

    @Test
    void mainPrintsTheLinesMentioningPythonAsTheLogGrows() {
        assertEquals("""
                71.201.176.194 - - [26/Feb/2008:10:30:09 -0600] "GET /python/tutorial/ HTTP/1.1" 200 4447
                128.135.11.92 - - [26/Feb/2008:10:32:01 -0600] "GET /python/generators.pdf HTTP/1.1" 200 591732
                128.135.11.92 - - [26/Feb/2008:10:34:12 -0600] "GET /python/coroutines.pdf HTTP/1.1" 200 2019350
                (3 lines printed)
                """, Stdout.of(() -> Follow.main(new String[0])));
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void yieldsEachLineOnceItIsCompleteAndStopsAtTheSentinel(@TempDir Path dir) throws IOException {
        Path log = Files.createFile(dir.resolve("log"));
        Coro<String, Void, Void> lines = Follow.follow(log, "STOP", Duration.ofMillis(1), 10_000);
        append(log, "first\n");
        assertEquals("first", lines.next());
        append(log, "second\r\nthi");
        assertEquals("second", lines.next());
        append(log, "rd\nSTOP\nafter the sentinel\n");
        assertEquals("third", lines.next()); // not "thi": a half-written line waits for its end
        assertThrows(StopIteration.class, lines::next);
        assertEquals(Coro.State.DONE, lines.state());
    }

    @Test
    void waitsForLinesWrittenByAnotherThread(@TempDir Path dir) throws Exception {
        Path log = Files.createFile(dir.resolve("log"));
        List<String> written = List.of("one", "two", "three", "four");
        Thread writer = Follow.writeSlowly(log, written, Duration.ofMillis(20));
        List<String> read = new ArrayList<>();
        for (String line : Follow.follow(log)) {
            read.add(line);
        }
        writer.join();
        assertEquals(written, read);
    }

    @Test
    void givesUpAfterTheGivenNumberOfEmptyPollsInARow(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("log"), "only line\n");
        long start = System.nanoTime();
        List<String> read = new ArrayList<>();
        Follow.follow(log, "STOP", Duration.ofMillis(2), 5).forEach(read::add);
        assertEquals(List.of("only line"), read);
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    @Test
    void closingItClosesTheFileSoItCanBeDeleted(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("log"), "a\nb\n");
        Coro<String, Void, Void> lines = Follow.follow(log);
        assertEquals("a", lines.next());
        lines.close();
        assertEquals(Coro.State.DONE, lines.state());
        Files.delete(log);
    }
}
