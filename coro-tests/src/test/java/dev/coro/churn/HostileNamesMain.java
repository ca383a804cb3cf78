package dev.coro.churn;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.InputStream;

/**
 * Run in a forked JVM with {@code -javaagent:coro-agent.jar=dump=DIR}: defines classes that need
 * weaving under names that point outside DIR, as a hostile or buggy class loader may: the name a
 * loader passes (the JVM checks it against the class file only after the agent ran), and a name
 * inside the class file itself. Prints what each define threw (the JVM rejects both names).
 * Argument: the path the loader's name points at, without its leading '/'.
 */
public final class HostileNamesMain {
    private HostileNamesMain() {}

    public static void main(String[] args) throws Exception {
        byte[] churned;
        try (InputStream in = HostileNamesMain.class.getResourceAsStream("Churned.class")) {
            churned = in.readAllBytes();
        }
        String fromLoader = "." + args[0].replace('/', '.') + ".Escaped"; // internal name: /<args[0]>/Escaped
        System.out.println("loader's name: " + outcome(churned, fromLoader));
        System.out.println("file's name: " + outcome(named("../../EscapedToo"), null));
    }

    private static String outcome(byte[] b, String name) {
        try {
            new ClassLoader(HostileNamesMain.class.getClassLoader()) {
                Class<?> define() {
                    return defineClass(name, b, 0, b.length);
                }
            }.define();
            return "defined";
        } catch (Throwable e) {
            return e.getClass().getName();
        }
    }

    /** A class with a @Coroutine method, named {@code internalName} in its own class file. */
    private static byte[] named(String internalName) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", "()Ldev/coro/Coro;", null, null);
        mv.visitAnnotation("Ldev/coro/Coroutine;", false).visitEnd();
        mv.visitCode();
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "await", "()Ljava/lang/Object;", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "done", "()Ldev/coro/Coro;", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
