package dev.coro.harness;

import dev.coro.testkit.TraceLines;

import java.lang.reflect.Method;

/**
 * Runs every scenario of the given fixture packages (or classes) in this JVM, which the test started with
 * {@code -javaagent:coro-agent.jar}, and prints each trace for the test to compare, as {@link TraceLines}:
 *
 * <pre>
 *   ### dev.coro.fixtures.Basics#fibonacci
 *   next -> 0
 *   ...
 * </pre>
 */
public final class ForkMain {
    private ForkMain() {}

    public static void main(String[] args) throws Exception {
        for (String pkgOrClass : args) {
            boolean oneClass = Character.isUpperCase(pkgOrClass.charAt(pkgOrClass.lastIndexOf('.') + 1));
            for (String name : oneClass ? java.util.List.of(pkgOrClass) : Scenarios.fixtureClasses(pkgOrClass)) {
                Class<?> c = Class.forName(name);
                for (Method m : Scenarios.of(c)) {
                    System.out.println(TraceLines.header(name + "#" + m.getName()));
                    for (String entry : Scenarios.run(m)) System.out.println(TraceLines.encode(entry));
                }
            }
        }
        System.out.println(TraceLines.header("end"));
    }
}
