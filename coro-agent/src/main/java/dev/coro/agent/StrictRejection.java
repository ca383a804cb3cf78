package dev.coro.agent;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The agent option {@code strict}: a rejected class is not loaded as it was, but made to fail as soon
 * as it is first used, with the weaver's diagnostics as the message. A transformer cannot refuse a
 * class (the JVM ignores what it throws), so the class is given a static initializer that throws.
 *
 * <pre>
 * before:  static { &lt;the class's own initializer, if any&gt; }
 * after:   static { throw new LinkageError("coro (strict) rejected p.C: ..."); }
 *          private static synthetic void coro$strict$clinit() { &lt;the old initializer, never run&gt; }
 * </pre>
 *
 * <p>The error is thrown as is (an {@code Error} from a static initializer is not wrapped), and every
 * later use of the class fails with {@code NoClassDefFoundError} naming it. Nothing else in the class
 * changes, so no stack map frame is recomputed; the new initializer is straight-line code.
 */
final class StrictRejection {
    private StrictRejection() {}

    static final String RENAMED_INITIALIZER = "coro$strict$clinit";

    /** The class file of {@code classFile} with the throwing initializer, or null when it cannot be parsed. */
    static byte[] failOnFirstUse(byte[] classFile, String message) {
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (RuntimeException e) {
            return null; // a damaged class file fails to load on its own
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (name.equals("<clinit>")) {
                    return super.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                            RENAMED_INITIALIZER, descriptor, signature, exceptions);
                }
                return super.visitMethod(access, name, descriptor, signature, exceptions);
            }

            @Override
            public void visitEnd() {
                MethodVisitor mv = super.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
                mv.visitCode();
                mv.visitTypeInsn(Opcodes.NEW, "java/lang/LinkageError");
                mv.visitInsn(Opcodes.DUP);
                mv.visitLdcInsn(message);
                mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/LinkageError", "<init>", "(Ljava/lang/String;)V",
                        false);
                mv.visitInsn(Opcodes.ATHROW);
                mv.visitMaxs(3, 0);
                mv.visitEnd();
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }
}
