package dev.coro.fuzz;

import dev.coro.fuzz.BatchCompiler.Unit;
import dev.coro.fuzz.Driver.Op;
import dev.coro.fuzz.Program.Flavor;
import dev.coro.fuzz.ref.RefCoro;
import dev.coro.harness.WeavingClassLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The differential fuzzer: generates programs, compiles each batch once for both flavours (woven
 * and reference), weaves the woven classes in-process, runs the same random driver against both
 * and compares the traces. A difference is minimised (driver calls, then statements) and reported
 * with the seed that reproduces it.
 */
public final class DifferentialFuzzer {
    /** A program that failed: what went wrong and everything needed to reproduce and read it. */
    public record Failure(long programSeed, String kind, String report) {}

    /**
     * A program whose unwoven class files, as the compiler wrote them, the JVM rejects ({@link UnwovenCheck}):
     * the compiler's bug, not coro's; {@code reason} names the class and the JVM's error.
     */
    public record Rejected(long programSeed, String reason, String source) {}

    /**
     * What a run did; {@code known}: the seeds of programs that failed with a known, open problem;
     * {@code compilerRejected}: the seeds of programs whose compiled, unwoven classes do not verify
     * (neither run, nor counted as failures).
     */
    public record Summary(long seed, int programs, long calls, long logLines, int finished, List<Failure> failures,
            List<Long> known, List<Long> compilerRejected, long millis, long compileMillis) {
        public String line() {
            return String.format("%d programs (seed %d) in %.1f s (javac %.1f s): %d protocol calls, %d body log lines,"
                    + " %d ran to DONE, %d failures, %d compiler-rejected%s%s", programs, seed, millis / 1000.0,
                    compileMillis / 1000.0, calls, logLines, finished, failures.size(), compilerRejected.size(),
                    compilerRejected.isEmpty() ? "" : " (program seeds " + compilerRejected + ")",
                    known.isEmpty() ? "" : ", " + known.size() + " known problems (program seeds " + known + ")");
        }
    }

    /** How long one program (both runs) may take before it is reported as hanging. */
    private static final long PROGRAM_TIMEOUT_SECONDS = 60;

    private final ProgramGenerator generator;
    private final int batchSize;
    private final int maxOps;
    private final Path workDir;
    private final PrintStream progress;
    /** Problems (as {@link Outcome#problem} words them) that are known and open: counted, not minimised. */
    private final List<String> knownProblems;
    private final BatchCompiler compiler = new BatchCompiler();
    private ExecutorService runner = newRunner();
    /** How long minimising one failure may take. */
    long minimiseSeconds = 120;
    /** Told of each failure as soon as it is minimised (a soak writes its report at once). */
    java.util.function.Consumer<Failure> onFailure = f -> {};
    /** Told of each compiler-rejected program (a soak writes its source and the JVM's error). */
    java.util.function.Consumer<Rejected> onCompilerRejected = r -> {};
    /** Called on each output directory javac has just filled: for the self-test, which plants class files. */
    java.util.function.Consumer<Path> afterCompile = dir -> {};
    /** What the reference run gets instead of the driver's calls: for the self-test, which plants a difference. */
    java.util.function.UnaryOperator<List<Op>> referenceOps = ops -> ops;
    /** When to start no new batch ({@link System#currentTimeMillis}; a soak that must end by a time): never by default. */
    long stopAtMillis = Long.MAX_VALUE;
    /** Time spent in javac (the rest is generating, weaving and running). */
    private long compileNanos;

    public DifferentialFuzzer(ProgramGenerator generator, int batchSize, int maxOps, Path workDir, PrintStream progress,
            List<String> knownProblems) {
        this.knownProblems = knownProblems;
        this.generator = generator;
        this.batchSize = batchSize;
        this.maxOps = maxOps;
        this.workDir = workDir;
        this.progress = progress;
    }

    /** The seed of program {@code index} of the run seeded {@code seed}. */
    public static long programSeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The driver of the program seeded {@code programSeed}. */
    public List<Op> driverFor(long programSeed) {
        return Driver.random(new Random(programSeed ^ 0x5DEECE66DL), maxOps);
    }

