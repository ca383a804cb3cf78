package dev.coro.bench.threads;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Function;

/** Unstarted threads of either kind. Virtual threads are looked up reflectively: this module compiles for Java 17. */
public final class Threads {
    private Threads() {}

    /** Platform (daemon) threads. */
    public static Function<Runnable, Thread> platform() {
        return body -> {
            Thread t = new Thread(body, "bench-platform");
            t.setDaemon(true);
            return t;
        };
    }

    /** Virtual threads ({@code Thread.ofVirtual().unstarted(body)}); JDK 21 and later. */
    public static Function<Runnable, Thread> virtual() {
        MethodHandle unstarted;
        Object builder;
        try {
            Class<?> builderClass = Class.forName("java.lang.Thread$Builder$OfVirtual");
            builder = Thread.class.getMethod("ofVirtual").invoke(null);
            unstarted = MethodHandles.publicLookup().findVirtual(builderClass, "unstarted",
                    MethodType.methodType(Thread.class, Runnable.class));
        } catch (ReflectiveOperationException e) {
            throw new UnsupportedOperationException("virtual threads need JDK 21 or later (running "
                    + Runtime.version() + ")", e);
        }
        return body -> {
            try {
                return (Thread) unstarted.invoke(builder, body);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static void stop(Thread t) {
        t.interrupt();
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
