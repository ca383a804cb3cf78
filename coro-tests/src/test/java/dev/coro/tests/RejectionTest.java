package dev.coro.tests;

import dev.coro.harness.ExpectedDiagnostics;
import dev.coro.harness.Fork;
import dev.coro.harness.LoadClasses;
import dev.coro.harness.Scenarios;
import dev.coro.testkit.ClassFiles;
import dev.coro.weaver.ClassHierarchy;
import dev.coro.weaver.Diagnostic;
import dev.coro.weaver.WeaveResult;
import dev.coro.weaver.Weaver;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Each class in {@code dev.coro.rejects} must be rejected with exactly the diagnostics its source
 * marks ({@code // expect-diagnostic: CODE: ...}), with those codes, at those lines, and be left unwoven: by the weaver
 * in-process and by the agent, which prints them to standard error.
 */
class RejectionTest {
    private static final String PKG = "dev.coro.rejects";

    @TestFactory
    List<DynamicTest> weaverRejectsWithTheMarkedDiagnostics() throws Exception {
        Weaver weaver = new Weaver(ClassHierarchy.ofClassLoader(getClass().getClassLoader()));
        List<DynamicTest> out = new ArrayList<>();
        for (String name : Scenarios.fixtureClasses(PKG)) {
            out.add(DynamicTest.dynamicTest(name.substring(PKG.length() + 1), () -> {
                byte[] bytes = ClassFiles.bytesOf(RejectionTest.class.getClassLoader(), name);
                WeaveResult r = weaver.weave(bytes);
                assertEquals(WeaveResult.Status.REJECTED, r.status(), name);
                assertArrayEquals(bytes, r.bytes(), "a rejected class is left as it was");
                assertEquals(expectedLines(name), actualLines(r.diagnostics()), name);
            }));
        }
        assertFalse(out.isEmpty(), "no rejection fixtures found");
        return out;
    }

    @Test
    void agentPrintsEachDiagnosticAndLeavesTheClassUnwoven() throws Exception {
        List<String> names = Scenarios.fixtureClasses(PKG);
        Fork.Output out = Fork.run(null, List.of("-javaagent:" + Fork.agentJar()), Fork.testClasspath(),
                LoadClasses.class.getName(), names.toArray(new String[0]));
        assertEquals(0, out.exitCode(), out.stderr());
        List<String> expected = new ArrayList<>();
        for (String name : names) {
            for (ExpectedDiagnostics.Expected e : ExpectedDiagnostics.of(name)) {
                expected.add("coro: " + simpleFile(name) + ":" + e.line() + ": " + e.message());
            }
            expected.add("coro: " + name + " was left unwoven");
        }
        List<String> actual = new ArrayList<>();
        for (String line : out.stderr().split("\n")) {
            if (line.isBlank()) continue;
            // drop the "Class.method(): " part, checked exactly by the in-process test
            actual.add(line.replaceFirst("^(coro: [^:]+:\\d+: )\\S+\\(\\): ", "$1"));
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    private static List<String> expectedLines(String className) throws Exception {
        List<String> out = new ArrayList<>();
        for (ExpectedDiagnostics.Expected e : ExpectedDiagnostics.of(className)) {
            out.add(simpleFile(className) + ":" + e.line() + ": " + e.code() + ": " + e.message());
        }
        return out;
    }

    private static List<String> actualLines(List<Diagnostic> ds) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : ds) {
            // the formatted form names class and method: File.java:12: pkg.C.m(): message
            String prefix = d.sourceFile() + ":" + d.line() + ": " + d.className() + "." + d.methodName() + "(): ";
            assertEquals(prefix + d.message(), d.format());
            out.add(d.sourceFile() + ":" + d.line() + ": " + d.code() + ": " + d.message());
        }
        return out;
    }

    private static String simpleFile(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple + ".java";
    }
}
