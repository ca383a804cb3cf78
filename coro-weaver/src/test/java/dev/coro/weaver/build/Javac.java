package dev.coro.weaver.build;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compiles small sources into a directory, against this test's classpath (which holds coro-api). */
final class Javac {
    private Javac() {}

    /** @param sources file name (e.g. {@code p/Gen.java}) to source text */
    static void compile(Path out, Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(URI.create("string:///" + name),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        StringWriter errors = new StringWriter();
        List<String> options = List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "17", "-proc:none");
        if (!javac.getTask(errors, null, null, options, null, units).call()) {
            throw new AssertionError("compilation failed:\n" + errors);
        }
    }
}