    /** Runs {@code count} programs of the run seeded {@code seed}; stops early after {@code maxFailures}. */
    public Summary run(long seed, int count, int maxFailures) {
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) seeds.add(programSeed(seed, i));
        return runSeeds(seed, seeds, maxFailures);
    }

    /** Runs the programs of the given seeds. */
    public Summary runSeeds(long runSeed, List<Long> seeds, int maxFailures) {
        if (runner.isShutdown()) runner = newRunner();
        long t0 = System.nanoTime();
        long lastReport = t0;
        long[] totals = new long[3];
        List<Failure> failures = new ArrayList<>();
        List<Long> known = new ArrayList<>();
        List<Long> rejected = new ArrayList<>();
        int done = 0;
        for (int from = 0; from < seeds.size() && failures.size() < maxFailures && System.currentTimeMillis() < stopAtMillis;
                from += batchSize) {
            List<Program> batch = new ArrayList<>();
            for (int i = from; i < Math.min(seeds.size(), from + batchSize); i++) {
                batch.add(generator.generate(seeds.get(i), "P" + i));
            }
            runBatch(batch, totals, failures, known, rejected, maxFailures);
            done += batch.size();
            long now = System.nanoTime();
            if (progress != null && (now - lastReport > 15_000_000_000L || done == seeds.size())) {
                lastReport = now;
                progress.printf("fuzz: %d/%d programs, %d failures, %d compiler-rejected, %.0f s%n", done, seeds.size(),
                        failures.size(), rejected.size(), (now - t0) / 1e9);
            }
        }
        runner.shutdownNow();
        return new Summary(runSeed, done, totals[0], totals[1], (int) totals[2], failures, known, rejected,
                (System.nanoTime() - t0) / 1_000_000, compileNanos / 1_000_000);
    }

    // ---------------------------------------------------------------------------- one batch

    private void runBatch(List<Program> batch, long[] totals, List<Failure> failures, List<Long> known,
            List<Long> rejected, int maxFailures) {
        Path dir = tempDir();
        try {
            List<Program> ok = new ArrayList<>(batch);
            long c0 = System.nanoTime();
            Map<String, List<String>> errors = compile(ok, dir);
            compileNanos += System.nanoTime() - c0;
            if (!errors.isEmpty()) { // a generator bug: report those programs, compile the rest again
                if (errors.containsKey("?")) errors = compileEach(ok); // javac crashed: on which program?
                for (Program p : batch) {
                    List<String> e = errors.get(p.binaryName(Flavor.WOVEN));
                    if (e == null) e = errors.get(p.binaryName(Flavor.REFERENCE));
                    if (e == null) continue;
                    ok.remove(p);
                    failures.add(new Failure(p.seed(), "does not compile",
                            "program seed " + p.seed() + " does not compile:\n" + String.join("\n", e) + "\n\n"
                                    + numbered(p.render(Flavor.WOVEN))));
                }
                clear(dir);
                if (ok.isEmpty()) return;
                Map<String, List<String>> again = compile(ok, dir);
                if (!again.isEmpty()) throw new AssertionError("javac failed on the second try: " + again);
            }
            Loaders loaders = new Loaders(dir);
            for (Program p : ok) {
                if (failures.size() >= maxFailures) break;
                List<Op> ops = driverFor(p.seed());
                Outcome o = compare(loaders, p, ops);
                if (o.compilerRejected != null) { // javac's bug, not coro's: counted apart, never a difference
                    rejected.add(p.seed());
                    if (progress != null) progress.println("fuzz: program seed " + p.seed() + ": compiler-rejected: " + o.compilerRejected);
                    onCompilerRejected.accept(new Rejected(p.seed(), o.compilerRejected, p.render(Flavor.WOVEN)));
                    continue;
                }
                totals[0] += o.calls;
                totals[1] += o.logLines;
                if (o.finished) totals[2]++;
                if (o.problem == null) continue;
                String problem = o.problem;
                if (knownProblems.stream().anyMatch(problem::contains)) {
                    known.add(p.seed());
                    if (progress != null) progress.println("fuzz: program seed " + p.seed() + ": known problem: " + problem);
                } else {
                    Failure f = minimiseAndReport(p, ops, o);
                    failures.add(f);
                    onFailure.accept(f);
                }
            }
            loaders.close();
        } finally {
            delete(dir);
        }
    }

    /** The result of running one program both ways. */
    private static final class Outcome {
        String problem; // null: same traces
        /** Not null: the JVM rejects the compiler's own, unwoven output; nothing was run or compared. */
        String compilerRejected;
        List<String> woven = List.of();
        List<String> reference = List.of();
        long calls;
        long logLines;
        /** The top coroutine was DONE after the last call. */
        boolean finished;
    }

    /** The two class loaders of a compiled batch: woven in-process, and plain for the reference. */
    private static final class Loaders implements AutoCloseable {
        final Path dir;
        final WeavingClassLoader woven;
        final URLClassLoader reference;

        Loaders(Path dir) {
            this.dir = dir;
            ClassLoader parent = DifferentialFuzzer.class.getClassLoader();
            woven = new WeavingClassLoader(parent, dir, Flavor.WOVEN.pkg + ".");
            try {
                reference = new URLClassLoader(new URL[] {dir.toUri().toURL()}, parent);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                reference.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Outcome compare(Loaders loaders, Program p, List<Op> ops) {
        Future<Outcome> f = runner.submit(() -> compareNow(loaders, p, ops));
        try {
            return f.get(PROGRAM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            runner.shutdownNow();
            runner = newRunner(); // the old thread may never come back
            Outcome o = new Outcome();
            o.problem = "hangs (no result after " + PROGRAM_TIMEOUT_SECONDS + " s)";
            return o;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            Outcome o = new Outcome();
            o.problem = "the harness failed: " + e.getCause();
            return o;
        }
    }

    private Outcome compareNow(Loaders loaders, Program p, List<Op> ops) {
        Outcome o = new Outcome();
        o.compilerRejected = UnwovenCheck.rejection(loaders.dir, p); // first: is the input valid at all?
        if (o.compilerRejected != null) return o;
        int before = loaders.woven.diagnostics().size();
        Class<?> woven;
        try {
            woven = Class.forName(p.binaryName(Flavor.WOVEN), true, loaders.woven);
        } catch (Throwable e) {
            o.problem = "weaving or loading failed: " + e;
            return o;
        }
        if (loaders.woven.diagnostics().size() > before) {
            o.problem = "the weaver rejected it: " + loaders.woven.diagnostics().subList(before, loaders.woven.diagnostics().size());
            return o;
        }
        Class<?> reference;
        try {
            reference = Class.forName(p.binaryName(Flavor.REFERENCE), true, loaders.reference);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        } catch (LinkageError e) { // it verified (UnwovenCheck): this is its initialisation failing, the generator's bug
            o.problem = "the reference (unwoven javac output) does not initialise: " + e;
            return o;
        }
        o.woven = Driver.run(woven, ops);
        try {
            o.reference = Driver.run(reference, referenceOps.apply(ops));
        } finally {
            RefCoro.abandonAll();
        }
        for (String l : o.woven) {
            if (l.startsWith(">> ")) {
                o.calls++;
                o.finished = l.endsWith("| DONE");
            } else {
                o.logLines++;
            }
        }
        if (!o.woven.equals(o.reference)) o.problem = "the traces differ";
        return o;
    }

    // ---------------------------------------------------------------------------- minimising

    /** Runs one program alone (compiled on its own): used by the minimiser. */
    private Outcome runAlone(Program p, List<Op> ops) {
        Path dir = tempDir();
        try {
            if (!compile(List.of(p), dir).isEmpty()) return null;
            Loaders loaders = new Loaders(dir);
            Outcome o = compare(loaders, p, ops);
            loaders.close();
            return o;
        } finally {
            delete(dir);
        }
    }

    /**
     * Shrinks the driver (shortest failing prefix, then single calls dropped), then the program
     * (statements and whole coroutines deleted while it still compiles and the two runs still
     * differ), then the driver again; reports the result next to the original.
     */
    private Failure minimiseAndReport(Program original, List<Op> originalOps, Outcome first) {
        String kind = first.problem;
        if (progress != null) progress.println("fuzz: program seed " + original.seed() + ": " + kind + "; minimising");
        Program p = generator.generate(original.seed(), original.className()); // a copy to cut down
        List<Op> ops = new ArrayList<>(originalOps);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(minimiseSeconds);
        if (!kind.startsWith("hangs")) {
            ops = shrinkOps(p, ops, deadline);
            shrinkProgram(p, ops, deadline);
            ops = shrinkOps(p, ops, deadline);
        }
        Outcome last = kind.startsWith("hangs") ? first : runAlone(p, ops);
        if (last == null || last.problem == null) { // cannot happen, but never lose the original
            p = original;
            ops = originalOps;
            last = first;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("DIFFERENTIAL FUZZ FAILURE: ").append(last.problem).append('\n');
        sb.append("program seed ").append(original.seed()).append(" (rerun alone with -Dcoro.fuzz.program=")
                .append(original.seed()).append(")\n");
        sb.append("driver: ").append(ops).append('\n');
        sb.append("\n--- minimised program (").append(p.size()).append(" statements, from ").append(original.size())
                .append(") ---\n").append(numbered(p.render(Flavor.WOVEN)));
        sb.append("\n--- traces: woven | reference (first difference marked) ---\n");
        sb.append(sideBySide(last.woven, last.reference));
        sb.append("\n--- original program ---\n").append(numbered(original.render(Flavor.WOVEN)));
        sb.append("original driver: ").append(originalOps).append('\n');
        return new Failure(original.seed(), last.problem, sb.toString());
    }

    private boolean fails(Program p, List<Op> ops) {
        Outcome o = runAlone(p, ops);
        return o != null && o.problem != null && !o.problem.startsWith("hangs");
    }

    private List<Op> shrinkOps(Program p, List<Op> ops, long deadline) {
        for (int n = 0; n < ops.size() && System.nanoTime() < deadline; n++) { // the shortest failing prefix
            if (fails(p, ops.subList(0, n))) {
                ops = new ArrayList<>(ops.subList(0, n));
                break;
            }
        }
        for (int i = ops.size() - 1; i >= 0 && System.nanoTime() < deadline; i--) {
            List<Op> fewer = new ArrayList<>(ops);
            fewer.remove(i);
            if (fails(p, fewer)) ops = fewer;
        }
        return ops;
    }

    private void shrinkProgram(Program p, List<Op> ops, long deadline) {
        boolean progress = true;
        while (progress && System.nanoTime() < deadline) {
            progress = false;
            for (int m = p.methods.size() - 1; m >= 1; m--) { // whole coroutines first
                Program.Method gone = p.methods.remove(m);
                if (fails(p, ops)) progress = true;
                else p.methods.add(m, gone);
            }
            List<Program.Site> sites = p.sites();
            for (int i = 0; i < sites.size() && System.nanoTime() < deadline; i++) {
                Program.Site s = sites.get(i);
                Program.Stmt removed = s.list().remove(s.index());
                if (fails(p, ops)) {
                    progress = true;
                    sites = p.sites(); // indices moved: start again from the same position
                    i--;
                    continue;
                }
                s.list().add(s.index(), removed);
                if (removed instanceof Program.Compound && unwrap(p, ops, s, (Program.Compound) removed, deadline)) {
                    progress = true;
                    sites = p.sites();
                    i--;
                }
            }
        }
    }

    /** Tries replacing a compound statement by the statements of one of its bodies (if, loop, try... dropped). */
    @SuppressWarnings("unchecked")
    private boolean unwrap(Program p, List<Op> ops, Program.Site s, Program.Compound c, long deadline) {
        for (Object part : c.parts) {
            if (!(part instanceof List) || System.nanoTime() > deadline) continue;
            List<Program.Stmt> body = (List<Program.Stmt>) part;
            s.list().remove(s.index());
            s.list().addAll(s.index(), body);
            if (fails(p, ops)) return true;
            for (int k = 0; k < body.size(); k++) s.list().remove(s.index());
            s.list().add(s.index(), c);
        }
        return false;
    }

    // ---------------------------------------------------------------------------- helpers

    private Map<String, List<String>> compile(List<Program> programs, Path dir) {
        List<Unit> units = new ArrayList<>();
        for (Program p : programs) {
            for (Flavor f : Flavor.values()) units.add(new Unit(p.binaryName(f), p.render(f)));
        }
        try {
            Map<String, List<String>> errors = compiler.compile(units, dir);
            if (errors.isEmpty()) afterCompile.accept(dir);
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles each program alone (to find the one javac crashes on); the errors by binary name. */
    private Map<String, List<String>> compileEach(List<Program> programs) {
        Map<String, List<String>> errors = new java.util.LinkedHashMap<>();
        for (Program p : programs) {
            Path dir = tempDir();
            try {
                Map<String, List<String>> e = compile(List.of(p), dir);
                List<String> all = new ArrayList<>();
                e.values().forEach(all::addAll);
                if (!all.isEmpty()) errors.put(p.binaryName(Flavor.WOVEN), all);
            } finally {
                delete(dir);
            }
        }
        return errors;
    }

    static String numbered(String source) {
        StringBuilder sb = new StringBuilder();
        String[] lines = source.split("\n");
        for (int i = 0; i < lines.length; i++) sb.append(String.format("%4d  %s%n", i + 1, lines[i]));
        return sb.toString();
    }

    static String sideBySide(List<String> a, List<String> b) {
        StringBuilder sb = new StringBuilder();
        int n = Math.max(a.size(), b.size());
        boolean marked = false;
        for (int i = 0; i < n; i++) {
            String x = i < a.size() ? a.get(i) : "<none>";
            String y = i < b.size() ? b.get(i) : "<none>";
            boolean same = x.equals(y);
            String mark = !same && !marked ? "!!" : same ? "  " : " ~";
            if (!same) marked = true;
            sb.append(mark).append(' ').append(x);
            if (!same) sb.append("   |   ").append(y);
            sb.append('\n');
        }
        return sb.toString();
    }

    private Path tempDir() {
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, "batch");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clear(Path dir) {
        delete(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "coro-fuzz-runner");
            t.setDaemon(true);
            return t;
        });
    }
}
