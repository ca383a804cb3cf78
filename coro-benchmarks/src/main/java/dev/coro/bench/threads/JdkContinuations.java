package dev.coro.bench.threads;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * (A), (B) on the JDK's own one-shot delimited continuations, {@code jdk.internal.vm.Continuation} (the
 * machinery under virtual threads; JDK 21 and later, run with
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}). Reached through method handles, as this
 * module compiles for Java 17; values go in and out through fields.
 */
public final class JdkContinuations {
    private JdkContinuations() {}

    private static final MethodHandle NEW_SCOPE; // (String) -> Object
    private static final MethodHandle NEW_CONTINUATION; // (Object scope, Runnable) -> Object
    private static final MethodHandle RUN; // (Object) -> void
    private static final MethodHandle YIELD; // (Object scope) -> boolean
    private static final Throwable UNAVAILABLE;

    static {
        MethodHandle newScope = null, newContinuation = null, run = null, yield = null;
        Throwable unavailable = null;
        try {
            Class<?> scope = Class.forName("jdk.internal.vm.ContinuationScope");
            Class<?> continuation = Class.forName("jdk.internal.vm.Continuation");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            newScope = lookup.findConstructor(scope, MethodType.methodType(void.class, String.class))
                    .asType(MethodType.methodType(Object.class, String.class));
            newContinuation = lookup.findConstructor(continuation, MethodType.methodType(void.class, scope, Runnable.class))
                    .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
            run = lookup.findVirtual(continuation, "run", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
            yield = lookup.findStatic(continuation, "yield", MethodType.methodType(boolean.class, scope))
                    .asType(MethodType.methodType(boolean.class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = e;
        }
        NEW_SCOPE = newScope;
        NEW_CONTINUATION = newContinuation;
        RUN = run;
        YIELD = yield;
        UNAVAILABLE = unavailable;
    }

    /** Throws with the reason if this JVM does not offer {@code jdk.internal.vm.Continuation} to this module. */
    public static void requireAvailable() {
        if (UNAVAILABLE != null) {
            throw new UnsupportedOperationException("jdk.internal.vm.Continuation is not usable on " + Runtime.version()
                    + " (needs JDK 21+ and --add-exports java.base/jdk.internal.vm=ALL-UNNAMED): " + UNAVAILABLE, UNAVAILABLE);
        }
    }

    private static Object scope(String name) {
        try {
            return (Object) NEW_SCOPE.invokeExact(name);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object continuation(Object scope, Runnable body) {
        try {
            return (Object) NEW_CONTINUATION.invokeExact(scope, body);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static void run(Object continuation) {
        try {
            RUN.invokeExact(continuation);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static void yield(Object scope) {
        try {
            boolean ignored = (boolean) YIELD.invokeExact(scope);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** (A): Fibonacci; {@code next} runs the continuation to its next yield and boxes the value it left in a field. */
    public static final class Generator {
        private final Object scope = scope("fibonacci");
        private final Object continuation = continuation(scope, this::body);
        private long value;

        private void body() {
            long a = 0, b = 1;
            while (true) {
                value = a;
                JdkContinuations.yield(scope);
                long t = a + b;
                a = b;
                b = t;
            }
        }

        public Long next() {
            run(continuation);
            return value;
        }
    }

    /** (B): a running sum; {@code send} puts the value in a field, runs the continuation, and boxes the total. */
    public static final class Consumer {
        private final Object scope = scope("running-sum");
        private final Object continuation = continuation(scope, this::body);
        private long input;
        private long total;

        public Consumer() {
            run(continuation); // to the first yield, as next() starts a Python generator
        }

        private void body() {
            long t = 0;
            while (true) {
                total = t;
                JdkContinuations.yield(scope);
                t += input;
            }
        }

        public Long send(Long x) {
            input = x;
            run(continuation);
            return total;
        }
    }
}
