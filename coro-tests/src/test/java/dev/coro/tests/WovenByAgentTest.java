package dev.coro.tests;

import dev.coro.harness.Fork;
import dev.coro.harness.ForkMain;
import dev.coro.harness.ScenarioTests;
import dev.coro.harness.Scenarios;
import dev.coro.testkit.TraceLines;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every fixture scenario, woven by the real agent jar in a forked JVM ({@code java -javaagent:...}),
 * on the JDK running the tests (JDK 25 too, under the jdk25 profile). The JVM verifies every class it
 * loads ({@code -Xverify:all}: the JDK's own too, not only the application's, which it always checks).
 */
class WovenByAgentTest {

    @TestFactory
    List<DynamicNode> onThisJdk() throws Exception {
        return runAll(null);
    }

    private List<DynamicNode> runAll(String javaHome) throws Exception {
        Fork.Output out = Fork.run(javaHome, List.of("-Xverify:all", "-javaagent:" + Fork.agentJar()), Fork.testClasspath(),
                ForkMain.class.getName(), "dev.coro.fixtures");
        assertEquals("", out.stderr(), "the agent reported problems");
        assertEquals(0, out.exitCode(), out.stdout());
        Map<String, List<String>> traces = TraceLines.parse(out.stdout());
        List<DynamicNode> nodes = new ArrayList<>();
        for (String name : Scenarios.fixtureClasses("dev.coro.fixtures")) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader()); // not run here: only read @Expect
            nodes.add(ScenarioTests.of(c, name, m -> traces.getOrDefault(name + "#" + m.getName(), List.of("<not run>"))));
        }
        return nodes;
    }
}
