package dev.coro.harness;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds fixture classes and their {@link Expect} scenarios, and runs one. */
public final class Scenarios {
    private Scenarios() {}

    /** The top-level classes of {@code pkg} under the test-classes directory (nested ones load with them). */
    public static List<String> fixtureClasses(String pkg) throws IOException {
        Path dir = Path.of(System.getProperty("coro.testClasses", "target/test-classes"), pkg.replace('.', '/'));
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .sorted()
                    .forEach(n -> out.add(pkg + "." + n.substring(0, n.length() - ".class".length())));
        }
        return out;
    }

    /** The scenario methods of {@code c}, in name order. */
    public static List<Method> of(Class<?> c) {
        List<Method> out = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Expect.class) && Modifier.isStatic(m.getModifiers())) out.add(m);
        }
        out.sort(Comparator.comparing(Method::getName));
        return out;
    }

    /** Runs one scenario; an exception escaping it becomes the trace line {@code escaped !Type: message}. */
    public static List<String> run(Method scenario) {
        Trace t = new Trace();
        try {
            scenario.setAccessible(true);
            scenario.invoke(null, t);
        } catch (InvocationTargetException e) {
            t.log("escaped " + Trace.describe(e.getCause()));
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        return t.lines();
    }
}
