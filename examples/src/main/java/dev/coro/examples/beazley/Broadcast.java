package dev.coro.examples.beazley;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;
import dev.coro.examples.Pipeline;

import java.util.List;

/**
 * Beazley's broadcast: one source fanned out to several pipelines.
 *
 * <pre>
 *                 +-> grep("python") -> printer("python")
 * follow -> broadcast -> grep("ply")    -> printer("ply")
 *                 +-> grep("swig")   -> printer("swig")
 * </pre>
 */
public final class Broadcast {
    private Broadcast() {}

    /** Lines of an access log that mention Beazley's projects. */
    public static final List<String> LOG = List.of(
            "99.169.45.3 - - [26/Feb/2008:11:02:40 -0600] \"GET /ply/ HTTP/1.1\" 200 8018",
            "99.169.45.3 - - [26/Feb/2008:11:02:41 -0600] \"GET /python/tutorial/ HTTP/1.1\" 200 4447",
            "65.55.208.10 - - [26/Feb/2008:11:03:12 -0600] \"GET /swig/Doc1.3/ HTTP/1.1\" 200 6710",
            "99.169.45.3 - - [26/Feb/2008:11:03:55 -0600] \"GET /ply/ply-2.3.tar.gz HTTP/1.1\" 200 81762",
            "131.107.0.73 - - [26/Feb/2008:11:04:02 -0600] \"GET /index.html HTTP/1.1\" 200 6040",
            "65.55.208.10 - - [26/Feb/2008:11:04:30 -0600] \"GET /python/generators.pdf HTTP/1.1\" 200 591732");

    /**
     * Sends each item it receives to every target in turn; closing it closes them.
     *
     * <pre>
     * &#64;coroutine
     * def broadcast(targets):
     *     while True:
     *         item = (yield)
     *         for target in targets:
     *             target.send(item)
     * </pre>
     */
    @Coroutine(primed = true)
    public static <T> Coro<Void, T, Void> broadcast(List<? extends Coro<?, ? super T, ?>> targets) {
        try {
            while (true) {
                T item = Yield.await();
                for (Coro<?, ? super T, ?> target : targets) {
                    target.send(item);
                }
            }
        } finally {
            for (Coro<?, ? super T, ?> target : targets) {
                target.close();
            }
        }
    }

    /** Prints each line it receives after {@code label}. */
    @Coroutine(primed = true)
    public static Coro<Void, String, Void> printer(String label) {
        while (true) {
            String line = Yield.await();
            System.out.println(label + ": " + line);
        }
    }

    /**
     * <pre>
     * f = open("access-log")
     * follow(f, broadcast([grep('python', printer()),
     *                      grep('ply', printer()),
     *                      grep('swig', printer())]))
     * </pre>
     */
    public static void main(String[] args) {
        Follow.withGrowingLog(LOG, log -> {
            Coro<Void, String, Void> fanOut = broadcast(List.of(
                    Pipeline.grep("python", printer("python")),
                    Pipeline.grep("ply", printer("ply")),
                    Pipeline.grep("swig", printer("swig"))));
            for (String line : Follow.follow(log)) {
                fanOut.send(line);
            }
            fanOut.close();
        });
    }
}
