package dev.coro.fuzz.mutate;

import dev.coro.weaver.ClassHierarchy;
import dev.coro.weaver.Diagnostic;
import dev.coro.weaver.WeaveResult;
import dev.coro.weaver.Weaver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Mutation fuzzing of the weaver (docs/fuzzing.md): real class files (the compiled, unwoven
 * fixtures of coro-tests) truncated, with bytes flipped, or with one field rewritten (the version,
 * a constant pool index or length, access flags, an attribute length, a Code size or exception
 * table offset), each woven. Every outcome must be a diagnostic (a class left alone), or a woven
 * class that loads and passes the JVM's verifier in a throwaway class loader. A failure is a
 * throwable escaping {@link Weaver#weave}, a weave that does not finish, an internal-error
 * diagnostic, or woven output the JVM rejects (ClassFormatError, VerifyError).
 */
public final class MutationFuzzer {
    /**
     * Most CPU time a single weave may take before it counts as a hang: CPU time, not wall-clock time,
     * so that a soak on a loaded machine (or under {@code nice}) does not report a slow weave as a hang.
     */
    static final long WEAVE_TIMEOUT_SECONDS = 20;
    /** Most wall-clock time, for a weave that waits instead of computing. */
    static final long WEAVE_WALL_TIMEOUT_SECONDS = 120;

    private final List<byte[]> corpus;
    private final List<String> corpusNames;
    private final Weaver weaver;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Thread[] workerThread = new Thread[1];
    private ExecutorService worker = newWorker();

    MutationFuzzer(List<String> names, List<byte[]> corpus) {
        this.corpusNames = names;
        this.corpus = corpus;
        this.weaver = new Weaver(ClassHierarchy.ofClassLoader(MutationFuzzer.class.getClassLoader()));
    }

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mutation-fuzzer");
            t.setDaemon(true);
            workerThread[0] = t;
            return t;
        });
    }

    /** The weave's result, or null when it used more than its CPU or wall-clock time. */
    private WeaveResult await(Future<WeaveResult> f, long cpuBefore) throws ExecutionException, InterruptedException {
        long wallEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WEAVE_WALL_TIMEOUT_SECONDS);
        while (true) {
            try {
                return f.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (workerCpu() - cpuBefore > TimeUnit.SECONDS.toNanos(WEAVE_TIMEOUT_SECONDS)
                        || System.nanoTime() > wallEnd) {
                    return null;
                }
            }
        }
    }

    /** The worker thread's CPU time so far in nanoseconds; 0 before it exists. */
    private long workerCpu() {
        Thread t = workerThread[0];
        return t == null ? 0 : Math.max(0, java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(t.getId()));
    }

    /** The unwoven fixture classes of coro-tests, as compiled. */
    static MutationFuzzer overFixtures() throws IOException {
        Path dir;
        try {
            dir = Path.of(MutationFuzzer.class.getResource("/dev/coro/fixtures/Loops.class").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> names = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                names.add(p.getFileName().toString());
                bytes.add(Files.readAllBytes(p));
            }
        }
        return new MutationFuzzer(names, bytes);
    }

    /** Mutant {@code i}'s seed, from the run's. */
    static long mutantSeed(long runSeed, int i) {
        long z = runSeed * 0x9E3779B97F4A7C15L + i;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A mutant: which file, what was done to it, the bytes. */
    record Mutant(long seed, String source, String mutation, byte[] bytes) {}

    Mutant mutant(long seed) {
        Random r = new Random(seed);
        int which = r.nextInt(corpus.size());
        byte[] original = corpus.get(which);
        byte[] b = original.clone();
        String what;
        int kind = r.nextInt(10);
        if (kind < 2) {
            int len = r.nextInt(b.length);
            b = Arrays.copyOf(b, len);
            what = "truncated to " + len + " of " + original.length + " bytes";
        } else if (kind < 5) {
            int n = 1 + r.nextInt(3);
            StringBuilder sb = new StringBuilder("bytes changed:");
            for (int k = 0; k < n; k++) {
                int at = r.nextInt(b.length);
                int old = b[at] & 0xFF;
                b[at] = (byte) (r.nextBoolean() ? old ^ (1 << r.nextInt(8)) : r.nextInt(256));
                sb.append(' ').append(at).append(':').append(old).append("->").append(b[at] & 0xFF);
            }
            what = sb.toString();
        } else {
            List<ClassFileFields.Field> fields = ClassFileFields.of(b);
            ClassFileFields.Field f = fields.get(r.nextInt(fields.size()));
            long old = f.size() == 2 ? ((b[f.offset()] & 0xFF) << 8) | (b[f.offset() + 1] & 0xFF)
                    : ((long) (b[f.offset()] & 0xFF) << 24) | ((b[f.offset() + 1] & 0xFF) << 16)
                            | ((b[f.offset() + 2] & 0xFF) << 8) | (b[f.offset() + 3] & 0xFF);
            int cpCount = ((b[8] & 0xFF) << 8) | (b[9] & 0xFF);
            long max = f.size() == 2 ? 0xFFFF : 0xFFFFFFFFL;
            long v = switch (r.nextInt(8)) {
                case 0 -> 0;
                case 1 -> old + 1;
                case 2 -> old - 1;
                case 3 -> f.kind() == ClassFileFields.Kind.VERSION ? 44 + r.nextInt(30) : cpCount;
                case 4 -> cpCount - 1 - r.nextInt(Math.max(1, cpCount - 1));
                case 5 -> max;
                case 6 -> f.kind() == ClassFileFields.Kind.ACCESS ? old ^ (1 << r.nextInt(16)) : old * 2;
                default -> r.nextLong() & max;
            } & max;
            for (int k = 0; k < f.size(); k++) {
                b[f.offset() + k] = (byte) (v >>> (8 * (f.size() - 1 - k)));
            }
            what = f.kind() + " at " + f.offset() + ": " + old + " -> " + v;
        }
        return new Mutant(seed, corpusNames.get(which), what, b);
    }

    /** Runs mutants {@code 0..count-1} of {@code seed}; returns null when all passed, else a report. */
    String run(long seed, int count, int maxFailures, Path failureDir, PrintStream out) throws IOException {
        long start = System.nanoTime();
        for (int i = 0; i < count && failures.size() < maxFailures; i++) {
            check(mutant(mutantSeed(seed, i)), failureDir);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("mutation fuzz: on JDK %d: %d mutants of %d class files (seed %d) in %.1f s: %s, %d failures%n",
                Runtime.version().feature(), count, corpus.size(), seed, seconds, outcomes, failures.size());
        return failures.isEmpty() ? null : String.join("\n", failures);
    }

    /** Runs one mutant, as printed in a failure. */
    String runOne(long mutantSeed, Path failureDir, PrintStream out) throws IOException {
        check(mutant(mutantSeed), failureDir);
        out.println("mutation fuzz: mutant " + mutantSeed + ": " + outcomes);
        return failures.isEmpty() ? null : String.join("\n", failures);
    }

    /**
     * Runs a mutant given by its edit, not its seed: a seed picks its class file by its place in the
     * corpus, which moves when fixtures are added, while an edit of a named file stays put. The bytes at
     * {@code offset} must still be {@code oldHex}; when the fixture changed, this fails, saying so.
     */
    String runEdit(long seed, String source, int offset, String oldHex, String newHex, Path failureDir)
            throws IOException {
        byte[] b = corpus.get(corpusNames.indexOf(source)).clone();
        byte[] old = java.util.HexFormat.of().parseHex(oldHex);
        if (!Arrays.equals(b, offset, offset + old.length, old, 0, old.length)) {
            return "mutant " + seed + ": " + source + " changed since the soak (no " + oldHex + " at " + offset
                    + "): find the field again in its new layout";
        }
        byte[] replacement = java.util.HexFormat.of().parseHex(newHex);
        System.arraycopy(replacement, 0, b, offset, replacement.length);
        int before = failures.size();
        check(new Mutant(seed, source, "at " + offset + ": " + oldHex + " -> " + newHex, b), failureDir);
        return failures.size() == before ? null : failures.get(failures.size() - 1);
    }

    /**
     * Soak mode outside Maven: {@code -Dcoro.mutate.seed=S -Dcoro.mutate.count=N} (and
     * {@code coro.mutate.maxFailures}, {@code coro.mutate.dir}), the test classes and their class
     * path on the class path. Exits 1 when a mutant failed.
     */
    public static void main(String[] args) throws IOException {
        MutationFuzzer fuzzer = overFixtures();
        String failures = fuzzer.run(Long.getLong("coro.mutate.seed", System.currentTimeMillis()),
                Integer.getInteger("coro.mutate.count", 20000), Integer.getInteger("coro.mutate.maxFailures", 20),
                Path.of(System.getProperty("coro.mutate.dir", "target"), "mutate-failures"), System.out);
        if (failures != null) {
            System.out.println(failures);
            System.exit(1);
        }
        System.exit(0); // a worker stuck in a hang would keep the JVM alive
    }

    Map<String, Integer> outcomes() {
        return outcomes;
    }

    private void count(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    private void check(Mutant m, Path failureDir) throws IOException {
        WeaveResult r;
        long cpuBefore = workerCpu();
        Future<WeaveResult> f = worker.submit(() -> weaver.weave(m.bytes()));
        try {
            r = await(f, cpuBefore);
            if (r == null) {
                f.cancel(true);
                worker.shutdownNow();
                worker = newWorker();
                fail(m, failureDir, "the weave did not finish in " + WEAVE_TIMEOUT_SECONDS + " s of CPU time (or "
                        + WEAVE_WALL_TIMEOUT_SECONDS + " s)");
                return;
            }
        } catch (ExecutionException e) {
            fail(m, failureDir, "a throwable escaped Weaver.weave: " + stackTrace(e.getCause()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        switch (r.status()) {
            case UNTOUCHED, ALREADY_WOVEN -> count(r.status().toString().toLowerCase());
            case REJECTED -> {
                Diagnostic d = r.diagnostics().get(0);
                if (r.diagnostics().stream().anyMatch(x -> x.code() == Diagnostic.Code.INTERNAL_ERROR)) {
                    fail(m, failureDir, "internal error: " + r.diagnostics());
                } else {
                    count("rejected " + d.code());
                }
            }
            case WOVEN -> {
                String problem = loads(r.bytes());
                if (problem == null) {
                    count("woven, loads and verifies");
                } else if (problem.startsWith("!") && firstLine(problem).equals(firstLine(loads(m.bytes())))) {
                    // the JVM rejects the mutant exactly as it rejects the woven class: a method coro
                    // copies unchanged (it rewrites coroutines only) that does not verify, or a class
                    // file version this JVM does not run
                    String error = problem.substring(1, problem.contains(":") ? problem.indexOf(':') : problem.length());
                    count("woven, rejected by the JVM exactly as the input is: " + error.substring(error.lastIndexOf('.') + 1));
                } else if (problem.startsWith("!")) {
                    fail(m, failureDir, "woven output rejected by the JVM: " + problem.substring(1)
                            + "\n(the mutant itself, unwoven: " + describe(loads(m.bytes())) + ")");
                } else {
                    count("woven, loads; " + problem);
                }
            }
        }
    }

    /**
     * The error's class and the first line of its message, numbers left out: a VerifyError's details
     * name offsets, which weaving moves ("Stack map does not match the one at exception handler 57"
     * of the input is "... handler 58" of the woven class).
     */
    private static String firstLine(String problem) {
        if (problem == null) return "";
        int nl = problem.indexOf('\n');
        return (nl < 0 ? problem : problem.substring(0, nl)).replaceAll("[0-9]+", "#");
    }

    private static String describe(String loadProblem) {
        return loadProblem == null ? "loads and verifies" : loadProblem.startsWith("!") ? loadProblem.substring(1) : loadProblem;
    }

    /**
     * Defines {@code classFile} in a throwaway loader and initialises it (so the JVM verifies it).
     * Null when that works; "!..." for a ClassFormatError or VerifyError; else what else stopped it
     * (its static initialiser threw, or a class it names does not exist), which is not the weaver's.
     */
    static String loads(byte[] classFile) {
        ClassLoader parent = MutationFuzzer.class.getClassLoader();
        try {
            Class<?> c = new ClassLoader(parent) {
                Class<?> define() {
                    return defineClass(null, classFile, 0, classFile.length);
                }
            }.define();
            Class.forName(c.getName(), true, c.getClassLoader());
            return null;
        } catch (ClassFormatError | VerifyError e) {
            return "!" + e;
        } catch (ExceptionInInitializerError e) {
            return "its static initialiser threw";
        } catch (LinkageError e) {
            return e.getClass().getSimpleName();
        } catch (Throwable e) {
            return e.getClass().getSimpleName();
        }
    }

    private void fail(Mutant m, Path failureDir, String why) throws IOException {
        count("FAILED");
        String report = "mutant " + m.seed() + " of " + m.source() + " (" + m.mutation() + "): " + why;
        failures.add(report);
        Files.createDirectories(failureDir);
        Files.write(failureDir.resolve("mutant-" + m.seed() + ".class"), m.bytes());
        Files.writeString(failureDir.resolve("mutant-" + m.seed() + ".txt"), report + "\n\nrerun with -Dcoro.mutate.mutant="
                + m.seed() + "\n");
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
