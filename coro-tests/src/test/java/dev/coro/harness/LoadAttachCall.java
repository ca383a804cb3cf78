package dev.coro.harness;

import net.bytebuddy.agent.ByteBuddyAgent;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Loads class {@code args[1]}, then attaches the agent jar {@code args[0]} to this JVM, then calls the
 * class's static no-argument method {@code args[2]} and prints what escaped it: a class loaded before
 * the agent attached stays unwoven.
 */
public final class LoadAttachCall {
    private LoadAttachCall() {}

    public static void main(String[] args) throws Exception {
        Class<?> early = Class.forName(args[1]);
        ByteBuddyAgent.attach(new File(args[0]), String.valueOf(ProcessHandle.current().pid()));
        Method m = early.getDeclaredMethod(args[2]);
        m.setAccessible(true);
        try {
            System.out.println("returned " + m.invoke(null));
        } catch (InvocationTargetException e) {
            System.out.println("escaped " + e.getCause());
        }
    }
}
