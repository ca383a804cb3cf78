package dev.coro.fuzz;

import dev.coro.Coro;
import dev.coro.fuzz.lib.Fz;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles many generated sources in one in-process javac task (one task per batch is much cheaper
 * than one per program), against coro-api and the test classes (the fuzzer's lib and ref packages).
 */
final class BatchCompiler {
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    private final List<File> classpath;

    BatchCompiler() {
        classpath = List.of(locationOf(Coro.class), locationOf(Fz.class));
    }

    /** A source to compile: the binary name of its class and its text. */
    record Unit(String binaryName, String source) {}

    /**
     * Compiles {@code units} into {@code out}. Returns the error messages by binary name (empty when
     * all compiled; javac writes no class files at all when any unit has an error), under {@code "?"}
     * when they belong to no unit (javac crashed).
     */
    Map<String, List<String>> compile(List<Unit> units, Path out) throws IOException {
        files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
        files.setLocation(StandardLocation.CLASS_PATH, classpath);
        List<JavaFileObject> sources = new ArrayList<>();
        for (Unit u : units) sources.add(new Source(u));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        boolean ok;
        try {
            ok = javac.getTask(null, files, diagnostics, List.of("-g", "-nowarn", "-proc:none", "-implicit:none", "-Xlint:none"),
                    null, sources).call();
        } catch (RuntimeException crash) { // javac's own bugs: the caller finds the unit by compiling each alone
            errors.put("?", List.of("javac crashed: " + crash + (crash.getCause() == null ? "" : " (" + crash.getCause() + ")")));
            return errors;
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            String name = d.getSource() instanceof Source ? ((Source) d.getSource()).unit.binaryName() : "?";
            errors.computeIfAbsent(name, k -> new ArrayList<>())
                    .add("line " + d.getLineNumber() + ": " + d.getMessage(null));
        }
        if (!ok && errors.isEmpty()) errors.put("?", List.of("javac failed without an error diagnostic"));
        return errors;
    }

    private static File locationOf(Class<?> c) {
        try {
            return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        final Unit unit;

        Source(Unit unit) {
            super(URI.create("string:///" + unit.binaryName().replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.unit = unit;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return unit.source();
        }
    }
}
