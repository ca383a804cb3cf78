package dev.coro.tests;

import dev.coro.harness.DirectoryClassLoader;
import dev.coro.harness.ScenarioTests;
import dev.coro.harness.Scenarios;
import dev.coro.weaver.Weaver;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fixture scenario as woven at build time: this module's build copies the compiled fixtures
 * to {@code target/plugin-woven} and runs {@code coro:weave-tests} over the copy (see the pom), as a
 * user's build would. The classes are loaded from there as they are; nothing weaves in this JVM.
 */
class WovenByPluginTest {
    private static final String PKG = "dev/coro/fixtures/";

    private static Path wovenDir() {
        String dir = System.getProperty("coro.plugin.woven");
        if (dir == null || dir.isBlank() || dir.startsWith("${")) {
            throw new IllegalStateException("system property coro.plugin.woven is not set: run the tests with Maven");
        }
        return Path.of(dir);
    }

    private static Path compiledDir() throws Exception {
        return Path.of(WovenByPluginTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void thePluginWoveExactlyTheClassesWithCoroutines() throws Exception {
        Path woven = wovenDir().resolve(PKG);
        Path compiled = compiledDir().resolve(PKG);
        List<String> names;
        try (Stream<Path> s = Files.list(compiled)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class")).sorted().toList();
        }
        int changed = 0;
        for (String n : names) {
            byte[] before = Files.readAllBytes(compiled.resolve(n));
            byte[] after = Files.readAllBytes(woven.resolve(n));
            if (Weaver.needsWeaving(before)) {
                assertFalse(Arrays.equals(before, after), n + " was not rewritten");
                assertFalse(Weaver.needsWeaving(after), n + " carries no woven marker");
                changed++;
            } else {
                assertArrayEquals(before, after, n + " has no coroutine, yet was rewritten");
            }
        }
        assertTrue(changed >= 30, "only " + changed + " fixture classes woven by the plugin");
    }

    @TestFactory
    List<DynamicNode> fixtures() throws Exception {
        DirectoryClassLoader loader = new DirectoryClassLoader(getClass().getClassLoader(), wovenDir(),
                "dev.coro.fixtures.");
        List<DynamicNode> out = new ArrayList<>();
        for (String name : Scenarios.fixtureClasses("dev.coro.fixtures")) {
            Class<?> c = Class.forName(name, true, loader);
            assertEquals(loader, c.getClassLoader(), name + " must come from the plugin's output");
            out.add(ScenarioTests.of(c, name));
        }
        return out;
    }
}
