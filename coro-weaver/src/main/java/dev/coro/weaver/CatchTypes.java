package dev.coro.weaver;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Input check: every exception handler catches a subclass of {@code java.lang.Throwable}, as the
 * JVM's verifier requires. ASM's verifier does not check it, so a class whose catch type names
 * another class (a shifted constant pool index) was woven into a class the JVM refuses. A catch type
 * the hierarchy cannot find is left to the JVM, which may never need it.
 */
final class CatchTypes {
    private CatchTypes() {}

    private static final String THROWABLE = "java/lang/Throwable";

    /** @throws WeaveException {@code BAD_CLASS_FILE} naming the method, the class it catches and the handler's line */
    static void check(ClassNode cls, ClassHierarchy hierarchy) {
        for (MethodNode m : cls.methods) {
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                if (t.type != null && !t.type.startsWith("[") && !isThrowable(t.type, hierarchy)) {
                    throw new WeaveException(Diagnostic.Code.BAD_CLASS_FILE, lineAt(t.handler),
                            "corrupt class file: method " + m.name + m.desc + " has an exception handler for "
                                    + Names.binaryName(t.type) + ", which is not a subclass of java.lang.Throwable",
                            m.name, cls.sourceFile);
                }
            }
        }
    }

    /** The line of the handler's first instruction (its line number follows the handler's label). */
    private static int lineAt(LabelNode handler) {
        for (AbstractInsnNode n = handler; n != null && n.getOpcode() < 0; n = n.getNext()) {
            if (n instanceof LineNumberNode l) return l.line;
        }
        return ControlFlow.lineOf(handler);
    }

    private static boolean isThrowable(String type, ClassHierarchy hierarchy) {
        try {
            for (String c = type; c != null; c = hierarchy.superName(c)) {
                if (THROWABLE.equals(c)) return true;
            }
            return false;
        } catch (WeaveException e) {
            if (e.code == Diagnostic.Code.MISSING_CLASS) return true;
            throw e;
        }
    }
}
