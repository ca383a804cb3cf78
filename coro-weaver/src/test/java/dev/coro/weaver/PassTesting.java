package dev.coro.weaver;

import dev.coro.Coro;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Helpers for the per-pass tests: a class with one coroutine built by ASM, a method's text, loading and running. */
final class PassTesting {
    private PassTesting() {}

    static final String YIELD = "dev/coro/Yield";
    static final String OBJ = "Ljava/lang/Object;";

    /** A class {@code t/Name} (source Name.java) with one static {@code @Coroutine} method {@code m(desc params)Coro}. */
    static byte[] coroutineClass(String name, String params, Consumer<MethodVisitor> body) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object";
            }
        };
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "t/" + name, null, "java/lang/Object", null);
        cw.visitSource(name + ".java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m", "(" + params + ")Ldev/coro/Coro;",
                null, null);
        mv.visitAnnotation("Ldev/coro/Coroutine;", false).visitEnd();
        mv.visitCode();
        body.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A public class {@code name} (version 11, no source file) with what {@code members} adds, maxima computed. */
    static byte[] plainClass(String name, Consumer<ClassWriter> members) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        members.accept(cw);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code static void m() { body; return; }} in {@code cw}. */
    static void voidMethod(ClassWriter cw, Consumer<MethodVisitor> body) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", "()V", null, null);
        mv.visitCode();
        body.accept(mv);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    static void line(MethodVisitor mv, int line) {
        Label l = new Label();
        mv.visitLabel(l);
        mv.visitLineNumber(line, l);
    }

    static void await(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, YIELD, "await", "()" + OBJ, false);
    }

    static void value(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, YIELD, "value", "(" + OBJ + ")" + OBJ, false);
    }

    static void done(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, YIELD, "done", "(" + OBJ + ")Ldev/coro/Coro;", false);
        mv.visitInsn(Opcodes.ARETURN);
    }

    static final String ENTRY = "java/util/AbstractMap$SimpleEntry";
    static final String SB = "java/lang/StringBuilder";

    /** {@code NEW SimpleEntry; DUP}: how javac starts {@code new SimpleEntry(k, v)}. */
    static void newEntry(MethodVisitor mv) {
        mv.visitTypeInsn(Opcodes.NEW, ENTRY);
        mv.visitInsn(Opcodes.DUP);
    }

    /** The constructor call that ends {@code new SimpleEntry(k, v)}. */
    static void initEntry(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, ENTRY, "<init>", "(" + OBJ + OBJ + ")V", false);
    }

    /** The constructor call that ends {@code new StringBuilder(s)}. */
    static void initBuilder(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, SB, "<init>", "(Ljava/lang/String;)V", false);
    }

    /** javac's {@code return Yield.done(new SimpleEntry("a", Yield.await()));} at {@code line}: an allocation under a suspension. */
    static byte[] entryOfAwait(String name, int line) {
        return coroutineClass(name, "", mv -> {
            line(mv, line);
            newEntry(mv);
            mv.visitLdcInsn("a");
            await(mv);
            initEntry(mv);
            done(mv);
        });
    }

    /** The text of {@link #initEntry} and {@link #done}. */
    static final String ENTRY_INIT_AND_DONE = """
            INVOKESPECIAL java/util/AbstractMap$SimpleEntry.<init> (Ljava/lang/Object;Ljava/lang/Object;)V
            INVOKESTATIC dev/coro/Yield.done (Ljava/lang/Object;)Ldev/coro/Coro;
            ARETURN
            """;

    /** How {@link ConstructorMover} ends an allocation it moved past a suspension: the two arguments stored, the object made. */
    static final String ENTRY_REBUILT = """
            ASTORE 1
            ASTORE 0
            NEW java/util/AbstractMap$SimpleEntry
            DUP
            ALOAD 0
            ALOAD 1
            """ + ENTRY_INIT_AND_DONE;

    /** {@code flag ? new A() : new B()}, the object left on the stack (both classes have a no-argument constructor). */
    static void newEither(MethodVisitor mv, int flagSlot, String a, String b) {
        Label other = new Label();
        Label join = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, flagSlot);
        mv.visitJumpInsn(Opcodes.IFEQ, other);
        mv.visitTypeInsn(Opcodes.NEW, a);
        mv.visitInsn(Opcodes.DUP);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, a, "<init>", "()V", false);
        mv.visitJumpInsn(Opcodes.GOTO, join);
        mv.visitLabel(other);
        mv.visitTypeInsn(Opcodes.NEW, b);
        mv.visitInsn(Opcodes.DUP);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, b, "<init>", "()V", false);
        mv.visitLabel(join);
    }

    /**
     * {@code static Object m(boolean b, A x, B y) { return b ? x : y; }} as ASM builds it (no frames),
     * at {@code line} when it is not 0: the two types meet where the branches join.
     */
    static MethodNode eitherArgument(String a, String b, int line) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "(ZL" + a + ";L" + b + ";)" + OBJ, null, null);
        if (line > 0) line(m, line);
        eitherArgument(m);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(1, 3);
        return m;
    }

    /** {@code b ? x : y} of a static method's arguments {@code (boolean b, X x, Y y)}, left on the stack. */
    static void eitherArgument(MethodVisitor mv) {
        Label other = new Label();
        Label join = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitJumpInsn(Opcodes.IFEQ, other);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitJumpInsn(Opcodes.GOTO, join);
        mv.visitLabel(other);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitLabel(join);
    }

    /** The method {@code m} of a class file, as ASM reads it (no frames: passes run on code without them). */
    static MethodNode method(byte[] classFile) {
        ClassNode cn = new ClassNode();
        new ClassReader(classFile).accept(cn, ClassReader.SKIP_FRAMES);
        return cn.methods.stream().filter(m -> m.name.equals("m")).findFirst().orElseThrow();
    }

    /** The instructions of {@code m} as Textifier prints them, one per line, trimmed; labels and line numbers kept. */
    static String text(MethodNode m) {
        Textifier t = new Textifier();
        m.instructions.accept(new TraceMethodVisitor(t));
        StringWriter w = new StringWriter();
        t.print(new PrintWriter(w));
        StringBuilder sb = new StringBuilder();
        for (String l : w.toString().split("\n")) {
            String s = l.trim();
            if (s.isEmpty() || s.startsWith("MAXSTACK") || s.startsWith("MAXLOCALS")) continue;
            sb.append(s).append('\n');
        }
        return sb.toString();
    }

    /** Weaves {@code classFile} (it must weave) and loads it in a loader of its own. */
    static Class<?> weaveAndLoad(byte[] classFile) throws Exception {
        WeaveResult r = new Weaver(ClassHierarchy.ofClassLoader(PassTesting.class.getClassLoader())).weave(classFile);
        assertEquals(WeaveResult.Status.WOVEN, r.status(), r.diagnostics().toString());
        ClassNode cn = new ClassNode();
        new ClassReader(r.bytes()).accept(cn, 0);
        String binary = cn.name.replace('/', '.');
        ClassLoader loader = new ClassLoader(PassTesting.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String n) throws ClassNotFoundException {
                if (!n.equals(binary)) throw new ClassNotFoundException(n);
                return defineClass(n, r.bytes(), 0, r.bytes().length);
            }
        };
        return Class.forName(binary, true, loader);
    }

    /** Runs the woven {@code m(args)}: {@code next()}, then {@code send(s)} for each of {@code sends}; returns the trace. */
    @SuppressWarnings("unchecked")
    static String run(Class<?> c, Object[] args, Object... sends) throws Exception {
        Class<?>[] types = java.util.Arrays.stream(c.getMethods()).filter(m -> m.getName().equals("m")).findFirst()
                .orElseThrow().getParameterTypes();
        Coro<Object, Object, Object> coro = (Coro<Object, Object, Object>) c.getMethod("m", types).invoke(null, args);
        StringBuilder sb = new StringBuilder();
        try {
            sb.append("next -> ");
            sb.append(coro.next());
            for (Object s : sends) {
                sb.append("; send ").append(s).append(" -> ");
                sb.append(coro.send(s));
            }
        } catch (dev.coro.StopIteration e) {
            sb.append("!StopIteration(").append(e.value()).append(')');
        }
        return sb.toString();
    }
}
