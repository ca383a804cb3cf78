package dev.coro.tests;

import dev.coro.harness.ScenarioTests;
import dev.coro.harness.Fork;
import dev.coro.harness.WeavingClassLoader;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture corpus compiled by other compilers and for other class file versions, woven and run
 * against the same expected traces: javac {@code --release 8} and {@code 11} (the fixtures that are
 * Java 8/11 source), {@code 21} and {@code 25} when the tests run on JDK 25, and the Eclipse
 * compiler (ECJ), whose bytecode shapes differ from javac's, at {@code --release 8}, {@code 17} and
 * (on JDK 21+) {@code 21}. (Release 17 is the build's own.) The fixtures in {@code src/test/java21}
 * need Java 21 source (record patterns): only the release 21+ variants compile them.
 */
class CompilerMatrixTest {
    private static final Path FIXTURES = Path.of("src/test/java/dev/coro/fixtures");
    private static final List<Path> HARNESS = List.of(Path.of("src/test/java/dev/coro/harness/Expect.java"),
            Path.of("src/test/java/dev/coro/harness/Trace.java"), Path.of("src/test/java/dev/coro/harness/Peek.java"),
            Path.of("src/test/java/dev/coro/fixtures/other/Factory.java"),
            Path.of("src/test/java/dev/coro/fixtures/other/Hidden.java"));

    private static final Path FUZZ_LIB = Path.of("src/test/java/dev/coro/fuzz/lib");
    private static final Path JAVA21_FIXTURES = Path.of("src/test/java21/dev/coro/fixtures");

    @TempDir
    Path out;

    @TestFactory
    List<DynamicNode> matrix() throws Exception {
        int jdk = Runtime.version().feature();
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(variant("javac --release 8", "r8", 52, (files, dir) -> javac(8, files, dir), true));
        nodes.add(variant("javac --release 11", "r11", 55, (files, dir) -> javac(11, files, dir), true));
        if (jdk >= 21) nodes.add(variant("javac --release 21", "r21", 65, (files, dir) -> javac(21, files, dir), false));
        if (jdk >= 25) nodes.add(variant("javac --release 25", "r25", 69, (files, dir) -> javac(25, files, dir), false));
        nodes.add(variant("ecj -17", "ecj", 61, (files, dir) -> ecj("-17", files, dir), false));
        nodes.add(variant("ecj --release 8", "ecj8", 52, (files, dir) -> ecj("--release 8", files, dir), true));
        if (jdk >= 21) {
            nodes.add(variant("ecj --release 21", "ecj21", 65, (files, dir) -> ecj("--release 21", files, dir), false));
        }
        return nodes;
    }

    /** A compiler: compiles {@code files} into {@code dir}; returns its messages, or null on success. */
    private interface Compiler {
        String compile(List<Path> files, Path dir) throws IOException;
    }

    /**
     * @param perFile compile each fixture alone and keep those that compile (the older releases lack
     *     records, switch expressions and the like); otherwise all must compile together
     */
    private DynamicNode variant(String title, String dirName, int major, Compiler compiler, boolean perFile)
            throws Exception {
        Path dir = Files.createDirectories(out.resolve(dirName));
        List<Path> fixtures;
        try (Stream<Path> s = Files.list(FIXTURES)) {
            fixtures = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        List<String> compiled = new ArrayList<>();
        if (perFile) {
            for (Path f : fixtures) {
                Path scratch = Files.createTempDirectory(out, "one");
                List<Path> files = new ArrayList<>(HARNESS);
                files.add(f);
                if (compiler.compile(files, scratch) == null) {
                    copyTree(scratch, dir);
                    compiled.add(f.getFileName().toString());
                }
            }
            assertTrue(compiled.size() >= 5, title + " compiled only " + compiled);
        } else {
            List<Path> files = new ArrayList<>(HARNESS);
            // FuzzFound's fixtures are cut-down generated programs and call the fuzzer's helpers.
            try (Stream<Path> s = Files.list(FUZZ_LIB)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
            if (major >= 65) {
                try (Stream<Path> s = Files.list(JAVA21_FIXTURES)) {
                    fixtures = Stream.concat(fixtures.stream(), s.filter(p -> p.toString().endsWith(".java")).sorted())
                            .toList();
                }
            }
            files.addAll(fixtures);
            String errors = compiler.compile(files, dir);
            assertEquals(null, errors, title + " failed to compile the fixtures");
            fixtures.forEach(f -> compiled.add(f.getFileName().toString()));
        }

        WeavingClassLoader loader = new WeavingClassLoader(getClass().getClassLoader(), dir, "dev.coro.fixtures.");
        List<DynamicNode> tests = new ArrayList<>();
        List<String> unverifiable = new ArrayList<>();
        for (String file : compiled) {
            String name = "dev.coro.fixtures." + file.substring(0, file.length() - ".java".length());
            byte[] header = Files.readAllBytes(dir.resolve(name.replace('.', '/') + ".class"));
            assertEquals(major, ((header[6] & 0xFF) << 8) | (header[7] & 0xFF), name + " class file version");
            Class<?> c;
            try {
                c = Class.forName(name, true, loader);
            } catch (VerifyError compilerBug) {
                // The compiler's own output does not verify: the weaver must have said so, not woven it.
                unverifiable.add(name);
                continue;
            }
            tests.add(ScenarioTests.of(c, title + " " + name));
        }
        List<String> rejected = new ArrayList<>();
        for (dev.coro.weaver.Diagnostic d : loader.diagnostics()) {
            assertTrue(d.message().startsWith("the method's bytecode does not verify as compiled, before weaving"),
                    title + ": a fixture was rejected: " + d.format());
            rejected.add(d.className());
        }
        assertEquals(unverifiable, rejected.stream().distinct().toList(),
                title + ": exactly the classes the compiler got wrong are rejected, and say why");
        return DynamicContainer.dynamicContainer(title + " (" + compiled.size() + " files)", tests);
    }

    private static String javac(int release, List<Path> files, Path dir) {
        List<String> args = new ArrayList<>(List.of("--release", String.valueOf(release), "-g", "-nowarn",
                "-cp", Fork.apiJar().toString(), "-d", dir.toString()));
        files.forEach(f -> args.add(f.toString()));
        ByteArrayOutputStream msgs = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, msgs, msgs, args.toArray(new String[0]));
        return rc == 0 ? null : msgs.toString();
    }

    private static String ecj(String level, List<Path> files, Path dir) {
        List<String> args = new ArrayList<>(List.of(level.split(" ")));
        args.addAll(List.of("-g", "-nowarn", "-proc:none",
                "-cp", Fork.apiJar().toString(), "-d", dir.toString()));
        files.forEach(f -> args.add(f.toString()));
        StringWriter msgs = new StringWriter();
        boolean ok = BatchCompiler.compile(args.toArray(new String[0]), new PrintWriter(msgs), new PrintWriter(msgs), null);
        return ok ? null : msgs.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
