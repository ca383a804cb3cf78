package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 12, item 12: frame classes go through the weaver's own output check as the woven class does
 * ({@link OutputVerifier#verifyFrameClass}), so a frame class that does not verify is a diagnostic
 * at weave time, not a VerifyError when the coroutine first runs.
 */
class FrameClassVerificationTest {
    private final ClassHierarchy hierarchy = ClassHierarchy.ofClassLoader(getClass().getClassLoader());

    /** A frame class for t/Gen.m whose resume returns what {@code body} leaves on the stack. */
    private static byte[] frameClass(boolean returnsAnInt) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, "t/Gen-m-Coro", null, "dev/coro/internal/CoroFrame",
                null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PROTECTED, "resume",
                "(ILjava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;", null, null);
        mv.visitCode();
        mv.visitInsn(returnsAnInt ? Opcodes.ICONST_0 : Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void aFrameClassThatDoesNotVerifyIsFound() {
        OutputVerifier.Failure f = OutputVerifier.verifyFrameClass(frameClass(true), hierarchy, List.of("t/Gen-m-Coro"));
        assertEquals("resume(ILjava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object; at instruction 1: Error at"
                + " instruction 1: Expected an object reference, but found I", "" + f);
    }

    @Test
    void aFrameClassThatVerifiesPasses() {
        assertNull(OutputVerifier.verifyFrameClass(frameClass(false), hierarchy, List.of("t/Gen-m-Coro")));
    }
}
