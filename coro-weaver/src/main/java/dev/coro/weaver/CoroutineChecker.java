package dev.coro.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Pass 1 (analysis only): finds the problems that reject a class before anything is rewritten.
 *
 * <ul>
 *   <li>a {@code Yield} call in a method that is not {@code @Coroutine} (a lambda body is such a
 *       method: javac compiles it to a synthetic {@code lambda$...} method);
 *   <li>a {@code synchronized} {@code @Coroutine} method, or one not returning {@code Coro};
 *   <li>a {@code Yield} call while a monitor is held (see {@link MonitorChecker});
 *   <li>a call to a {@code Yield} method this weaver does not know.
 * </ul>
 *
 * Method-level problems are reported at the method's first line, call problems at the call's line.
 */
final class CoroutineChecker {
    private CoroutineChecker() {}

    /**
     * A method annotated {@code @Coroutine}, bridges excepted: javac copies a method's annotations onto
     * its bridge, which must stay a plain call to the real method (that returns the coroutine).
     */
    static boolean isCoroutine(MethodNode m) {
        if ((m.access & Opcodes.ACC_BRIDGE) != 0) return false;
        return hasAnnotation(m.invisibleAnnotations) || hasAnnotation(m.visibleAnnotations);
    }

    /** The {@code primed} element of the method's {@code @Coroutine}. */
    static boolean isPrimed(MethodNode m) {
        for (List<AnnotationNode> list : List.of(nonNull(m.invisibleAnnotations), nonNull(m.visibleAnnotations))) {
            for (AnnotationNode a : list) {
                if (!Names.COROUTINE_DESC.equals(a.desc) || a.values == null) continue;
                for (int i = 0; i + 1 < a.values.size(); i += 2) {
                    if ("primed".equals(a.values.get(i))) return Boolean.TRUE.equals(a.values.get(i + 1));
                }
            }
        }
        return false;
    }

    /** True for a @Coroutine method with code to weave (abstract and native ones are left alone). */
    static boolean hasBody(MethodNode m) {
        return (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
    }

    static List<Diagnostic> check(ClassNode cls, ClassHierarchy hierarchy) {
        List<Diagnostic> out = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            boolean coroutine = isCoroutine(m) && hasBody(m);
            if (!coroutine) {
                for (AbstractInsnNode insn : m.instructions) {
                    if (YieldCall.isYieldClassCall(insn)) {
                        out.add(diagnostic(cls, m, Diagnostic.Code.YIELD_OUTSIDE_COROUTINE, ControlFlow.lineOf(insn),
                                display(insn) + " outside a @Coroutine method"));
                    }
                }
                continue;
            }
            int first = ControlFlow.firstLine(m);
            if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                out.add(diagnostic(cls, m, Diagnostic.Code.SYNCHRONIZED_COROUTINE, first,
                        "a @Coroutine method cannot be synchronized"));
            }
            Type ret = Type.getReturnType(m.desc);
            if (!Names.CORO_DESC.equals(ret.getDescriptor())) {
                out.add(diagnostic(cls, m, Diagnostic.Code.BAD_RETURN_TYPE, first,
                        "a @Coroutine method must return dev.coro.Coro, not " + ret.getClassName()));
            }
            boolean anyYield = false;
            for (AbstractInsnNode insn : m.instructions) {
                if (!YieldCall.isYieldClassCall(insn)) continue;
                anyYield = true;
                if (YieldCall.of(insn) == null) {
                    MethodInsnNode call = (MethodInsnNode) insn;
                    out.add(diagnostic(cls, m, Diagnostic.Code.UNKNOWN_YIELD_METHOD, ControlFlow.lineOf(insn),
                            "unknown method Yield." + call.name + call.desc + " (coro-api and the weaver differ in version?)"));
                }
            }
            if (anyYield) {
                ControlFlow<BasicValue> flow = ControlFlow.analyze(cls.name, m, new BasicInterpreter());
                for (AbstractInsnNode insn : MonitorChecker.yieldsUnderMonitor(flow)) {
                    out.add(diagnostic(cls, m, Diagnostic.Code.YIELD_IN_SYNCHRONIZED, ControlFlow.lineOf(insn),
                            display(insn) + " inside a synchronized block"));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Diagnostic::line));
        return out;
    }

    private static String display(AbstractInsnNode insn) {
        YieldCall c = YieldCall.of(insn);
        return c != null ? c.display() : "Yield." + ((MethodInsnNode) insn).name;
    }

    static Diagnostic diagnostic(ClassNode cls, MethodNode m, Diagnostic.Code code, int line, String message) {
        return new Diagnostic(code, Names.binaryName(cls.name), m == null ? null : m.name, cls.sourceFile, line,
                message);
    }

    private static boolean hasAnnotation(List<AnnotationNode> list) {
        if (list == null) return false;
        for (AnnotationNode a : list) {
            if (Names.COROUTINE_DESC.equals(a.desc)) return true;
        }
        return false;
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }
}
