package dev.coro.fuzz.mutate;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * Mutants the soaks found (docs/fuzzing.md), each now a diagnostic or a class that weaves, by the
     * edit each made to its fixture (a seed alone picks another file once fixtures are added). Those of
     * FuzzFound's fixtures, which change as the differential fuzzer adds to them, are crafted class
     * files in coro-weaver's CorruptInputTest instead; so are all of these.
     */
    @Test
    void soakFindingsStayFixed() throws Exception {
        MutationFuzzer fuzzer = MutationFuzzer.overFixtures();
        Path dir = Path.of(System.getProperty("coro.mutate.dir", "target"), "mutate-failures");
        List<String> failures = new ArrayList<>();
        for (Object[] f : new Object[][] {
            // seed 1, JDK 17: a constant pool index shifted: a damaged StackMapTable, a branch target without a frame
            {586606722987072023L, "YieldFromReentry.class", 12663, "38", "37"},
            {-7699003483412926470L, "Primed.class", 6532, "b7", "b8"},
            {8494810869322837775L, "YieldFromBasics.class", 9875, "fb", "91"},
            {8335705237418711403L, "YieldFromBasics.class", 9661, "fb", "9b"},
            {1303688396301640075L, "Primed.class", 2093, "65", "55"},
            {-3660648840531119540L, "YieldFromDepth.class", 10712, "09", "0a"},
            // seed 1: an instruction's operand of the wrong kind ("Call to wrong <init> method")
            {-5719608225637601941L, "ClassKinds$Op.class", 2034, "01", "17"},
            // seed 1: an InnerClasses attribute of the wrong length; a field's name not a Utf8 entry
            {-3392644315326911818L, "ClassKinds$Op.class", 2130, "12", "11"},
            {4026354402453542139L, "ClassKinds$Op.class", 1435, "09", "0a"},
            // seed 1: this_class a Utf8 entry (was an INTERNAL_ERROR)
            {4928132955482267186L, "Resources.class", 5928, "2f", "2e"},
            // seed 1: attribute name index 0 (a NullPointerException inside ASM's writer)
            {-5857470531576657510L, "MethodKinds$Cell.class", 788, "17", "00"},
            {-574527861106486724L, "YieldFromEdgeCases.class", 6091, "b6", "00"},
            // seed 1: a max_stack of 65,535 (over 20 s under load; now lowered to what the code needs)
            {1183578885202983380L, "ManyLocals.class", 5163, "0006", "ffff"},
            // seed 2, JDK 17: max_locals 65,535 in a coroutine, whose temporaries were numbered past the JVM's limit
            {-4668112381291122182L, "StackShapes.class", 9846, "0003", "ffff"},
            // seed 2: NestHost naming a Utf8 entry, which ASM wrote back as a class name
            {-6823772591243580019L, "ClassKinds$1.class", 1722, "43", "47"},
            // seed 2: a stack map the JVM rejects in the input as in the woven class, at another offset
            {2885586987736303687L, "TryCatch.class", 9974, "08", "31"},
        }) {
            String failure = fuzzer.runEdit((Long) f[0], (String) f[1], (Integer) f[2], (String) f[3], (String) f[4], dir);
            if (failure != null) failures.add(failure);
        }
        assertEquals(List.of(), failures);
        assertEquals(Map.of("rejected BAD_CLASS_FILE", 13, "woven, loads and verifies", 2,
                "woven, rejected by the JVM exactly as the input is: VerifyError", 1), fuzzer.outcomes());
    }
}
