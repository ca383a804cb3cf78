package dev.coro.tests;

import dev.coro.harness.Expect;
import dev.coro.harness.Scenarios;
import dev.coro.harness.WeavingClassLoader;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every fixture scenario, woven in-process by a weaving class loader, against its expected trace. */
class WovenInProcessTest {

    @TestFactory
    List<DynamicNode> fixtures() throws Exception {
        WeavingClassLoader loader = new WeavingClassLoader(getClass().getClassLoader(), "dev.coro.fixtures.");
        List<DynamicNode> out = new ArrayList<>();
        for (String name : Scenarios.fixtureClasses("dev.coro.fixtures")) {
            Class<?> c = Class.forName(name, true, loader);
            List<DynamicNode> tests = new ArrayList<>();
            for (Method m : Scenarios.of(c)) {
                tests.add(DynamicTest.dynamicTest(m.getName(), () -> {
                    List<String> expected = List.of(m.getAnnotation(Expect.class).value());
                    assertEquals(String.join("\n", expected), String.join("\n", Scenarios.run(m)),
                            name + "#" + m.getName());
                }));
            }
            out.add(DynamicContainer.dynamicContainer(c.getSimpleName(), tests));
        }
        assertEquals(List.of(), loader.diagnostics(), "no fixture may be rejected");
        return out;
    }
}
