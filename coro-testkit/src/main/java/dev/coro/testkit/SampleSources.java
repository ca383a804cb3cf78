package dev.coro.testkit;

/**
 * The small sources the tests of the build tools compile and weave (the weaver's {@code WeaveRun}
 * in-process, the agent jar's {@code weave} command in a forked JVM): one coroutine, one class
 * with none, one class the weaver rejects. All in package {@code p}.
 */
public final class SampleSources {
    private SampleSources() {}

    /** {@code p.Gen}: a generator of 0 to n-1; its main prints {@code count(3)}, one number a line. */
    public static final String GEN = """
            package p;
            import dev.coro.*;
            public class Gen {
                @Coroutine
                public static Coro<Integer, Void, Void> count(int n) {
                    for (int i = 0; i < n; i++) Yield.value(i);
                    return Yield.done();
                }
                public static void main(String[] args) {
                    for (int i : count(3)) System.out.println(i);
                }
            }
            """;

    /** {@code p.Plain}: nothing to weave. */
    public static final String PLAIN = """
            package p;
            public class Plain {}
            """;

    /**
     * {@code p.Bad}, rejected for three problems: a Yield inside {@code synchronized} (line 9), a
     * Yield in a lambda's body (line 15) and a Yield in a method that is no coroutine (line 19).
     */
    public static final String BAD = """
            package p;
            import dev.coro.*;
            import java.util.List;
            public class Bad {
                static final Object LOCK = new Object();
                @Coroutine
                static Coro<Integer, Void, Void> locked() {
                    synchronized (LOCK) {
                        Yield.value(1);
                    }
                    return Yield.done();
                }
                @Coroutine
                static Coro<Integer, Void, Void> each(List<Integer> xs) {
                    xs.forEach(x -> Yield.value(x));
                    return Yield.done();
                }
                static void plain() {
                    Yield.await();
                }
            }
            """;
}
