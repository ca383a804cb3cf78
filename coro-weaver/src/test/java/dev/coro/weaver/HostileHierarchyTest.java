package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Class files that describe an impossible hierarchy (a superclass chain that loops, interfaces that
 * extend each other): every walk up the hierarchy reports the loop, within milliseconds, instead of
 * spinning for ever.
 */
class HostileHierarchyTest {
    private static final Duration FAST = Duration.ofSeconds(2);

    /** A class file header only: {@code name extends superName implements interfaces}. */
    static byte[] header(String name, String superName, int access, String... interfaces) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V1_8, access, name, null, superName, interfaces);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** t/LoopA extends t/LoopB, t/LoopB extends t/LoopA; t/I extends t/J, t/J extends t/I; t/Plain is ordinary. */
    static ClassHierarchy loopingHierarchy() {
        Map<String, byte[]> files = new HashMap<>();
        files.put("t/LoopA", header("t/LoopA", "t/LoopB", Opcodes.ACC_PUBLIC));
        files.put("t/LoopB", header("t/LoopB", "t/LoopA", Opcodes.ACC_PUBLIC));
        files.put("t/LoopC", header("t/LoopC", "t/LoopA", 0));
        files.put("t/I", header("t/I", "java/lang/Object", Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT, "t/J"));
        files.put("t/J", header("t/J", "java/lang/Object", Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT, "t/I"));
        files.put("t/Impl", header("t/Impl", "java/lang/Object", Opcodes.ACC_PUBLIC, "t/I"));
        files.put("t/Plain", header("t/Plain", "java/lang/Object", Opcodes.ACC_PUBLIC));
        return over(files);
    }

    /** The given class files, then the test's class path (the JDK's classes). */
    static ClassHierarchy over(Map<String, byte[]> files) {
        ClassLoader cl = HostileHierarchyTest.class.getClassLoader();
        return new ClassHierarchy(name -> {
            if (files.containsKey(name)) return files.get(name);
            try (var in = cl.getResourceAsStream(name + ".class")) {
                return in == null ? null : in.readAllBytes();
            }
        });
    }

    private static void assertLoop(String expected, org.junit.jupiter.api.function.Executable walk) {
        WeaveException e = assertTimeoutPreemptively(FAST, () -> assertThrows(WeaveException.class, walk));
        assertEquals(Diagnostic.Code.BAD_HIERARCHY, e.code);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void everyWalkUpALoopingSuperclassChainReportsTheLoop() {
        String fromA = "the superclass chain of t.LoopA loops: t.LoopA extends t.LoopB extends t.LoopA";
        String fromC = "the superclass chain of t.LoopC loops: t.LoopA extends t.LoopB extends t.LoopA";
        assertLoop(fromA, () -> loopingHierarchy().commonSuperClass("t/LoopA", "t/Plain"));
        assertLoop("the superclass chain of t.LoopB loops: t.LoopB extends t.LoopA extends t.LoopB",
                () -> loopingHierarchy().commonSuperClass("t/Plain", "t/LoopB"));
        assertLoop(fromC, () -> loopingHierarchy().commonSuperClass("t/LoopC", "t/Plain"));
        assertLoop(fromA, () -> loopingHierarchy().isSubclassOrImplements("t/Plain", "t/LoopA"));
        assertLoop(fromC, () -> loopingHierarchy().isSubclassOrImplements("java/lang/Runnable", "t/LoopC"));
        assertLoop(fromC, () -> loopingHierarchy().accessibleFrom("t/LoopC", "elsewhere"));
        assertLoop(fromA, () -> loopingHierarchy().superName("t/LoopA"));
    }

    @Test
    void interfacesThatExtendEachOtherEndTheSearch() {
        ClassHierarchy h = loopingHierarchy();
        assertTimeoutPreemptively(FAST, () -> {
            assertFalse(h.isSubclassOrImplements("java/lang/Runnable", "t/Impl"));
            assertTrue(h.isSubclassOrImplements("t/J", "t/Impl"));
            assertEquals("java/lang/Object", h.commonSuperClass("t/I", "t/J"));
        });
    }

    @Test
    void aCoroutineThatMergesALoopingClassGetsADiagnosticNamingTheLoop() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "t/Gen", null, "java/lang/Object", null);
        cw.visitSource("Gen.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", "(ZLt/LoopA;Lt/Plain;)Ldev/coro/Coro;", null, null);
        mv.visitAnnotation("Ldev/coro/Coroutine;", false).visitEnd();
        mv.visitCode();
        Label l4 = new Label();
        mv.visitLabel(l4);
        mv.visitLineNumber(4, l4);
        PassTesting.eitherArgument(mv);
        mv.visitVarInsn(Opcodes.ASTORE, 3);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "await", "()Ljava/lang/Object;", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitVarInsn(Opcodes.ALOAD, 3);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "done", "(Ljava/lang/Object;)Ldev/coro/Coro;", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        byte[] gen = cw.toByteArray();
        Map<String, byte[]> files = new HashMap<>();
        files.put("t/LoopA", header("t/LoopA", "t/LoopB", Opcodes.ACC_PUBLIC));
        files.put("t/LoopB", header("t/LoopB", "t/LoopA", Opcodes.ACC_PUBLIC));
        files.put("t/Plain", header("t/Plain", "java/lang/Object", Opcodes.ACC_PUBLIC));
        ClassHierarchy h = over(files);
        WeaveResult r = assertTimeoutPreemptively(FAST, () -> new Weaver(h).weave(gen));
        assertEquals(WeaveResult.Status.REJECTED, r.status());
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Diagnostic.Code.BAD_HIERARCHY, d.code());
        assertEquals(List.of("Gen.java:4: t.Gen.m(): the superclass chain of t.LoopA loops:"
                + " t.LoopA extends t.LoopB extends t.LoopA"), List.of(d.format()));
    }
}
