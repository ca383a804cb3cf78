package dev.coro.harness;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls {@code Class.method(int)} (static) in a JVM the test started, and prints what it returned
 * or the exception that escaped it: for code the agent left unwoven.
 */
public final class CallStatic {
    private CallStatic() {}

    public static void main(String[] args) throws Exception {
        Method m = Class.forName(args[0]).getDeclaredMethod(args[1], int.class);
        m.setAccessible(true);
        try {
            System.out.println("returned " + m.invoke(null, Integer.parseInt(args[2])));
        } catch (InvocationTargetException e) {
            System.out.println("escaped " + e.getCause());
        }
    }
}
