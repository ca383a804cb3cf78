package dev.coro.weaver;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Computes the stack map frames (and max stack/locals) of one rewritten method with ASM's
 * {@code COMPUTE_FRAMES}, in a scratch class holding just that method, so the class's other methods
 * keep their original frames untouched. The common superclass of two types comes from the
 * {@link ClassHierarchy} (class files), never from loading a class.
 */
final class StackMapComputer {
    private StackMapComputer() {}

    /**
     * A ClassWriter that takes common superclasses from {@code hierarchy}, never loads a class, and
     * has budgets large enough for any method the JVM accepts. The weaver's final writer needs this
     * too: a woven method over 32 KB has branches that need GOTO_W, and toByteArray() then re-reads
     * the class and recomputes frames around the expanded instructions with the writer's own limits.
     */
    static ClassWriter writer(int flags, ClassHierarchy hierarchy) {
        ClassWriter cw = new ClassWriter(flags) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return hierarchy.commonSuperClass(a, b);
            }

            @Override
            protected ClassLoader getClassLoader() {
                throw new IllegalStateException("the weaver must not load classes");
            }
        };
        // ASM's default budget (10 MB, 10^8 merge operations) refuses large legitimate coroutines:
        // a hundred live locals under nested handlers; any method the JVM accepts fits in this one.
        cw.setComputeLimits(ControlFlow.MAX_ANALYSIS_BYTES, ControlFlow.MAX_ANALYSIS_OPERATIONS);
        return cw;
    }

    /**
     * {@code method} with frames and maxima computed. One that may be over 32 KB is written with wide
     * jumps ({@link WideJumps}); only if that makes it too large for the JVM is it written as ASM
     * would, widening only the jumps that need it.
     */
    static MethodNode compute(ClassNode host, MethodNode method, ClassHierarchy hierarchy) {
        if (WideJumps.mayBeLong(method)) {
            try {
                return compute(host, method, hierarchy, true);
            } catch (WeaveException e) {
                if (e.code != Diagnostic.Code.METHOD_TOO_LARGE) throw e;
            }
        }
        return compute(host, method, hierarchy, false);
    }

    private static MethodNode compute(ClassNode host, MethodNode method, ClassHierarchy hierarchy, boolean wide) {
        ClassWriter cw = writer(ClassWriter.COMPUTE_FRAMES, hierarchy);
        cw.visit(host.version, host.access, host.name, null, host.superName,
                host.interfaces.toArray(new String[0]));
        byte[] bytes;
        try {
            method.accept(wide ? WideJumps.inEveryMethod(cw, true) : cw);
            cw.visitEnd();
            bytes = cw.toByteArray();
        } catch (org.objectweb.asm.LimitExceededException e) {
            throw new WeaveException(Diagnostic.Code.UNSUPPORTED_CODE,
                    "the woven method is too large to compute its stack map frames (" + e.getMessage() + ")");
        } catch (MethodTooLargeException e) {
            throw new WeaveException(Diagnostic.Code.METHOD_TOO_LARGE, "after weaving, the method's code would be "
                    + e.getCodeSize() + " bytes, over the JVM's limit of 65535: split the method");
        }
        ClassNode scratch = new ClassNode();
        new ClassReader(bytes).accept(scratch, 0);
        return scratch.methods.get(0);
    }
}
