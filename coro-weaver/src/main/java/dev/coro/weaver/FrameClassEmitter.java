package dev.coro.weaver;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.List;

/**
 * Emission pass: the frame class of one coroutine method.
 *
 * <pre>
 *   public final synthetic class pkg/C$m$Coro extends dev/coro/internal/CoroFrame {
 *     public int i0; public long j0, j1; public Object a0; ...       // the saved locals, by kind
 *     public C$m$Coro(Object this?, params erased...) { store the params live at entry }
 *     protected Object resume(int l, Object s, Throwable t) { return C.m(this, l, s, t); }
 *     protected void clearLocals() { a0 = null; ... }
 *     protected String methodName() { return "pkg.C.m"; }
 *   }
 * </pre>
 *
 * Class file version 52: it has no branches, so needs no stack map frames, and calls a static
 * interface method when the host is an interface.
 */
final class FrameClassEmitter {
    private FrameClassEmitter() {}

    static byte[] emit(String host, boolean hostIsInterface, String sourceFile, String frameClass,
            String methodName, Type[] ctorParams, List<FrameLayout.Slot> entrySlots, List<FrameLayout.Field> fields) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                frameClass, null, Names.FRAME_BASE, null);
        if (sourceFile != null) cw.visitSource(sourceFile, null);
        for (FrameLayout.Field f : fields) {
            cw.visitField(Opcodes.ACC_PUBLIC, f.name(), f.kind().desc, null, null).visitEnd();
        }

        MethodVisitor ctor = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>",
                Type.getMethodDescriptor(Type.VOID_TYPE, ctorParams), null, null);
        ctor.visitCode();
        ctor.visitVarInsn(Opcodes.ALOAD, 0);
        ctor.visitMethodInsn(Opcodes.INVOKESPECIAL, Names.FRAME_BASE, "<init>", "()V", false);
        int[] paramVar = new int[ctorParams.length];
        int next = 1;
        for (int i = 0; i < ctorParams.length; i++) {
            paramVar[i] = next;
            next += ctorParams[i].getSize();
        }
        for (FrameLayout.Slot s : entrySlots) {
            if (s.field() == null) continue;
            int param = paramIndexOfSlot(ctorParams, s.saved().slot());
            ctor.visitVarInsn(Opcodes.ALOAD, 0);
            ctor.visitVarInsn(s.field().kind().load, paramVar[param]);
            ctor.visitFieldInsn(Opcodes.PUTFIELD, frameClass, s.field().name(), s.field().kind().desc);
        }
        ctor.visitInsn(Opcodes.RETURN);
        ctor.visitMaxs(0, 0);
        ctor.visitEnd();

        MethodVisitor resume = cw.visitMethod(Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL, Names.RESUME,
                Names.RESUME_DESC, null, null);
        resume.visitCode();
        resume.visitVarInsn(Opcodes.ALOAD, 0);
        resume.visitVarInsn(Opcodes.ILOAD, 1);
        resume.visitVarInsn(Opcodes.ALOAD, 2);
        resume.visitVarInsn(Opcodes.ALOAD, 3);
        resume.visitMethodInsn(Opcodes.INVOKESTATIC, host, methodName, Names.BODY_DESC, hostIsInterface);
        resume.visitInsn(Opcodes.ARETURN);
        resume.visitMaxs(0, 0);
        resume.visitEnd();

        MethodVisitor clear = cw.visitMethod(Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL, Names.CLEAR_LOCALS, "()V",
                null, null);
        clear.visitCode();
        for (FrameLayout.Field f : fields) {
            if (f.kind() != FrameLayout.Kind.REF) continue;
            clear.visitVarInsn(Opcodes.ALOAD, 0);
            clear.visitInsn(Opcodes.ACONST_NULL);
            clear.visitFieldInsn(Opcodes.PUTFIELD, frameClass, f.name(), f.kind().desc);
        }
        clear.visitInsn(Opcodes.RETURN);
        clear.visitMaxs(0, 0);
        clear.visitEnd();

        MethodVisitor name = cw.visitMethod(Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL, Names.METHOD_NAME,
                "()Ljava/lang/String;", null, null);
        name.visitCode();
        name.visitLdcInsn(Names.binaryName(host) + "." + methodName);
        name.visitInsn(Opcodes.ARETURN);
        name.visitMaxs(0, 0);
        name.visitEnd();

        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The index of the parameter (this counted as parameter 0 of an instance method) in local {@code slot}. */
    private static int paramIndexOfSlot(Type[] params, int slot) {
        int s = 0;
        for (int i = 0; i < params.length; i++) {
            if (s == slot) return i;
            s += params[i].getSize();
        }
        throw new IllegalStateException("local " + slot + " is not a parameter");
    }
}
