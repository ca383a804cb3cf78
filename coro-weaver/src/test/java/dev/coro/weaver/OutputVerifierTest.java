package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link OutputVerifier}: ASM's verifier over the weaver's output with the hierarchy read from class
 * files; the JVM's rules where they are looser than ASM's (any reference passes for an interface), the
 * frame classes that exist only at run time, and the failure as method, instruction and message.
 */
class OutputVerifierTest {
    private static final ClassHierarchy HIERARCHY = ClassHierarchy.ofClassLoader(OutputVerifierTest.class.getClassLoader());

    private static ClassNode host() {
        ClassNode host = new ClassNode();
        host.visit(V11, ACC_PUBLIC | ACC_SUPER, "t/Out", null, "java/lang/Object", null);
        host.visitSource("Out.java", null);
        return host;
    }

    private static MethodNode method(String desc, Consumer<MethodNode> body) {
        MethodNode m = new MethodNode(ACC_STATIC, "m", desc, null, null);
        body.accept(m);
        m.visitMaxs(4, 4);
        return m;
    }

    @Test
    void aFailureNamesTheMethodTheInstructionAndItsLine() {
        MethodNode m = method("()V", b -> {
            PassTesting.line(b, 21);
            b.visitInsn(ICONST_1);
            b.visitMethodInsn(INVOKESTATIC, "java/lang/String", "valueOf", "(Ljava/lang/Object;)Ljava/lang/String;", false);
            b.visitInsn(POP);
            b.visitInsn(RETURN);
        });
        OutputVerifier.Failure f = OutputVerifier.verify(host(), List.of(m), HIERARCHY, List.of());
        assertEquals("m()V at instruction 3: Error at instruction 3: Argument 1: expected Ljava/lang/Object;, but found I",
                f.toString());
        assertEquals(21, f.line());
    }

    /** The JVM lets any reference stand for an interface (the check is at the call); ASM's verifier alone would not. */
    @Test
    void anyReferencePassesWhereAnInterfaceIsExpected() {
        MethodNode m = method("(Ljava/lang/Object;)V", b -> {
            b.visitVarInsn(ALOAD, 0);
            b.visitMethodInsn(INVOKEINTERFACE, "java/lang/Runnable", "run", "()V", true);
            b.visitInsn(RETURN);
        });
        assertNull(OutputVerifier.verify(host(), List.of(m), HIERARCHY, List.of()));
    }

    /** A frame class is defined at run time: given as extra, it is a CoroFrame; otherwise it is a class that cannot be found. */
    @Test
    void frameClassesAreKnownOnlyAsExtras() {
        MethodNode m = method("(Lt/Out-m-Coro;)Ldev/coro/internal/CoroFrame;", b -> {
            b.visitVarInsn(ALOAD, 0);
            b.visitInsn(ARETURN);
        });
        assertNull(OutputVerifier.verify(host(), List.of(m), HIERARCHY, List.of("t/Out-m-Coro")));
        WeaveException e = assertThrows(WeaveException.class,
                () -> OutputVerifier.verify(host(), List.of(m), HIERARCHY, List.of()));
        assertEquals(Diagnostic.Code.MISSING_CLASS, e.code);
        assertEquals("cannot find class t.Out-m-Coro on the classpath: it is needed to compute stack map frames",
                e.getMessage());
        MethodNode asString = method("(Lt/Out-m-Coro;)Ljava/lang/String;", b -> {
            b.visitVarInsn(ALOAD, 0);
            b.visitInsn(ARETURN);
        });
        assertEquals("m(Lt/Out-m-Coro;)Ljava/lang/String; at instruction 1: Error at instruction 1: Incompatible return"
                + " type: expected Ljava/lang/String;, but found Lt/Out-m-Coro;",
                String.valueOf(OutputVerifier.verify(host(), List.of(asString), HIERARCHY, List.of("t/Out-m-Coro"))));
    }

    @Test
    void verifyClassChecksEveryMethodWithCodeOfAClassFile() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V11, ACC_PUBLIC | ACC_SUPER | ACC_ABSTRACT, "t/Whole", null, "java/lang/Object", null);
        cw.visitMethod(ACC_ABSTRACT, "none", "()V", null, null).visitEnd();
        MethodVisitor good = cw.visitMethod(ACC_STATIC, "good", "()I", null, null);
        good.visitCode();
        good.visitInsn(ICONST_0);
        good.visitInsn(IRETURN);
        good.visitMaxs(0, 0);
        good.visitEnd();
        assertNull(OutputVerifier.verifyClass(copy(cw).toByteArray(), HIERARCHY));
        MethodVisitor bad = cw.visitMethod(ACC_STATIC, "bad", "()I", null, null);
        bad.visitCode();
        bad.visitInsn(FCONST_0);
        bad.visitInsn(IRETURN);
        bad.visitMaxs(0, 0);
        bad.visitEnd();
        assertEquals("bad()I at instruction 1: Error at instruction 1: Expected I, but found F",
                OutputVerifier.verifyClass(cw.toByteArray(), HIERARCHY));
    }

    private static ClassWriter copy(ClassWriter cw) {
        ClassWriter out = new ClassWriter(0);
        new org.objectweb.asm.ClassReader(cw.toByteArray()).accept(out, 0);
        return out;
    }
}
