package dev.coro.bench;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * (F) What {@code -javaagent:coro-agent.jar} adds to the start-up of an application without coroutines
 * that loads many classes: {@code java ... StartupCost AGENT_JAR [RUNS [WARMUPS [CLASSES]]]}.
 *
 * <p>Writes CLASSES (10,000) small class files with ASM into a temporary directory, 100 to a package
 * ({@code p0.C0} ... {@code p99.C9999}: about 1 KB each, a few methods, string constants, a static
 * initialiser that calls back into {@code Main}), and a {@code Main} (compiled with javac) that loads and
 * initialises every one with {@code Class.forName} and checks that each initialiser ran. Then runs, in
 * rounds, {@code java -cp DIR Main}, the same with a no-op agent (a transformer that returns null: what any
 * agent costs the JVM) and with {@code -javaagent:AGENT_JAR}: WARMUPS (2) rounds untimed (the disk cache),
 * then RUNS (10) rounds, each of the three going first, second and third in turn; times each process from
 * start to exit. Prints one JSON line: median, p25 and p75 of each, the added percentage (median with
 * coro's agent ÷ median without − 1), the median of the rounds' ratios, the no-op agent's added
 * percentage, and Main's own time to load the classes. The child JVMs are this JVM's {@code java}, with
 * default flags; a child that prints anything else than Main's line (a coro diagnostic) fails the run.
 */
public final class StartupCost {
    private StartupCost() {}

    static final int PER_PACKAGE = 100;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: StartupCost AGENT_JAR [RUNS [WARMUPS [CLASSES]]]");
            System.exit(2);
        }
        Path agent = Path.of(args[0]).toAbsolutePath();
        if (!Files.isRegularFile(agent)) throw new IllegalArgumentException("no agent jar at " + agent);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int classes = args.length > 3 ? Integer.parseInt(args[3].replace("_", "")) : 10_000;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Path dir = Files.createTempDirectory("coro-startup-");
        try {
            Path app = Files.createDirectories(dir.resolve("app"));
            long bytes = writeApp(app, classes);
            Path noop = writeNoopAgent(Files.createDirectories(dir.resolve("noop")));
            String n = Integer.toString(classes);
            List<List<String>> commands = List.of(
                    List.of(java, "-cp", app.toString(), "Main", n),
                    List.of(java, "-javaagent:" + noop, "-cp", app.toString(), "Main", n),
                    List.of(java, "-javaagent:" + agent, "-cp", app.toString(), "Main", n));
            int k = commands.size();
            for (int i = 0; i < warmups; i++) {
                for (List<String> c : commands) run(c, classes);
            }
            Run[][] runsOf = new Run[k][runs];
            for (int i = 0; i < runs; i++) {
                for (int j = 0; j < k; j++) {
                    int which = (i + j) % k; // each goes first, second and third in turn
                    runsOf[which][i] = run(commands.get(which), classes);
                }
            }
            double[] without = wall(runsOf[0]), noopAgent = wall(runsOf[1]), with = wall(runsOf[2]);
            double[] ratios = new double[runs];
            for (int i = 0; i < runs; i++) ratios[i] = with[i] / without[i];
            double medWithout = quantile(without, 0.5);
            System.out.println(String.format(Locale.ROOT,
                    "{\"classes\": %d, \"classBytes\": %d, \"runs\": %d, \"warmups\": %d, \"withoutAgent\": %s,"
                            + " \"noopAgent\": %s, \"withAgent\": %s, \"addedPercent\": %.2f, \"pairedAddedPercent\": %.2f,"
                            + " \"noopAddedPercent\": %.2f, \"agentJar\": \"%s\", \"jdk\": \"%s\"}",
                    classes, bytes, runs, warmups, stats(runsOf[0]), stats(runsOf[1]), stats(runsOf[2]),
                    (quantile(with, 0.5) / medWithout - 1) * 100, (quantile(ratios, 0.5) - 1) * 100,
                    (quantile(noopAgent, 0.5) / medWithout - 1) * 100, agent.getFileName(), Runtime.version()));
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double[] wall(Run[] runs) {
        return Arrays.stream(runs).mapToDouble(Run::wallMs).toArray();
    }

    private record Run(double wallMs, double loadMs) {}

    /** One process: its wall time, and the time Main says loading the classes took. */
    private static Run run(List<String> command, int classes) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        long start = System.nanoTime();
        Process p = pb.start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        int exit = p.waitFor();
        long nanos = System.nanoTime() - start;
        String text = new String(out, StandardCharsets.UTF_8).trim();
        String[] lines = text.split("\n");
        String last = lines[lines.length - 1].trim();
        // Main prints "loaded N, checksum C, load ms T"; the agent must say nothing (no diagnostics)
        if (exit != 0 || lines.length != 1 || !last.startsWith("loaded " + classes + ",")) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ", printing:\n" + text);
        }
        double loadMs = Double.parseDouble(last.substring(last.lastIndexOf(' ') + 1));
        return new Run(nanos / 1e6, loadMs);
    }

    /** Wall time (median, p25, p75, every sample) and Main's own time to load the classes (median). */
    private static String stats(Run[] runs) {
        double[] ms = wall(runs);
        double[] load = Arrays.stream(runs).mapToDouble(Run::loadMs).toArray();
        return String.format(Locale.ROOT, "{\"medianMs\": %.1f, \"p25Ms\": %.1f, \"p75Ms\": %.1f, \"loadMedianMs\": %.1f,"
                        + " \"samplesMs\": [%s]}",
                quantile(ms, 0.5), quantile(ms, 0.25), quantile(ms, 0.75), quantile(load, 0.5),
                Arrays.stream(ms).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.joining(", ")));
    }

    /** Linear interpolation between order statistics (Python's statistics.quantiles, method="inclusive"). */
    static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }

    // ------------------------------------------------------------------ the application

    private static final String MAIN = String.join("\n",
            "public class Main {",
            "    static long checksum;",
            "    static int count;",
            "",
            "    public static void record(int value) {",
            "        checksum += value;",
            "        count++;",
            "    }",
            "",
            "    public static void main(String[] args) throws Exception {",
            "        int n = Integer.parseInt(args[0]);",
            "        long start = System.nanoTime();",
            "        for (int i = 0; i < n; i++) {",
            "            Class.forName(\"p\" + (i / " + PER_PACKAGE + ") + \".C\" + i);",
            "        }",
            "        long nanos = System.nanoTime() - start;",
            "        if (count != n) throw new AssertionError(count + \" of \" + n + \" classes initialised\");",
            "        System.out.println(\"loaded \" + count + \", checksum \" + checksum + \", load ms \" + nanos / 1000000.0);",
            "    }",
            "}",
            "");

    /** Writes the classes and Main into {@code dir}; returns the classes' total size in bytes. */
    static long writeApp(Path dir, int classes) throws IOException {
        long bytes = 0;
        for (int i = 0; i < classes; i++) {
            String pkg = "p" + (i / PER_PACKAGE);
            byte[] b = smallClass(pkg + "/C" + i, i);
            Path file = dir.resolve(pkg).resolve("C" + i + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, b);
            bytes += b.length;
        }
        compile(dir, "Main", MAIN);
        return bytes;
    }

    private static final String NOOP_AGENT = String.join("\n",
            "public class NoopAgent {",
            "    public static void premain(String args, java.lang.instrument.Instrumentation inst) {",
            "        inst.addTransformer(new java.lang.instrument.ClassFileTransformer() {",
            "            @Override",
            "            public byte[] transform(ClassLoader loader, String name, Class<?> redefined,",
            "                    java.security.ProtectionDomain domain, byte[] classFile) {",
            "                return null;",
            "            }",
            "        }, false);",
            "    }",
            "}",
            "");

    /**
     * A jar holding an agent whose transformer returns null at once: what any {@code ClassFileTransformer}
     * costs the JVM (every class's bytes handed to Java, shared-archive classes' bytes read back), which
     * coro's agent pays too before its own constant-pool scan.
     */
    static Path writeNoopAgent(Path dir) throws IOException {
        compile(dir, "NoopAgent", NOOP_AGENT);
        Path jar = dir.resolve("noop-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "NoopAgent");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class")).sorted()::iterator) {
                out.putNextEntry(new JarEntry(f.getFileName().toString()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** javac --release 8 NAME.java into dir (the source deleted afterwards). */
    private static void compile(Path dir, String name, String source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("StartupCost needs a JDK, not a JRE: no system Java compiler");
        Path src = dir.resolve(name + ".java");
        Files.writeString(src, source);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, "--release", "8", "-nowarn", "-d", dir.toString(), src.toString());
        Files.delete(src);
        if (rc != 0) throw new IllegalStateException("javac " + name + ".java failed:\n" + err.toString(StandardCharsets.UTF_8));
    }

    /**
     * {@code public class NAME implements IntSupplier}: a constant, a static field set by a static
     * initialiser (which also calls {@code Main.record}), a constructor and three small methods. No
     * branches, so ASM's frame computation never needs the class hierarchy.
     */
    static byte[] smallClass(String name, int seed) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                new String[] {"java/util/function/IntSupplier"});
        cw.visitSource("C" + seed + ".java", null);
        cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "NAME", "Ljava/lang/String;", null,
                name.replace('/', '.')).visitEnd();
        cw.visitField(Opcodes.ACC_STATIC, "value", "I", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PRIVATE, "offset", "I", null, null).visitEnd();

        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitLdcInsn(seed);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, name, "compute", "(I)I", false);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, name, "value", "I");
        mv.visitFieldInsn(Opcodes.GETSTATIC, name, "value", "I");
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "Main", "record", "(I)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(I)V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitFieldInsn(Opcodes.PUTFIELD, name, "offset", "I");
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        // static int compute(int s) { return s * 31 + NAME.length(); }
        mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "compute", "(I)I", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitIntInsn(Opcodes.BIPUSH, 31);
        mv.visitInsn(Opcodes.IMUL);
        mv.visitLdcInsn(name.replace('/', '.'));
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
        mv.visitInsn(Opcodes.IADD);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        // public int getAsInt() { return value + offset; }
        mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "getAsInt", "()I", null, null);
        mv.visitCode();
        mv.visitFieldInsn(Opcodes.GETSTATIC, name, "value", "I");
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, name, "offset", "I");
        mv.visitInsn(Opcodes.IADD);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        // public String toString() { return new StringBuilder(NAME).append('=').append(getAsInt()).toString(); }
        mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "toString", "()Ljava/lang/String;", null, null);
        mv.visitCode();
        mv.visitTypeInsn(Opcodes.NEW, "java/lang/StringBuilder");
        mv.visitInsn(Opcodes.DUP);
        mv.visitLdcInsn(name.replace('/', '.'));
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "(Ljava/lang/String;)V", false);
        mv.visitIntInsn(Opcodes.BIPUSH, '=');
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(C)Ljava/lang/StringBuilder;", false);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, name, "getAsInt", "()I", false);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(I)Ljava/lang/StringBuilder;", false);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        // public static java.util.List<String> describe(int n) { return java.util.Arrays.asList(NAME, String.valueOf(n)); }
        mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "describe", "(I)Ljava/util/List;", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ICONST_2);
        mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        mv.visitInsn(Opcodes.DUP);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitLdcInsn("described " + name.replace('/', '.'));
        mv.visitInsn(Opcodes.AASTORE);
        mv.visitInsn(Opcodes.DUP);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf", "(I)Ljava/lang/String;", false);
        mv.visitInsn(Opcodes.AASTORE);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Arrays", "asList", "([Ljava/lang/Object;)Ljava/util/List;", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        cw.visitEnd();
        return cw.toByteArray();
    }
}
