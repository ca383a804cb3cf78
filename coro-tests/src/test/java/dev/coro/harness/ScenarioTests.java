package dev.coro.harness;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A fixture class's scenarios as JUnit dynamic tests, run in this JVM against their {@link Expect} traces. */
public final class ScenarioTests {
    private ScenarioTests() {}

    /** One container named for {@code c}, one test per scenario, each run here; {@code name} labels failures. */
    public static DynamicNode of(Class<?> c, String name) {
        return of(c, name, Scenarios::run);
    }

    /**
     * One container named for {@code c}, one test per scenario, comparing its {@link Expect} trace with
     * what {@code trace} says the scenario did (run here, or read from a forked JVM's output).
     */
    public static DynamicNode of(Class<?> c, String name, Function<Method, List<String>> trace) {
        List<DynamicNode> tests = new ArrayList<>();
        for (Method m : Scenarios.of(c)) {
            tests.add(DynamicTest.dynamicTest(m.getName(), () -> {
                List<String> expected = List.of(m.getAnnotation(Expect.class).value());
                assertEquals(String.join("\n", expected), String.join("\n", trace.apply(m)), name + "#" + m.getName());
            }));
        }
        return DynamicContainer.dynamicContainer(c.getSimpleName(), tests);
    }
}
