package dev.coro.harness;

import java.lang.reflect.Method;

/**
 * Runs every scenario of the given fixture packages in this JVM, which the test started with
 * {@code -javaagent:coro-agent.jar}, and prints each trace for the test to compare:
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
        for (String pkg : args) {
            for (String name : Scenarios.fixtureClasses(pkg)) {
                Class<?> c = Class.forName(name);
                for (Method m : Scenarios.of(c)) {
                    System.out.println("### " + name + "#" + m.getName());
                    for (String line : Scenarios.run(m)) {
                        System.out.println(line.replace("\\", "\\\\").replace("\n", "\\n"));
                    }
                }
            }
        }
        System.out.println("### end");
    }
}
