package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.ClassNode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link MaxsBound}: maxima over {@link MaxsBound#PLAUSIBLE} lowered to what the code needs (a
 * coroutine's locals also to its local variable table), a plain method's locals kept, plausible ones untouched.
 */
class MaxsBoundTest {
    /** {@code static m()} loading one int into local 1 and returning, with the maxima given; {@code lvtSlot} >= 0 adds a table entry. */
    private static void method(ClassWriter cw, String name, boolean coroutine, int maxStack, int maxLocals, int lvtSlot) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, name, "()V", null, null);
        if (coroutine) mv.visitAnnotation("Ldev/coro/Coroutine;", false).visitEnd();
        mv.visitCode();
        Label start = new Label();
        Label end = new Label();
        mv.visitLabel(start);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, 1);
        mv.visitInsn(RETURN);
        mv.visitLabel(end);
        if (lvtSlot >= 0) mv.visitLocalVariable("wide", "J", null, start, end, lvtSlot);
        mv.visitMaxs(maxStack, maxLocals);
        mv.visitEnd();
    }

    @Test
    void implausibleMaximaAreLoweredToWhatTheCodeNeeds() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(V11, ACC_PUBLIC | ACC_SUPER, "t/Maxs", null, "java/lang/Object", null);
        method(cw, "coroutine", true, 65_535, 65_535, -1);
        method(cw, "withTable", true, 300, 1000, 7);
        method(cw, "plain", false, 65_535, 65_535, -1);
        method(cw, "plausible", true, 255, 255, -1);
        cw.visitEnd();
        byte[] bytes = cw.toByteArray();
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, 0);
        MaxsBound.apply(cn, bytes);
        assertEquals(List.of("coroutine 1/2", "withTable 1/9", "plain 1/65535", "plausible 255/255"),
                cn.methods.stream().map(m -> m.name + " " + m.maxStack + "/" + m.maxLocals).toList());
    }
}
