package dev.coro.fuzz.mutate;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The mutation fuzzer as a test (docs/fuzzing.md): by default a fixed-seed batch (CI mode); with
 * {@code -Dcoro.mutate.count=N -Dcoro.mutate.seed=S} as many mutants as asked (soak mode); with
 * {@code -Dcoro.mutate.mutant=SEED} one mutant alone. Failing mutants are written, with a report,
 * to {@code target/mutate-failures/} (or {@code coro.mutate.dir}).
 */
class MutationFuzzTest {
    /** The CI batch: fixed, so a failure reproduces anywhere; each JDK gets its own seed. */
    static final long CI_SEED = 20_261_203L;
    static final int CI_COUNT = 3000;

    @Test
    void mutationFuzz() throws Exception {
        MutationFuzzer fuzzer = MutationFuzzer.overFixtures();
        Path dir = Path.of(System.getProperty("coro.mutate.dir", "target"), "mutate-failures");
        String mutant = System.getProperty("coro.mutate.mutant");
        String failures;
        if (mutant != null) {
            failures = fuzzer.runOne(Long.parseLong(mutant), dir, System.out);
        } else {
            long seed = Long.getLong("coro.mutate.seed", CI_SEED + Runtime.version().feature());
            int count = Integer.getInteger("coro.mutate.count", CI_COUNT);
            failures = fuzzer.run(seed, count, Integer.getInteger("coro.mutate.maxFailures", 20), dir, System.out);
        }
        if (failures != null) fail(failures);
    }

    /** Mutants a soak found (docs/fuzzing.md), by seed: each now a diagnostic. */
    @Test
    void soakFindingsStayFixed() throws Exception {
        MutationFuzzer fuzzer = MutationFuzzer.overFixtures();
        Path dir = Path.of(System.getProperty("coro.mutate.dir", "target"), "mutate-failures");
        // a field attribute whose name index is 0: a NullPointerException inside ASM's writer
        for (long seed : new long[] {-5857470531576657510L, -574527861106486724L}) {
            String failures = fuzzer.runOne(seed, dir, System.out);
            if (failures != null) fail(failures);
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of("rejected BAD_CLASS_FILE", 2), fuzzer.outcomes());
    }
}
