package dev.coro.examples.beazley;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;
import dev.coro.examples.Pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Beazley's {@code follow}: watch a log file grow, as {@code tail -f} does, and push each new line
 * down a pipeline: {@code follow -> grep -> printer}.
 */
public final class Follow {
    private Follow() {}

    /** A line a writer may end the log with: {@link #follow} stops there instead of waiting on. */
    public static final String END_OF_LOG = "# end of log";

    /**
     * The lines of {@code file} as they are written, from its start: when there is no new complete
     * line it sleeps {@code poll} and looks again. It returns at a line equal to {@code sentinel}
     * (not yielded), or when {@code maxIdlePolls} looks in a row found nothing. Unlike Beazley's, which
     * seeks to the end first, it starts at the beginning, so what it yields does not depend on when
     * it was started.
     *
     * <pre>
     * def follow(thefile):
     *     while True:
     *         line = thefile.readline()
     *         if not line:
     *             time.sleep(0.1)
     *             continue
     *         yield line
     * </pre>
     */
    @Coroutine
    public static Coro<String, Void, Void> follow(Path file, String sentinel, Duration poll, int maxIdlePolls) {
        try (TailReader log = new TailReader(file)) {
            int idlePolls = 0;
            while (idlePolls < maxIdlePolls) {
                String line = log.readLine();
                if (line == null) {
                    idlePolls++;
                    LockSupport.parkNanos(poll.toNanos());
                    continue;
                }
                idlePolls = 0;
                if (line.equals(sentinel)) break;
                Yield.value(line);
            }
        }
        return Yield.done();
    }

    /** {@link #follow(Path, String, Duration, int)} up to {@link #END_OF_LOG}, looking every 5 ms, for at most 10 s of silence. */
    public static Coro<String, Void, Void> follow(Path file) {
        return follow(file, END_OF_LOG, Duration.ofMillis(5), 2000);
    }

    /**
     * Beazley's {@code logsim.py}: a thread that appends {@code lines} to {@code file} one at a time,
     * pausing {@code pause} before each, then {@link #END_OF_LOG}.
     */
    public static Thread writeSlowly(Path file, List<String> lines, Duration pause) {
        List<String> all = new ArrayList<>(lines);
        all.add(END_OF_LOG);
        Thread writer = new Thread(() -> {
            for (String line : all) {
                LockSupport.parkNanos(pause.toNanos());
                try {
                    Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, "log writer");
        writer.start();
        return writer;
    }

    /**
     * A log written line by line while the pipeline follows it.
     *
     * <pre>
     * logfile = open("access-log")
     * follow(logfile, grep('python', printer()))
     * </pre>
     */
    public static void main(String[] args) {
        withGrowingLog(Pipeline.ACCESS_LOG, log -> {
            Coro<Void, String, Void> pipeline = Pipeline.grep("python", Pipeline.printer());
            for (String line : follow(log)) {
                pipeline.send(line);
            }
            pipeline.close();
        });
    }

    /** Runs {@code reader} on a new, empty temporary file while {@link #writeSlowly} writes {@code lines} to it. */
    static void withGrowingLog(List<String> lines, Consumer<Path> reader) {
        try {
            Path log = Files.createTempFile("access-log", ".txt");
            try {
                Thread writer = writeSlowly(log, lines, Duration.ofMillis(10));
                reader.accept(log);
                writer.join();
            } finally {
                Files.delete(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
