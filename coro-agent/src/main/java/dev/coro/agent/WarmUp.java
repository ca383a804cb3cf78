package dev.coro.agent;

import dev.coro.weaver.ClassHierarchy;
import dev.coro.weaver.Diagnostic;
import dev.coro.weaver.WeaveResult;
import dev.coro.weaver.Weaver;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.PrintStream;

/**
 * Initialises the weaver's classes (and ASM's) on a thread with a known stack, before the first
 * class is woven. A class's static initialiser that fails, as one can when the first class to weave
 * is loaded near the end of a thread's stack, leaves that class unusable for the life of the JVM:
 * every later weave would fail. Weaving a small generated coroutine class on a fresh thread runs
 * those initialisers where they cannot overflow; it reads class files of the JDK and coro-api only,
 * through the system class loader, so it needs nothing the loading thread may hold.
 */
final class WarmUp {
    private WarmUp() {}

    private static volatile boolean done;

    static void once(PrintStream err) {
        if (done) return;
        synchronized (WarmUp.class) {
            if (done) return;
            WeaveResult r = FreshStack.call("coro-weaver-warm-up",
                    () -> new Weaver(ClassHierarchy.ofClassLoader(ClassLoader.getSystemClassLoader()), true)
                            .weave(coroutineClass()));
            if (r.status() != WeaveResult.Status.WOVEN) { // never expected: the weaver itself is broken
                for (Diagnostic d : r.diagnostics()) err.println("coro: warming up the weaver: " + d.format());
            }
            done = true;
        }
    }

    /**
     * {@code class dev.coro.agent.WarmUpSample { @Coroutine static Coro m(int n) { try { for (i < n)
     * Yield.value(i); } catch (RuntimeException e) { Yield.await(); }
     * Object o = n != 0 ? "s" : Integer.valueOf(0); Yield.await(); return Yield.done(o); } }}
     */
    static byte[] coroutineClass() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object"; // only String and Integer meet here
            }
        };
        cw.visit(Opcodes.V11, Opcodes.ACC_SUPER, "dev/coro/agent/WarmUpSample", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", "(I)Ldev/coro/Coro;", null, null);
        mv.visitAnnotation("Ldev/coro/Coroutine;", false).visitEnd();
        mv.visitCode();
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        Label loop = new Label();
        Label after = new Label();
        mv.visitTryCatchBlock(start, end, handler, "java/lang/RuntimeException");
        mv.visitLabel(start);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, 1);
        mv.visitLabel(loop);
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitJumpInsn(Opcodes.IF_ICMPGE, end);
        mv.visitVarInsn(Opcodes.ILOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "value", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitIincInsn(1, 1);
        mv.visitJumpInsn(Opcodes.GOTO, loop);
        mv.visitLabel(end);
        mv.visitJumpInsn(Opcodes.GOTO, after);
        mv.visitLabel(handler);
        mv.visitVarInsn(Opcodes.ASTORE, 1);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "await", "()Ljava/lang/Object;", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitLabel(after);
        // a String or an Integer in one local: its type is their common superclass, read from the
        // JDK's class files (the first such read initialises the JDK's module image reader)
        Label integer = new Label();
        Label merged = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitJumpInsn(Opcodes.IFEQ, integer);
        mv.visitLdcInsn("s");
        mv.visitJumpInsn(Opcodes.GOTO, merged);
        mv.visitLabel(integer);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
        mv.visitLabel(merged);
        mv.visitVarInsn(Opcodes.ASTORE, 2);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "await", "()Ljava/lang/Object;", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "done", "(Ljava/lang/Object;)Ldev/coro/Coro;", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
