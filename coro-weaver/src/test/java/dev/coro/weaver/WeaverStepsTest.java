package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Weaver}'s steps as a whole: which diagnostics come back together, and what each names. */
class WeaverStepsTest {
    private final Weaver weaver = new Weaver(ClassHierarchy.ofClassLoader(getClass().getClassLoader()));

    private static void line(MethodVisitor mv, int line) {
        Label l = new Label();
        mv.visitLabel(l);
        mv.visitLineNumber(line, l);
    }

    /** {@code String.valueOf(Object)} called with an int: loads as far as ASM's basic analysis goes, yet does not verify. */
    private static void unverifiableCall(MethodVisitor mv) {
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf", "(Ljava/lang/Object;)Ljava/lang/String;",
                false);
        mv.visitInsn(Opcodes.POP);
    }

    @Test
    void checkerAndPreVerificationProblemsOfEveryMethodComeBackTogetherSortedByLine() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "t/All", null, "java/lang/Object", null);
        cw.visitSource("All.java", null);
        // line 9: a coroutine whose code does not verify as compiled
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "coro", "()Ldev/coro/Coro;", null, null);
        mv.visitAnnotation("Ldev/coro/Coroutine;", false).visitEnd();
        mv.visitCode();
        line(mv, 9);
        unverifiableCall(mv);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "await", "()Ljava/lang/Object;", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "done", "()Ldev/coro/Coro;", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        // line 12: a plain method that does not verify either
        mv = cw.visitMethod(Opcodes.ACC_STATIC, "plain", "()V", null, null);
        mv.visitCode();
        line(mv, 12);
        unverifiableCall(mv);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        // line 5: a Yield call in a method that is no coroutine (the checker's problem)
        mv = cw.visitMethod(Opcodes.ACC_STATIC, "outside", "()V", null, null);
        mv.visitCode();
        line(mv, 5);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "await", "()Ljava/lang/Object;", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        byte[] b = cw.toByteArray();

        WeaveResult r = weaver.weave(b);
        assertEquals(WeaveResult.Status.REJECTED, r.status());
        assertArrayEquals(b, r.bytes());
        String notVerified = "the method's bytecode does not verify as compiled, before weaving (a compiler bug?): ";
        assertEquals(List.of(
                "All.java:5: t.All.outside(): Yield.await outside a @Coroutine method",
                "All.java:9: t.All.coro(): " + notVerified + "Error at instruction 3: Argument 1: expected Ljava/lang/Object;, but found I",
                "All.java:12: t.All.plain(): " + notVerified + "Error at instruction 3: Argument 1: expected Ljava/lang/Object;, but found I"),
                r.diagnostics().stream().map(Diagnostic::format).toList());
        assertEquals(List.of(Diagnostic.Code.YIELD_OUTSIDE_COROUTINE, Diagnostic.Code.UNSUPPORTED_CODE,
                Diagnostic.Code.UNSUPPORTED_CODE), r.diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    void aMethodTooLargeForTheFinalWriteNamesItsCoroutineAndSourceFile() {
        // The final ClassWriter throws about a method it writes; the diagnostic is about the coroutine
        // being written, at its first line, in its source file (not "Big.class:").
        ClassNode cls = new ClassNode();
        cls.name = "t/Big";
        cls.sourceFile = "Big.java";
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "gen", "()Ldev/coro/Coro;", null, null);
        Label start = new Label();
        m.visitLabel(start);
        m.visitLineNumber(14, start);
        WeaveContext at = new WeaveContext(new byte[0]);
        at.cls = cls;
        at.handling(m);
        Diagnostic d = at.diagnostic(new MethodTooLargeException("t/Big", "gen", "(Lt/Big-gen-Coro;ILjava/lang/Object;"
                + "Ljava/lang/Throwable;)Ljava/lang/Object;", 70_000));
        assertEquals(Diagnostic.Code.METHOD_TOO_LARGE, d.code());
        assertEquals("Big.java:14: t.Big.gen(): after weaving, method gen would be 70000 bytes, over the JVM's limit"
                + " of 65535", d.format());
    }

    @Test
    void anExceptionBeforeTheClassIsParsedNamesTheClassFile() {
        WeaveContext at = new WeaveContext("not a class".getBytes());
        Diagnostic d = at.diagnostic(new IllegalStateException("boom"));
        assertEquals(Diagnostic.Code.BAD_CLASS_FILE, d.code());
        assertEquals("<unreadable class file>.class: <unreadable class file>: corrupt class file:"
                + " java.lang.IllegalStateException: boom", d.format());
    }
}
