package dev.coro.testkit;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JDK's javac, in-process, for tests that compile sources of their own: every call names its
 * output directory, class path and options, and a failed compilation is an {@link AssertionError}
 * carrying javac's messages.
 */
public final class Javac {
    private Javac() {}

    /** The class path of the JVM running the tests (which holds coro-api in every module but coro-api's own). */
    public static String testClasspath() {
        return System.getProperty("java.class.path");
    }

    /** {@code parts} joined with the platform's path separator. */
    public static String classpath(Path... parts) {
        List<String> s = new ArrayList<>();
        for (Path p : parts) s.add(p.toString());
        return String.join(File.pathSeparator, s);
    }

    /** Compiles {@code files} into {@code out} against {@code classpath}, with {@code options} before them. */
    public static void compile(Path out, String classpath, List<String> options, List<Path> files) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            if (!javac.getTask(messages, fm, null, arguments(out, classpath, options), null, units).call()) {
                throw new AssertionError("compilation failed:\n" + messages);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles every {@code .java} file under {@code sources} (in name order) into {@code out}. */
    public static void compileTree(Path sources, Path out, String classpath, List<String> options) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        compile(out, classpath, options, files);
    }

    /** {@link #compileSources(Path, String, List, Map)} against the test class path, for Java 17, without annotation processing. */
    public static void compileSources(Path out, Map<String, String> sources) {
        compileSources(out, testClasspath(), List.of("--release", "17", "-proc:none"), sources);
    }

    /** Compiles sources held in memory, by file name ({@code p/Gen.java}) to text, into {@code out}. */
    public static void compileSources(Path out, String classpath, List<String> options, Map<String, String> sources) {
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(URI.create("string:///" + name),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        StringWriter messages = new StringWriter();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (!javac.getTask(messages, null, null, arguments(out, classpath, options), null, units).call()) {
            throw new AssertionError("compilation failed:\n" + messages);
        }
    }

    private static List<String> arguments(Path out, String classpath, List<String> options) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", classpath));
        args.addAll(options);
        return args;
    }
}
