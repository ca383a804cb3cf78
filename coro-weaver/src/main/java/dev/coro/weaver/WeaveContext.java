package dev.coro.weaver;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.LimitExceededException;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Where one weave is, for diagnostics: every throwable, from any step, becomes a diagnostic here
 * ({@link #diagnostic(Throwable)}), naming the class, the method being handled and the source file
 * as far as they are known. Before the class is parsed, and for a corrupt class file, the
 * diagnostic names the class file: the file's own attributes are not to be trusted.
 */
final class WeaveContext {
    private final byte[] classFile;
    /** The parsed class, once {@link Weaver}'s parse step succeeded. */
    ClassNode cls;
    /** The method a step is handling, or null: see {@link #handling}. */
    private MethodNode method;
    /** Its first line, taken before weaving moves its code away. */
    private int firstLine;
    /** True while only the input is being parsed and checked. */
    boolean readingInput = true;

    WeaveContext(byte[] classFile) {
        this.classFile = classFile;
    }

    /** From now on diagnostics are about {@code m} (null: about the class). */
    void handling(MethodNode m) {
        method = m;
        firstLine = m == null ? 0 : ControlFlow.firstLine(m);
    }

    Diagnostic diagnostic(Throwable e) {
        if (e instanceof WeaveException w) {
            if (w.method != null || w.sourceFile != null) { // an input check that knows where it is
                return new Diagnostic(w.code, guessName(classFile), w.method, w.sourceFile, w.line, w.getMessage());
            }
            return diagnostic(w.code, w.line, w.getMessage());
        }
        if (e instanceof StackOverflowError) {
            return diagnostic(Diagnostic.Code.OUT_OF_STACK, 0, "the weaver ran out of thread stack"
                    + " (StackOverflowError): weave on a thread with a larger stack");
        }
        if (e instanceof MethodTooLargeException t) {
            return diagnostic(Diagnostic.Code.METHOD_TOO_LARGE, 0, "after weaving, method " + t.getMethodName()
                    + " would be " + t.getCodeSize() + " bytes, over the JVM's limit of 65535");
        }
        if (e instanceof ClassTooLargeException t) {
            return diagnostic(Diagnostic.Code.METHOD_TOO_LARGE, 0, "after weaving, the class's constant pool"
                    + " would have " + t.getConstantPoolCount() + " entries, over the JVM's limit of 65535");
        }
        if (e instanceof LimitExceededException) {
            return diagnostic(Diagnostic.Code.UNSUPPORTED_CODE, 0,
                    "a woven method is too large to compute its stack map frames (" + e.getMessage() + ")");
        }
        if (readingInput && !(e instanceof LinkageError)) { // a LinkageError is the JVM's, not the input's
            return diagnostic(Diagnostic.Code.BAD_CLASS_FILE, 0, "corrupt class file: " + e);
        }
        return diagnostic(Diagnostic.Code.INTERNAL_ERROR, 0,
                "internal error in the coro weaver (please report it): " + e);
    }

    /** At {@code line}, or at the first line of the method being handled when 0. */
    Diagnostic diagnostic(Diagnostic.Code code, int line, String message) {
        if (cls == null || code == Diagnostic.Code.BAD_CLASS_FILE) {
            return new Diagnostic(code, guessName(classFile), null, null, line, message);
        }
        if (line <= 0) line = firstLine;
        return CoroutineChecker.diagnostic(cls, method, code, line, message);
    }

    /** The class's name for a diagnostic about a file that may not parse. */
    private static String guessName(byte[] classFile) {
        try {
            return Names.binaryName(new ClassReader(classFile).getClassName());
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return "<unreadable class file>";
        }
    }
}
