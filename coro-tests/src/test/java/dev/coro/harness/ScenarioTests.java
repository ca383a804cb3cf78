package dev.coro.harness;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A fixture class's scenarios as JUnit dynamic tests, run in this JVM against their {@link Expect} traces. */
public final class ScenarioTests {
    private ScenarioTests() {}

    /** One container named for {@code c}, one test per scenario; {@code name} labels failures. */
    public static DynamicNode of(Class<?> c, String name) {
        List<DynamicNode> tests = new ArrayList<>();
        for (Method m : Scenarios.of(c)) {
            tests.add(DynamicTest.dynamicTest(m.getName(), () -> {
                List<String> expected = List.of(m.getAnnotation(Expect.class).value());
                assertEquals(String.join("\n", expected), String.join("\n", Scenarios.run(m)), name + "#" + m.getName());
            }));
        }
        return DynamicContainer.dynamicContainer(c.getSimpleName(), tests);
    }
}
