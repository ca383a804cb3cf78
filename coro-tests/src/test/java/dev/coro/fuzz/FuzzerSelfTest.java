package dev.coro.fuzz;

import dev.coro.fuzz.DifferentialFuzzer.Failure;
import dev.coro.fuzz.DifferentialFuzzer.Summary;
import dev.coro.fuzz.Driver.Kind;
import dev.coro.fuzz.Driver.Op;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzzer can fail: a planted difference (the reference is sent {@code v + 1} where the woven
 * run is sent {@code v}) is found, minimised and reported; and a program and its driver are
 * determined by the seed alone. A class file the JVM rejects before weaving is counted as
 * compiler-rejected, never as a difference; one it accepts and the weaver refuses is a failure.
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

    @Test
    void aClassThatFailsVerificationUnwovenIsCompilerRejectedNotAFailure() {
        DifferentialFuzzer fuzzer = new DifferentialFuzzer(new ProgramGenerator(ProgramGenerator.Options.defaults()), 3, 40,
                Path.of("target", "fuzz-work"), null, List.of());
        List<DifferentialFuzzer.Rejected> told = new ArrayList<>();
        fuzzer.onCompilerRejected = told::add;
        // as if javac had written, in program 1's class, a method returning null as an int
        fuzzer.afterCompile = dir -> addMethod(dir.resolve("fz/w/P1.class"), "broken", false, mv -> {
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitInsn(Opcodes.IRETURN);
        });
        Summary s = fuzzer.run(7, 3, 1);
        long p1 = DifferentialFuzzer.programSeed(7, 1);
        assertEquals(List.of(), s.failures(), s.line());
        assertEquals(List.of(p1), s.compilerRejected(), s.line());
        assertEquals(3, s.programs());
        assertEquals(1, told.size());
        assertEquals(p1, told.get(0).programSeed());
        assertEquals("fz.w.P1: java.lang.VerifyError: Bad type on operand stack (at fz/w/P1.broken()I @1: ireturn)", told.get(0).reason());
        assertTrue(told.get(0).source().contains("public class P1 "), told.get(0).source());
        assertTrue(s.line().endsWith(", 0 failures, 1 compiler-rejected (program seeds [" + p1 + "])"), s.line());
    }

    @Test
    void aClassThatVerifiesUnwovenButIsRefusedWovenIsStillAFailure() {
        DifferentialFuzzer fuzzer = new DifferentialFuzzer(new ProgramGenerator(ProgramGenerator.Options.defaults()), 3, 40,
                Path.of("target", "fuzz-work"), null, List.of());
        fuzzer.minimiseSeconds = 5;
        // valid for the JVM, refused by the weaver: a @Coroutine method that does not return Coro
        fuzzer.afterCompile = dir -> addMethod(dir.resolve("fz/w/P1.class"), "notACoroutine", true, mv -> {
            mv.visitInsn(Opcodes.ICONST_1);
            mv.visitInsn(Opcodes.IRETURN);
        });
        Summary s = fuzzer.run(7, 3, 1);
        assertEquals(List.of(), s.compilerRejected(), s.line());
        assertEquals(1, s.failures().size(), s.line());
        Failure f = s.failures().get(0);
        assertEquals(DifferentialFuzzer.programSeed(7, 1), f.programSeed());
        assertTrue(f.kind().startsWith("the weaver rejected it: [")
                && f.kind().contains("a @Coroutine method must return dev.coro.Coro, not int"), f.kind());
    }

    /** Adds {@code static int name()} with the given code to a compiled class (annotated {@code @Coroutine} if asked). */
    private static void addMethod(Path classFile, String name, boolean coroutine, java.util.function.Consumer<MethodVisitor> code) {
        if (!Files.exists(classFile)) return; // the minimiser's runs of other programs
        try {
            ClassReader reader = new ClassReader(Files.readAllBytes(classFile));
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public void visitEnd() {
                    MethodVisitor mv = cv.visitMethod(Opcodes.ACC_STATIC, name, "()I", null, null);
                    if (coroutine) mv.visitAnnotation("Ldev/coro/Coroutine;", false).visitEnd();
                    mv.visitCode();
                    code.accept(mv);
                    mv.visitMaxs(0, 0);
                    mv.visitEnd();
                    super.visitEnd();
                }
            }, 0);
            Files.write(classFile, writer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
