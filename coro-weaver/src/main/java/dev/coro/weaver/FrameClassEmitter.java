package dev.coro.weaver;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Emission pass: the frame class of one coroutine method.
 *
 * <pre>
 *   final synthetic class pkg/Host-m-Coro extends dev/coro/internal/CoroFrame {   // NestHost pkg/Host, when nested
 *     private Host self; private int p0; ...                     // the receiver and the parameters, exact types
 *     private int i0; private long j0; private Object a0; ...    // the saved locals (see FrameLayout)
 *     private Host-m-Coro(Host self, int p0, ...) { store them }
 *     protected final Object resume(int l, Object s, Throwable t) { return self.m(p0, ..., this, l, s, t); }
 *     private static void label(Host-m-Coro f, int l) { f.label = l; }                     // the body's trampolines:
 *     private static Object delegate(Host-m-Coro f, Object sub, int l) { return f.delegate(sub, l); }  // CoroFrame's are protected
 *     private static void check(Throwable t) { if (t != null) throw t; }  // a call, not a branch, in the body
 *     protected final void clearLocals() { self = null; a0 = null; ... }
 *     protected final String methodName() { return "pkg.Host.m"; }
 *     protected final String sourceFile() { return "Host.java"; }
 *     protected final int line(int label) { return "\u0014\u0017...".charAt(label); }
 *   }
 * </pre>
 *
 * Outside a nest ({@link Shape#nest} false) the private members are package-private instead, and an
 * instance body is reached through the host's static trampoline (see {@link CoroutineMethodWeaver}).
 * Class file version 55 (nests); its frames come from ASM (only {@code send} branches).
 */
final class FrameClassEmitter {
    private FrameClassEmitter() {}

    /** How the host and its body look to the frame class. */
    record Shape(String host, boolean hostIsInterface, boolean nest, String sourceFile, String method, String desc,
            boolean isStatic, int firstLine, String lines) {}

    static byte[] emit(Shape s, String frameClass, List<FrameLayout.Field> locals) {
        int member = s.nest() ? Opcodes.ACC_PRIVATE : 0;
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return Names.OBJECT; // never asked: no path merges two reference types
            }

            @Override
            protected ClassLoader getClassLoader() {
                throw new IllegalStateException("the weaver must not load classes");
            }
        };
        cw.visit(Opcodes.V11, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, frameClass, null,
                Names.FRAME_BASE, null);
        if (s.sourceFile() != null) cw.visitSource(s.sourceFile(), null);
        if (s.nest()) cw.visitNestHost(s.host());

        List<FrameLayout.Field> params = new ArrayList<>();
        if (!s.isStatic()) params.add(new FrameLayout.Field(Names.SELF_FIELD, FrameLayout.Kind.TYPED, "L" + s.host() + ";"));
        Type[] args = Type.getArgumentTypes(s.desc());
        for (int i = 0; i < args.length; i++) {
            params.add(new FrameLayout.Field(Names.PARAM_FIELD_PREFIX + i, FrameLayout.Kind.exactly(args[i]),
                    args[i].getDescriptor()));
        }
        for (FrameLayout.Field f : params) cw.visitField(member, f.name(), f.desc(), null, null).visitEnd();
        for (FrameLayout.Field f : locals) cw.visitField(member, f.name(), f.desc(), null, null).visitEnd();

        constructor(cw, member, frameClass, params);
        resume(cw, s, frameClass, params);
        fastPath(cw, frameClass);
        trampolines(cw, member, frameClass);

        MethodVisitor clear = method(cw, Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL, Names.CLEAR_LOCALS, "()V");
        List<FrameLayout.Field> all = new ArrayList<>(params);
        all.addAll(locals);
        for (FrameLayout.Field f : all) {
            if (!isReference(f.desc())) continue;
            clear.visitVarInsn(Opcodes.ALOAD, 0);
            clear.visitInsn(Opcodes.ACONST_NULL);
            clear.visitFieldInsn(Opcodes.PUTFIELD, frameClass, f.name(), f.desc());
        }
        clear.visitInsn(Opcodes.RETURN);
        end(clear);

        constant(cw, Names.METHOD_NAME, Names.binaryName(s.host()) + "." + s.method());
        constant(cw, Names.SOURCE_FILE, s.sourceFile());
        MethodVisitor line = method(cw, Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL, Names.LINE, "(I)I");
        line.visitLdcInsn(s.lines());
        line.visitVarInsn(Opcodes.ILOAD, 1);
        line.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "charAt", "(I)C", false);
        line.visitInsn(Opcodes.IRETURN);
        end(line);

        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void constructor(ClassWriter cw, int access, String frameClass, List<FrameLayout.Field> params) {
        StringBuilder desc = new StringBuilder("(");
        for (FrameLayout.Field f : params) desc.append(f.desc());
        MethodVisitor ctor = method(cw, access, "<init>", desc.append(")V").toString());
        ctor.visitVarInsn(Opcodes.ALOAD, 0);
        ctor.visitMethodInsn(Opcodes.INVOKESPECIAL, Names.FRAME_BASE, "<init>", "()V", false);
        int var = 1;
        for (FrameLayout.Field f : params) {
            Type t = Type.getType(f.desc());
            ctor.visitVarInsn(Opcodes.ALOAD, 0);
            ctor.visitVarInsn(t.getOpcode(Opcodes.ILOAD), var);
            ctor.visitFieldInsn(Opcodes.PUTFIELD, frameClass, f.name(), f.desc());
            var += t.getSize();
        }
        ctor.visitInsn(Opcodes.RETURN);
        end(ctor);
    }

    /** {@code return self.m(p0, ..., this, l, s, t)}: the body, directly in a nest, else through the host's trampoline. */
    private static void resume(ClassWriter cw, Shape s, String frameClass, List<FrameLayout.Field> params) {
        MethodVisitor r = method(cw, Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL, Names.RESUME, Names.RESUME_DESC);
        if (s.firstLine() > 0) {
            Label start = new Label();
            r.visitLabel(start);
            r.visitLineNumber(s.firstLine(), start);
        }
        for (FrameLayout.Field f : params) {
            r.visitVarInsn(Opcodes.ALOAD, 0);
            r.visitFieldInsn(Opcodes.GETFIELD, frameClass, f.name(), f.desc());
        }
        r.visitVarInsn(Opcodes.ALOAD, 0);
        r.visitVarInsn(Opcodes.ILOAD, 1);
        r.visitVarInsn(Opcodes.ALOAD, 2);
        r.visitVarInsn(Opcodes.ALOAD, 3);
        String body = Names.bodyDesc(s.desc());
        if (s.isStatic()) {
            r.visitMethodInsn(Opcodes.INVOKESTATIC, s.host(), s.method(), body, s.hostIsInterface());
        } else if (s.nest()) {
            r.visitMethodInsn(s.hostIsInterface() ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL, s.host(),
                    s.method(), body, s.hostIsInterface());
        } else {
            r.visitMethodInsn(Opcodes.INVOKESTATIC, s.host(), s.method(), Names.trampolineDesc(s.host(), s.desc()),
                    s.hostIsInterface());
        }
        r.visitInsn(Opcodes.ARETURN);
        end(r);
    }

    /**
     * The hot part of {@code next}/{@code send}, in the frame class itself so that each coroutine
     * type is profiled and compiled on its own (the protocol's logic stays in CoroFrame's steps):
     * <pre>
     *   public final Object send(Object v) {
     *     int l = fastEnter(v);  if (l < 0) return slowSend(v);
     *     Object y;  try { y = resume(l, v, null); } catch (Throwable e) { label = FAILED; throw fastFailed(e); }
     *     return fastExit(y);
     *   }
     *   public final Object next() { return send(null); }
     * </pre>
     */
    private static void fastPath(ClassWriter cw, String frameClass) {
        String obj = Names.OBJECT_DESC;
        MethodVisitor send = method(cw, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "send", "(" + obj + ")" + obj);
        Label fast = new Label();
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        send.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
        send.visitVarInsn(Opcodes.ALOAD, 0);
        send.visitVarInsn(Opcodes.ALOAD, 1);
        send.visitMethodInsn(Opcodes.INVOKEVIRTUAL, frameClass, Names.FAST_ENTER, "(" + obj + ")I", false);
        send.visitVarInsn(Opcodes.ISTORE, 2);
        send.visitVarInsn(Opcodes.ILOAD, 2);
        send.visitJumpInsn(Opcodes.IFGE, fast);
        send.visitVarInsn(Opcodes.ALOAD, 0);
        send.visitVarInsn(Opcodes.ALOAD, 1);
        send.visitMethodInsn(Opcodes.INVOKEVIRTUAL, frameClass, Names.SLOW_SEND, "(" + obj + ")" + obj, false);
        send.visitInsn(Opcodes.ARETURN);
        send.visitLabel(fast);
        send.visitLabel(start);
        send.visitVarInsn(Opcodes.ALOAD, 0);
        send.visitVarInsn(Opcodes.ILOAD, 2);
        send.visitVarInsn(Opcodes.ALOAD, 1);
        send.visitInsn(Opcodes.ACONST_NULL);
        send.visitMethodInsn(Opcodes.INVOKEVIRTUAL, frameClass, Names.RESUME, Names.RESUME_DESC, false);
        send.visitVarInsn(Opcodes.ASTORE, 3);
        send.visitLabel(end);
        send.visitVarInsn(Opcodes.ALOAD, 0);
        send.visitVarInsn(Opcodes.ALOAD, 3);
        send.visitMethodInsn(Opcodes.INVOKEVIRTUAL, frameClass, Names.FAST_EXIT, "(" + obj + ")" + obj, false);
        send.visitInsn(Opcodes.ARETURN);
        send.visitLabel(handler);
        send.visitVarInsn(Opcodes.ASTORE, 3);
        // FAILED first, with a plain write: near the end of the stack the call below may itself overflow
        send.visitVarInsn(Opcodes.ALOAD, 0);
        send.visitIntInsn(Opcodes.BIPUSH, Names.FAILED_LABEL);
        send.visitFieldInsn(Opcodes.PUTFIELD, frameClass, Names.LABEL_FIELD, "I");
        send.visitVarInsn(Opcodes.ALOAD, 0);
        send.visitVarInsn(Opcodes.ALOAD, 3);
        send.visitMethodInsn(Opcodes.INVOKEVIRTUAL, frameClass, Names.FAST_FAILED,
                "(" + Names.THROWABLE_DESC + ")" + Names.THROWABLE_DESC, false);
        send.visitInsn(Opcodes.ATHROW);
        end(send);

        MethodVisitor next = method(cw, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "next", "()" + obj);
        next.visitVarInsn(Opcodes.ALOAD, 0);
        next.visitInsn(Opcodes.ACONST_NULL);
        next.visitMethodInsn(Opcodes.INVOKEVIRTUAL, frameClass, "send", "(" + obj + ")" + obj, false);
        next.visitInsn(Opcodes.ARETURN);
        end(next);
    }

    private static void trampolines(ClassWriter cw, int access, String frameClass) {
        String self = "L" + frameClass + ";";
        MethodVisitor label = method(cw, access | Opcodes.ACC_STATIC, Names.SET_LABEL, "(" + self + "I)V");
        label.visitVarInsn(Opcodes.ALOAD, 0);
        label.visitVarInsn(Opcodes.ILOAD, 1);
        label.visitFieldInsn(Opcodes.PUTFIELD, frameClass, Names.LABEL_FIELD, "I");
        label.visitInsn(Opcodes.RETURN);
        end(label);

        MethodVisitor check = method(cw, access | Opcodes.ACC_STATIC, Names.CHECK_THROWN, "(" + Names.THROWABLE_DESC + ")V");
        Label none = new Label();
        check.visitVarInsn(Opcodes.ALOAD, 0);
        check.visitJumpInsn(Opcodes.IFNULL, none);
        check.visitVarInsn(Opcodes.ALOAD, 0);
        check.visitInsn(Opcodes.ATHROW);
        check.visitLabel(none);
        check.visitInsn(Opcodes.RETURN);
        end(check);

        MethodVisitor delegate = method(cw, access | Opcodes.ACC_STATIC, Names.DELEGATE,
                "(" + self + Names.DELEGATE_DESC.substring(1));
        delegate.visitVarInsn(Opcodes.ALOAD, 0);
        delegate.visitVarInsn(Opcodes.ALOAD, 1);
        delegate.visitVarInsn(Opcodes.ILOAD, 2);
        delegate.visitMethodInsn(Opcodes.INVOKEVIRTUAL, frameClass, Names.DELEGATE, Names.DELEGATE_DESC, false);
        delegate.visitInsn(Opcodes.ARETURN);
        end(delegate);
    }

    private static void constant(ClassWriter cw, String name, String value) {
        MethodVisitor m = method(cw, Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL, name, "()" + Names.STRING_DESC);
        if (value == null) m.visitInsn(Opcodes.ACONST_NULL);
        else m.visitLdcInsn(value);
        m.visitInsn(Opcodes.ARETURN);
        end(m);
    }

    private static MethodVisitor method(ClassWriter cw, int access, String name, String desc) {
        MethodVisitor m = cw.visitMethod(access, name, desc, null, null);
        m.visitCode();
        return m;
    }

    private static void end(MethodVisitor m) {
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    private static boolean isReference(String desc) {
        return desc.charAt(0) == 'L' || desc.charAt(0) == '[';
    }
}
