package dev.coro.tests;

import dev.coro.Coro;
import dev.coro.harness.Fork;
import dev.coro.harness.Trace;
import dev.coro.harness.WeavingClassLoader;
import dev.coro.testkit.ClassFiles;
import dev.coro.testkit.Javac;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same source compiled with {@code --release 8, 11, 17} (and 21 and 25 when the tests run on
 * JDK 25) gives class files of versions 52 to 69; each is woven and runs the same trace.
 */
class ClassVersionsTest {
    @TempDir
    Path out;

    @TestFactory
    List<DynamicTest> everyReleaseFrom8Up() {
        int jdk = Runtime.version().feature();
        List<Integer> releases = new ArrayList<>(List.of(8, 11, 17));
        if (jdk >= 21) releases.add(21);
        if (jdk >= 25) releases.add(25);
        List<DynamicTest> tests = new ArrayList<>();
        for (int release : releases) {
            tests.add(DynamicTest.dynamicTest("--release " + release, () -> run(release)));
        }
        return tests;
    }

    private void run(int release) throws Exception {
        Path classes = Files.createDirectories(out.resolve("r" + release));
        Path src = Path.of("src/test/resources/versioned/v/Gen.java");
        Javac.compile(classes, Fork.apiJar().toString(), List.of("--release", String.valueOf(release), "-g", "-nowarn"),
                List.of(src));
        assertEquals(release + 44, ClassFiles.majorVersion(Files.readAllBytes(classes.resolve("v/Gen.class"))),
                "class file version");

        WeavingClassLoader loader = new WeavingClassLoader(getClass().getClassLoader(), classes, "v.");
        Class<?> gen = Class.forName("v.Gen", true, loader);
        assertEquals(List.of("v.Gen"), loader.wovenClasses());
        Method mix = gen.getDeclaredMethod("mix", List.class, boolean.class);
        mix.setAccessible(true);

        Trace t = new Trace();
        List<String> log = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Coro<Object, String, String> c = (Coro<Object, String, String>) mix.invoke(null, log, true);
        t.next(c);
        t.send(c, "ab");
        t.send(c, null);
        t.send(c, "xyz");
        t.log(log);
        @SuppressWarnings("unchecked")
        Coro<Object, String, String> d = (Coro<Object, String, String>) mix.invoke(null, log, false);
        t.next(d);
        t.send(d, "stop");
        t.log(log);
        assertEquals(List.of(
                "next -> Cat:0:1099511627776",
                "send ab -> Cat:2:1099511627778",
                "send null -> Cat:4:1099511627778",
                "send xyz !StopIteration(seen [ab, xyz] total 1099511627781)",
                "[finally [ab, xyz]]",
                "next -> Dog:0:1099511627776",
                "send stop !StopIteration(stopped at 0)",
                "[finally [ab, xyz], finally []]"), t.lines());
    }
}
