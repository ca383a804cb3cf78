package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link StackMapComputer}: one method's stack map frames and maxima computed in a scratch class, the
 * common superclass taken from the {@link ClassHierarchy} (class files, no loading), compared as text.
 */
class StackMapComputerTest {
    private static ClassNode host() {
        ClassNode host = new ClassNode();
        host.visit(V11, ACC_PUBLIC | ACC_SUPER, "t/Host", null, "java/lang/Object", null);
        return host;
    }

    /** {@code (b ? new A() : new B()).toString()} for classes A and B given as class files, both extending t/Base. */
    @Test
    void framesAtAJoinUseTheCommonSuperclassFromClassFiles() {
        ClassHierarchy hierarchy = HostileHierarchyTest.over(Map.of(
                "t/Base", HostileHierarchyTest.header("t/Base", "java/lang/Object", ACC_PUBLIC),
                "t/A", HostileHierarchyTest.header("t/A", "t/Base", ACC_PUBLIC),
                "t/B", HostileHierarchyTest.header("t/B", "t/Base", ACC_PUBLIC)));
        MethodNode m = new MethodNode(ACC_STATIC, "m", "(Z)Ljava/lang/String;", null, null);
        PassTesting.newEither(m, 0, "t/A", "t/B");
        m.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "toString", "()Ljava/lang/String;", false);
        m.visitInsn(ARETURN);
        MethodNode computed = StackMapComputer.compute(host(), m, hierarchy);
        assertEquals("""
                ILOAD 0
                IFEQ L0
                NEW t/A
                DUP
                INVOKESPECIAL t/A.<init> ()V
                GOTO L1
                L0
                FRAME SAME
                NEW t/B
                DUP
                INVOKESPECIAL t/B.<init> ()V
                L1
                FRAME SAME1 t/Base
                INVOKEVIRTUAL java/lang/Object.toString ()Ljava/lang/String;
                ARETURN
                """, PassTesting.text(computed));
        assertEquals(2, computed.maxStack);
        assertEquals(1, computed.maxLocals);
    }

    @Test
    void aMethodOverTheCodeLimitIsMethodTooLarge() {
        MethodNode m = new MethodNode(ACC_STATIC, "m", "()V", null, null);
        for (int i = 0; i < 33_000; i++) {
            m.visitInsn(ICONST_0);
            m.visitInsn(POP);
        }
        m.visitInsn(RETURN);
        WeaveException e = assertThrows(WeaveException.class,
                () -> StackMapComputer.compute(host(), m, ClassHierarchy.ofClassLoader(getClass().getClassLoader())));
        assertEquals(Diagnostic.Code.METHOD_TOO_LARGE, e.code);
        assertEquals("after weaving, the method's code would be 66001 bytes, over the JVM's limit of 65535: split the method",
                e.getMessage());
    }

    @Test
    void aClassMissingFromTheHierarchyIsADiagnosticNotALoad() {
        ClassHierarchy hierarchy = HostileHierarchyTest.over(Map.of(
                "t/A", HostileHierarchyTest.header("t/A", "java/lang/Object", ACC_PUBLIC)));
        MethodNode m = PassTesting.eitherArgument("t/A", "t/Gone", 0);
        WeaveException e = assertThrows(WeaveException.class, () -> StackMapComputer.compute(host(), m, hierarchy));
        assertEquals(Diagnostic.Code.MISSING_CLASS, e.code);
        assertEquals("cannot find class t.Gone on the classpath: it is needed to compute stack map frames", e.getMessage());
    }
}
