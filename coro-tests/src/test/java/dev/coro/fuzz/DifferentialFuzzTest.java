package dev.coro.fuzz;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The differential fuzzer as a test (docs/fuzzing.md): by default a fixed-seed batch (CI mode);
 * with {@code -Dcoro.fuzz.count=N -Dcoro.fuzz.seed=S} as many programs as asked (soak mode); with
 * {@code -Dcoro.fuzz.program=SEED} one program alone. Failures are written to
 * {@code target/fuzz-failures/program-SEED.txt}, minimised, with the source and both traces.
 */
class DifferentialFuzzTest {
    /**
     * The CI batch: fixed, so a failure reproduces on every machine. The build runs the tests on
     * JDK 17 and again on JDK 25; each JDK gets its own fixed seed ({@code CI_SEED + feature version}),
     * so the two runs cover different programs (and javac 25 compiles them to version-69 class files).
     */
    static final long CI_SEED = 20_250_601L;
    static final int CI_COUNT = 2000;

    @Test
    void differentialFuzz() throws IOException {
        long seed = Long.getLong("coro.fuzz.seed", CI_SEED + Runtime.version().feature());
        int count = Integer.getInteger("coro.fuzz.count", CI_COUNT);
        String failures = FuzzMain.run(seed, count, System.out);
        if (failures != null) fail(failures);
    }
}
