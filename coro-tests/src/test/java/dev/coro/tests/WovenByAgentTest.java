package dev.coro.tests;

import dev.coro.harness.Expect;
import dev.coro.harness.Fork;
import dev.coro.harness.ForkMain;
import dev.coro.harness.Scenarios;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        Map<String, List<String>> traces = parse(out.stdout());
        List<DynamicNode> nodes = new ArrayList<>();
        for (String name : Scenarios.fixtureClasses("dev.coro.fixtures")) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader()); // not run here: only read @Expect
            List<DynamicNode> tests = new ArrayList<>();
            for (Method m : Scenarios.of(c)) {
                String key = name + "#" + m.getName();
                tests.add(DynamicTest.dynamicTest(m.getName(), () -> {
                    List<String> expected = List.of(m.getAnnotation(Expect.class).value());
                    assertEquals(String.join("\n", expected), String.join("\n", traces.getOrDefault(key, List.of("<not run>"))), key);
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer(c.getSimpleName(), tests));
        }
        return nodes;
    }

    private static Map<String, List<String>> parse(String stdout) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : stdout.split("\n", -1)) {
            if (line.startsWith("### ")) {
                current = new ArrayList<>();
                out.put(line.substring(4), current);
            } else if (current != null && !line.isEmpty()) {
                current.add(line.replace("\\n", "\n").replace("\\\\", "\\"));
            }
        }
        return out;
    }
}
