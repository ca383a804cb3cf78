package dev.coro.examples;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

/** The two programs of the Python tutorial coro was founded on, in Java. */
public final class Seed {
    private Seed() {}

    /**
     * <pre>
     * def fibonacci():
     *     a, b = 0, 1
     *     while b &lt; 1000000:
     *         yield a
     *         a, b = b, a+b
     * </pre>
     */
    @Coroutine
    public static Coro<Long, Void, Void> fibonacci() {
        long a = 0, b = 1;
        while (b < 1_000_000) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
        return Yield.done();
    }

    /**
     * <pre>
     * def grep(pattern):
     *     print("Searching for", pattern)
     *     while True:
     *         line = (yield)
     *         if pattern in line:
     *             print(line)
     * </pre>
     */
    @Coroutine
    public static Coro<Void, String, Void> grep(String pattern) {
        System.out.println("Searching for " + pattern);
        while (true) {
            String line = Yield.await();
            if (line.contains(pattern)) System.out.println(line);
        }
    }

    /** Runs both as the tutorial does. */
    public static void main(String[] args) {
        for (long i : fibonacci()) {
            System.out.println(i);
        }

        Coro<Void, String, Void> search = grep("coroutine");
        search.next();
        search.send("I love you");
        search.send("Don't you love me?");
        search.send("I love coroutines instead!");
        search.close();
    }
}
