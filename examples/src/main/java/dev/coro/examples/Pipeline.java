package dev.coro.examples;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.util.List;

/**
 * The first pipeline of David Beazley's "A Curious Course on Coroutines and Concurrency": a source
 * pushes lines into a grep filter, which passes the matching ones on to a printer. The filter and the
 * printer are consumers fed with {@code send}, each primed as Beazley's {@code @coroutine} decorator
 * does; closing the head of the pipeline closes the rest.
 */
public final class Pipeline {
    private Pipeline() {}

    /** A few lines of a web server's access log, standing in for Beazley's {@code follow(open("access-log"))}. */
    public static final List<String> ACCESS_LOG = List.of(
            "71.201.176.194 - - [26/Feb/2008:10:30:08 -0600] \"GET /ply/ply.html HTTP/1.1\" 200 97238",
            "71.201.176.194 - - [26/Feb/2008:10:30:09 -0600] \"GET /python/tutorial/ HTTP/1.1\" 200 4447",
            "207.46.13.12 - - [26/Feb/2008:10:31:44 -0600] \"GET /favicon.ico HTTP/1.1\" 404 133",
            "128.135.11.92 - - [26/Feb/2008:10:32:01 -0600] \"GET /python/generators.pdf HTTP/1.1\" 200 591732",
            "66.249.72.134 - - [26/Feb/2008:10:33:57 -0600] \"GET /cv.html HTTP/1.1\" 200 5302",
            "128.135.11.92 - - [26/Feb/2008:10:34:12 -0600] \"GET /python/coroutines.pdf HTTP/1.1\" 200 2019350");

    /**
     * The source: a generator over the lines.
     *
     * <pre>
     * def source(lines):
     *     for line in lines:
     *         yield line
     * </pre>
     */
    @Coroutine
    public static Coro<String, Void, Void> source(List<String> lines) {
        for (String line : lines) {
            Yield.value(line);
        }
        return Yield.done();
    }

    /**
     * The filter: sends on the lines that contain {@code pattern}; closing it closes {@code target}.
     *
     * <pre>
     * &#64;coroutine
     * def grep(pattern, target):
     *     try:
     *         while True:
     *             line = (yield)
     *             if pattern in line:
     *                 target.send(line)
     *     finally:
     *         target.close()
     * </pre>
     */
    @Coroutine(primed = true)
    public static Coro<Void, String, Void> grep(String pattern, Coro<?, ? super String, ?> target) {
        try {
            while (true) {
                String line = Yield.await();
                if (line.contains(pattern)) target.send(line);
            }
        } finally {
            target.close();
        }
    }

    /**
     * The sink: prints each line sent to it, and how many when it is closed.
     *
     * <pre>
     * &#64;coroutine
     * def printer():
     *     count = 0
     *     try:
     *         while True:
     *             line = (yield)
     *             print(line)
     *             count += 1
     *     finally:
     *         print(f"({count} lines printed)")
     * </pre>
     */
    @Coroutine(primed = true)
    public static Coro<Void, String, Void> printer() {
        int count = 0;
        try {
            while (true) {
                String line = Yield.await();
                System.out.println(line);
                count++;
            }
        } finally {
            System.out.println("(" + count + " lines printed)");
        }
    }

    /** source -> grep("python") -> printer. */
    public static void main(String[] args) {
        Coro<Void, String, Void> pipeline = grep("python", printer());
        for (String line : source(ACCESS_LOG)) {
            pipeline.send(line);
        }
        pipeline.close();
    }
}
