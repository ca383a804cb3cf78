package dev.coro.bench;

import dev.coro.Coro;
import dev.coro.weaver.ClassHierarchy;
import dev.coro.weaver.WeaveResult;
import dev.coro.weaver.Weaver;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * (F) The class files {@link WeaverBench} feeds the weaver: every class file of the jar (or directory)
 * the benchmarks were loaded from, for the gate; and, for weaving, coroutine classes compiled in this
 * process with {@code javax.tools} from the sources in {@code src/main/resources/dev/coro/bench/corpus}
 * (resources, so the build's coro-maven-plugin never sees them: they stay unwoven).
 */
final class WeaveCorpus {
    /** The corpus sources: generators, consumers, try/finally, switches, Yield.from, yields in constructor arguments. */
    static final List<String> SOURCES = List.of("Generators", "Consumers", "Finally", "Switches", "Delegation",
            "ConstructorArgs");
    static final String PACKAGE = "dev/coro/bench/corpus/";

    /** Internal name to class file, every class javac wrote (nested classes without coroutines too). */
    private final Map<String, byte[]> compiled;
    private final ClassHierarchy hierarchy;

    private WeaveCorpus(Map<String, byte[]> compiled) {
        this.compiled = compiled;
        ClassLoader loader = WeaveCorpus.class.getClassLoader();
        // The benchmark's own loader, as ClassHierarchy.ofClassLoader reads it, behind the compiled classes.
        this.hierarchy = new ClassHierarchy(name -> {
            byte[] b = compiled.get(name);
            if (b != null) return b;
            try (InputStream in = loader.getResourceAsStream(name + ".class")) {
                return in == null ? null : in.readAllBytes();
            }
        });
    }

    /** The class files that mention coroutines, in a fixed order. */
    List<byte[]> coroutineClasses() {
        List<byte[]> out = new ArrayList<>();
        for (byte[] b : compiled.values()) if (Weaver.needsWeaving(b)) out.add(b);
        return out;
    }

    /**
     * A class loader (child of the benchmarks' loader) defining the corpus woven: the self-check runs it,
     * to make sure what {@link WeaverBench} times is a weaving that works.
     */
    ClassLoader wovenLoader() {
        Map<String, byte[]> woven = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : compiled.entrySet()) {
            byte[] b = e.getValue();
            if (Weaver.needsWeaving(b)) {
                WeaveResult r = new Weaver(hierarchy).weave(b);
                if (r.status() != WeaveResult.Status.WOVEN) {
                    throw new IllegalStateException("(F) corpus class " + e.getKey() + " did not weave: " + r.status() + " "
                            + r.diagnostics());
                }
                b = r.bytes();
            }
            woven.put(e.getKey().replace('/', '.'), b);
        }
        return new ClassLoader("coro-weave-corpus", WeaveCorpus.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = woven.get(name);
                if (b == null) throw new ClassNotFoundException(name);
                return defineClass(name, b, 0, b.length);
            }
        };
    }

    ClassHierarchy hierarchy() {
        return hierarchy;
    }

    String describe() {
        List<String> names = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, byte[]> e : compiled.entrySet()) {
            if (!Weaver.needsWeaving(e.getValue())) continue;
            names.add(e.getKey().substring(e.getKey().lastIndexOf('/') + 1));
            bytes += e.getValue().length;
        }
        return String.format("%d coroutine classes (%,d bytes), compiled with javac --release 17 -g: %s", names.size(),
                bytes, String.join(", ", names));
    }

    // ------------------------------------------------------------------ compiling the corpus

    static WeaveCorpus compile() {
        return compile(SOURCES);
    }

    /** The given sources of the corpus directory, compiled. */
    static WeaveCorpus compile(List<String> names) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("(F) needs a JDK, not a JRE: no system Java compiler");
        List<JavaFileObject> sources = new ArrayList<>();
        for (String name : names) {
            String resource = PACKAGE + name + ".java";
            try (InputStream in = WeaveCorpus.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("(F) missing resource " + resource);
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                sources.add(new SimpleJavaFileObject(URI.create("string:///" + resource), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return text;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                String internal = className.replace('.', '/');
                return new SimpleJavaFileObject(URI.create("mem:///" + internal + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        out.put(internal, bytes);
                        return bytes;
                    }
                };
            }
        };
        // compiled against coro-api wherever it is: the benchmarks jar, or coro-api's own jar or directory
        String classpath = location(Coro.class).toString();
        List<String> options = List.of("--release", "17", "-g", "-proc:none", "-nowarn", "-classpath", classpath);
        boolean ok = javac.getTask(null, files, diagnostics, options, null, sources).call();
        if (!ok) {
            StringBuilder sb = new StringBuilder("(F) the weaving corpus does not compile:");
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) sb.append('\n').append(d);
            }
            throw new IllegalStateException(sb.toString());
        }
        Map<String, byte[]> compiled = new TreeMap<>();
        out.forEach((name, bytes) -> compiled.put(name, bytes.toByteArray()));
        return new WeaveCorpus(compiled);
    }

    // ------------------------------------------------------------------ every class of this jar

    /** The jar (or directory) this class was loaded from. */
    static Path thisJar() {
        return location(WeaveCorpus.class);
    }

    private static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("(F) cannot tell where " + c.getName() + " was loaded from", e);
        }
    }

    /** Every {@code .class} entry of {@link #thisJar()}, in the jar's order. */
    static List<byte[]> classFilesOfThisJar() {
        Path where = thisJar();
        List<byte[]> out = new ArrayList<>();
        try {
            if (Files.isDirectory(where)) {
                try (Stream<Path> walk = Files.walk(where)) {
                    for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                        if (p.toString().endsWith(".class")) out.add(Files.readAllBytes(p));
                    }
                }
            } else {
                try (ZipFile zip = new ZipFile(where.toFile())) {
                    for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                        ZipEntry e = en.nextElement();
                        if (e.isDirectory() || !e.getName().endsWith(".class")) continue;
                        try (InputStream in = zip.getInputStream(e)) {
                            out.add(in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("(F) cannot read the class files of " + where, e);
        }
        if (out.isEmpty()) throw new IllegalStateException("(F) no class files in " + where);
        return out;
    }
}
