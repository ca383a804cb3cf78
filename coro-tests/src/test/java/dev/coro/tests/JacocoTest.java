package dev.coro.tests;

import dev.coro.harness.Fork;
import dev.coro.testkit.ClassFiles;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.OfflineInstrumentationAccessGenerator;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Real JaCoCo over a woven coroutine: with coro's agent before and after JaCoCo's on the command line,
 * and over classes woven at build time by the plugin, measured by JaCoCo's agent or instrumented
 * offline after weaving (as {@code jacoco:instrument} does), on JDK 17 and 25. The body's lines are reported
 * as they would be for the same code in a plain method: run, not run, or a branch taken one way.
 */
class JacocoTest {
    private static final String TARGET = "dev.coro.fixtures.CoveredTarget";

    static Stream<Arguments> modes() {
        List<Arguments> out = new ArrayList<>();
        String home = System.getProperty("java.home"); // JDK 25 too: the jdk25 profile runs the tests again there
        for (String mode : new String[] {"coro agent first", "jacoco agent first", "woven by the plugin",
                "woven by the plugin, instrumented offline"}) {
            out.add(Arguments.of(mode, home));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("modes")
    void theBodysLinesAreCoveredAsAPlainMethodsWouldBe(String mode, String javaHome, @TempDir Path dir)
            throws Exception {
        Path exec = dir.resolve("jacoco.exec");
        String jacocoJar = System.getProperty("coro.jacoco.agent.jar");
        String jacoco = "-javaagent:" + jacocoJar + "=destfile=" + exec + ",includes=" + TARGET + "*";
        String coro = "-javaagent:" + Fork.agentJar();
        boolean plugin = mode.startsWith("woven by the plugin");
        boolean offline = mode.endsWith("offline");
        Path woven = Path.of(System.getProperty("coro.plugin.woven"), TARGET.replace('.', '/') + ".class");
        List<String> jvm = switch (mode) {
            case "coro agent first" -> List.of(coro, jacoco);
            case "jacoco agent first" -> List.of(jacoco, coro);
            case "woven by the plugin" -> List.of(jacoco);
            default -> List.of("-Djacoco-agent.destfile=" + exec); // offline: JaCoCo's runtime on the class path
        };
        String cp = (plugin ? System.getProperty("coro.plugin.woven") + File.pathSeparator : "") + Fork.testClasspath();
        if (offline) {
            // jacoco:instrument after coro:weave: the woven class file, instrumented, first on the class path
            Path instrumented = dir.resolve("instrumented");
            Path target = instrumented.resolve(TARGET.replace('.', '/') + ".class");
            Files.createDirectories(target.getParent());
            Files.write(target, new Instrumenter(new OfflineInstrumentationAccessGenerator())
                    .instrument(Files.readAllBytes(woven), TARGET));
            cp = instrumented + File.pathSeparator + cp + File.pathSeparator + jacocoJar;
        }
        Fork.Output out = Fork.run(javaHome, jvm, cp, TARGET);
        assertEquals(0, out.exitCode(), out.stderr());
        assertEquals("small 7", out.stdout().trim());
        assertEquals("", out.stderr().trim());

        // the report reads the class files the build has: the compiled ones, or the plugin's woven ones
        byte[] classFile;
        if (plugin) {
            classFile = Files.readAllBytes(woven);
        } else {
            classFile = ClassFiles.bytesOf(getClass().getClassLoader(), TARGET);
        }
        ExecFileLoader loader = new ExecFileLoader();
        loader.load(exec.toFile());
        CoverageBuilder coverage = new CoverageBuilder();
        new Analyzer(loader.getExecutionDataStore(), coverage).analyzeClass(classFile, TARGET);
        IClassCoverage c = coverage.getClasses().iterator().next();
        List<String> lines = new ArrayList<>();
        for (int line = 11; line <= 20; line++) lines.add(line + " " + status(c.getLine(line).getStatus()));
        assertEquals(List.of(
                "11 covered",      // int sum = 0;
                "12 covered",      // for (...; i < limit; ...): both ways
                "13 covered",      // int x = Yield.value(sum);
                "14 covered",      // sum += x;
                "15 empty",
                "16 partly",       // if (sum > 1000): only false
                "17 missed",       // String big = "big";
                "18 missed",       // return Yield.done(big);
                "19 empty",
                "20 covered"),     // return Yield.done("small " + sum);
                lines);
        assertEquals(0, coverage.getNoMatchClasses().size(), "execution data that does not match the class file");
    }

    private static String status(int s) {
        return switch (s) {
            case ICounter.EMPTY -> "empty";
            case ICounter.NOT_COVERED -> "missed";
            case ICounter.FULLY_COVERED -> "covered";
            default -> "partly";
        };
    }
}
