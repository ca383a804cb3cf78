package dev.coro.harness;

import java.lang.reflect.Field;

/** Reflection from outside a woven class's package and nest, as any other code in the JVM would try it. */
public final class Peek {
    private Peek() {}

    /** The value of {@code o}'s declared field {@code name}, read without {@code setAccessible}, or what stopped it. */
    public static String read(Object o, String name) {
        try {
            Field f = o.getClass().getDeclaredField(name);
            return String.valueOf(f.get(o));
        } catch (ReflectiveOperationException e) {
            return e.getClass().getSimpleName();
        }
    }
}
