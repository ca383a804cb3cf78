package dev.coro.fuzz;

import dev.coro.fuzz.DifferentialFuzzer.Failure;
import dev.coro.fuzz.DifferentialFuzzer.Summary;
import dev.coro.fuzz.ProgramGenerator.Feature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Soak mode outside Maven (docs/fuzzing.md): {@code java -cp <test classpath> dev.coro.fuzz.FuzzMain}
 * with the same system properties as {@link DifferentialFuzzTest} ({@code coro.fuzz.seed},
 * {@code coro.fuzz.count}, {@code coro.fuzz.program}, {@code coro.fuzz.exclude},
 * {@code coro.fuzz.maxFailures}, {@code coro.fuzz.dir}; and {@code coro.fuzz.minutes}: start no new batch
 * of programs after this many minutes, so that a soak ends with its summary by a set time). Exits with status 1 when a program failed.
 * Programs whose unwoven compiled classes the JVM rejects are counted as compiler-rejected (the
 * compiler's bug: {@code fuzz-failures/compiler-rejected-SEED.txt}), not as failures.
 */
public final class FuzzMain {
    private FuzzMain() {}

    /**
     * Constructs left out by default because of a known, unfixed bug (each with a failing fixture in
     * FuzzFound); {@code -Dcoro.fuzz.exclude=none} puts them back.
     */
    static final Set<Feature> KNOWN_BUGS = EnumSet.noneOf(Feature.class); // all three found so far are fixed

    /**
     * Open bugs that no construct can be left out for, recognised by words of the failure: such a
     * program is counted (its seed printed) but does not fail the run. Each has a fixture in FuzzFound.
     */
    static final List<String> KNOWN_PROBLEMS = List.of(
            // Not a bug: API.md has the weaver report a method that would pass 64 KB once woven. javac copies
            // a finally block into every exit, so the generator's largest methods reach it (a 9.6 KB method
            // with 187 suspension points, each saving some 30 locals).
            "over the JVM's limit of 65535");

    public static void main(String[] args) throws IOException {
        long seed = Long.getLong("coro.fuzz.seed", System.currentTimeMillis());
        int count = Integer.getInteger("coro.fuzz.count", 10_000);
        String failures = run(seed, count, System.out);
        if (failures != null) {
            System.out.println(failures);
            System.exit(1);
        }
    }

    /**
     * Runs {@code count} programs of run {@code seed} (or the one program {@code -Dcoro.fuzz.program}
     * names); writes each failure's report under {@code coro.fuzz.dir} (default
     * {@code target/fuzz-failures}); returns a summary of the failures with the first report, or null.
     */
    static String run(long seed, int count, PrintStream progress) throws IOException {
        int maxFailures = Integer.getInteger("coro.fuzz.maxFailures", 3);
        String program = System.getProperty("coro.fuzz.program");
        Path base = Path.of(System.getProperty("coro.fuzz.dir", "target"));
        DifferentialFuzzer fuzzer = new DifferentialFuzzer(new ProgramGenerator(options()), 50, 40,
                base.resolve("fuzz-work"), progress, Boolean.getBoolean("coro.fuzz.strict") ? List.of() : KNOWN_PROBLEMS);
        String minutes = System.getProperty("coro.fuzz.minutes");
        if (minutes != null && !minutes.isBlank()) { // a soak that must end in time: no new batch after this
            fuzzer.stopAtMillis = System.currentTimeMillis() + (long) (Double.parseDouble(minutes.trim()) * 60_000);
        }
        Path dir = base.resolve("fuzz-failures");
        fuzzer.onFailure = f -> {
            try {
                Files.createDirectories(dir);
                Files.writeString(reportFile(dir, f), f.report());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        fuzzer.onCompilerRejected = r -> { // not a failure: kept so the compiler's bug can be read and minimised
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("compiler-rejected-" + r.programSeed() + ".txt"), "COMPILER-REJECTED (the JVM"
                        + " rejects the compiler's unwoven output; not coro's bug): " + r.reason() + "\nprogram seed "
                        + r.programSeed() + " (rerun alone with -Dcoro.fuzz.program=" + r.programSeed() + ")\n\n"
                        + DifferentialFuzzer.numbered(r.source()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        Summary s = program == null || program.isBlank()
                ? fuzzer.run(seed, count, maxFailures)
                : fuzzer.runSeeds(seed, List.of(Long.parseLong(program.trim())), 1);
        progress.println("fuzz: on JDK " + Runtime.version().feature() + ", excluding " + options().excluded() + ": " + s.line());
        if (s.failures().isEmpty()) return null;
        StringBuilder msg = new StringBuilder(s.line()).append('\n');
        for (Failure f : s.failures()) {
            Path file = reportFile(dir, f);
            msg.append("  ").append(f.kind()).append(": program seed ").append(f.programSeed()).append(" -> ")
                    .append(file.toAbsolutePath()).append('\n');
        }
        return msg + "\n" + s.failures().get(0).report();
    }

    /** Where a failure's report is written as soon as it is minimised. */
    private static Path reportFile(Path dir, Failure f) {
        return dir.resolve("program-" + f.programSeed() + ".txt");
    }

    /** The generator options: everything, less {@code coro.fuzz.exclude} (default: the known bugs). */
    static ProgramGenerator.Options options() {
        String ex = System.getProperty("coro.fuzz.exclude");
        Set<Feature> excluded = EnumSet.copyOf(KNOWN_BUGS);
        if (ex != null && !ex.isBlank()) {
            excluded.clear();
            for (String name : ex.split(",")) {
                if (!name.isBlank() && !name.trim().equals("none")) excluded.add(Feature.valueOf(name.trim()));
            }
        }
        return ProgramGenerator.Options.defaults().excluding(excluded);
    }
}
