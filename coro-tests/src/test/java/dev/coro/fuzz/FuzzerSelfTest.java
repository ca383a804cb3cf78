package dev.coro.fuzz;

import dev.coro.fuzz.DifferentialFuzzer.Failure;
import dev.coro.fuzz.DifferentialFuzzer.Summary;
import dev.coro.fuzz.Driver.Kind;
import dev.coro.fuzz.Driver.Op;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzzer can fail: a planted difference (the reference is sent {@code v + 1} where the woven
 * run is sent {@code v}) is found, minimised and reported; and a program and its driver are
 * determined by the seed alone.
 */
class FuzzerSelfTest {

    @Test
    void aPlantedDifferenceIsFoundMinimisedAndReported() {
        DifferentialFuzzer fuzzer = new DifferentialFuzzer(new ProgramGenerator(ProgramGenerator.Options.defaults()), 10, 40,
                Path.of("target", "fuzz-work"), null, List.of());
        fuzzer.minimiseSeconds = 30;
        fuzzer.referenceOps = ops -> {
            List<Op> changed = new ArrayList<>();
            for (Op op : ops) changed.add(op.kind() == Kind.SEND ? new Op(Kind.SEND, op.arg() + 1) : op);
            return changed;
        };
        Summary s = fuzzer.run(7, 10, 1);
        assertEquals(1, s.failures().size(), s.line());
        Failure f = s.failures().get(0);
        assertEquals("the traces differ", f.kind());
        String report = f.report();
        assertTrue(report.contains("program seed " + f.programSeed()), report);
        assertTrue(report.contains("\n!! "), "the first difference is marked:\n" + report);
        String minimised = report.substring(report.indexOf("--- minimised program ("), report.indexOf("--- traces"));
        String original = report.substring(report.indexOf("--- original program ---"));
        assertTrue(minimised.split("\n").length < original.split("\n").length, "minimising shrank nothing:\n" + report);
        String driver = report.substring(report.indexOf("driver: "), report.indexOf('\n', report.indexOf("driver: ")));
        assertTrue(driver.contains("send"), "a send must remain, the only call the two runs see differently: " + driver);
    }

    @Test
    void theSeedDeterminesProgramAndDriver() {
        ProgramGenerator g = new ProgramGenerator(ProgramGenerator.Options.defaults());
        DifferentialFuzzer f = new DifferentialFuzzer(g, 50, 40, Path.of("target", "fuzz-work"), null, List.of());
        for (int i = 0; i < 20; i++) {
            long seed = DifferentialFuzzer.programSeed(42, i);
            assertEquals(g.generate(seed, "P").render(Program.Flavor.WOVEN), g.generate(seed, "P").render(Program.Flavor.WOVEN));
            assertEquals(f.driverFor(seed), f.driverFor(seed));
        }
        assertTrue(DifferentialFuzzer.programSeed(42, 0) != DifferentialFuzzer.programSeed(42, 1));
    }
}
