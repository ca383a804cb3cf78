package dev.coro.tests;

import dev.coro.harness.ScenarioTests;
import dev.coro.harness.Scenarios;
import dev.coro.harness.WeavingClassLoader;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

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
            out.add(ScenarioTests.of(Class.forName(name, true, loader), name));
        }
        assertEquals(List.of(), loader.diagnostics(), "no fixture may be rejected");
        return out;
    }
}
