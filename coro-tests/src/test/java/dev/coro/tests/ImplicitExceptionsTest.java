package dev.coro.tests;

import dev.coro.Coro;
import dev.coro.harness.WeavingClassLoader;
import dev.coro.testkit.Javac;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many coroutine types in one long-running JVM, each hot enough to be compiled, each throwing one
 * implicit exception: every one keeps its message and its stack trace, as the same bodies written
 * as plain methods do. (HotSpot compiles a throw it thinks is hot to a preallocated exception with
 * neither; a driver shared by every coroutine type, with an exception handler, used to make it think
 * so for bodies that had never thrown.)
 */
class ImplicitExceptionsTest {
    private static final int TYPES = 2000;
    private static final int WARM = 3000;

    @Test
    void everyBodyKeepsTheMessageOfItsOneImplicitException(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/gen");
        Files.createDirectories(src);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < TYPES; i++) {
            Path f = src.resolve("G" + i + ".java");
            Files.writeString(f, "package gen;\n"
                    + "import dev.coro.*;\n"
                    + "public class G" + i + " {\n"
                    + "    @Coroutine public static Coro<Integer, Integer, Void> gen() {\n"
                    + "        int acc = " + i + ";\n"
                    + "        while (true) {\n"
                    + "            int d = Yield.<Integer>value(acc);\n"
                    + "            acc += 1000 / d;\n"                          // line 8
                    + "        }\n"
                    + "    }\n"
                    + "}\n");
            files.add(f);
        }
        Path out = dir.resolve("classes");
        Javac.compile(out, Path.of(Coro.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                List.of("-g", "-nowarn", "-proc:none"), files);

        WeavingClassLoader loader = new WeavingClassLoader(getClass().getClassLoader(), out, "gen.");
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < TYPES; i++) {
            @SuppressWarnings("unchecked")
            Coro<Integer, Integer, Void> c = (Coro<Integer, Integer, Void>) loader.loadClass("gen.G" + i)
                    .getMethod("gen").invoke(null);
            c.next();
            for (int k = 0; k < WARM; k++) c.send(1 + (k & 7));
            try {
                c.send(0);
                lost.add("G" + i + ": no exception");
            } catch (ArithmeticException e) {
                StackTraceElement[] st = e.getStackTrace();
                String top = st.length == 0 ? "no stack trace" : st[0].toString();
                if (!"/ by zero".equals(e.getMessage()) || !top.equals("gen.G" + i + ".gen(G" + i + ".java:8)")) {
                    lost.add("G" + i + ": " + e.getMessage() + " at " + top);
                }
            }
        }
        assertTrue(lost.isEmpty(), lost.size() + " of " + TYPES + " lost their message: " + lost);
    }
}
