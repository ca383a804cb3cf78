package dev.coro.weaver;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of ASM's {@link Analyzer} over a method: the frame before each instruction and the
 * control-flow graph (normal and exception successors), by instruction index. Read-only facts.
 */
final class ControlFlow<V extends Value> {
    final MethodNode method;
    final Frame<V>[] frames;
    final List<List<Integer>> successors;
    final List<List<Integer>> exceptionSuccessors;

    private ControlFlow(MethodNode method, Frame<V>[] frames, List<List<Integer>> successors,
            List<List<Integer>> exceptionSuccessors) {
        this.method = method;
        this.frames = frames;
        this.successors = successors;
        this.exceptionSuccessors = exceptionSuccessors;
    }

    static <V extends Value> ControlFlow<V> analyze(String owner, MethodNode method, Interpreter<V> interpreter) {
        return analyze(owner, method, interpreter, null);
    }

    /** Makes the analyzer's frames, for an analysis whose frames do more than ASM's (null: ASM's own). */
    interface Frames<V extends Value> {
        Frame<V> create(int numLocals, int maxStack);

        Frame<V> copy(Frame<? extends V> frame);
    }

    static <V extends Value> ControlFlow<V> analyze(String owner, MethodNode method, Interpreter<V> interpreter,
            Frames<V> frameFactory) {
        int n = method.instructions.size();
        List<List<Integer>> succ = new ArrayList<>(n);
        List<List<Integer>> exc = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            succ.add(new ArrayList<>(2));
            exc.add(new ArrayList<>(1));
        }
        Analyzer<V> analyzer = new Analyzer<V>(interpreter) {
            @Override
            protected void newControlFlowEdge(int insn, int successor) {
                if (!succ.get(insn).contains(successor)) succ.get(insn).add(successor);
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insn, int successor) {
                if (!exc.get(insn).contains(successor)) exc.get(insn).add(successor);
                return true;
            }

            @Override
            protected Frame<V> newFrame(int numLocals, int numStack) {
                return frameFactory == null ? super.newFrame(numLocals, numStack)
                        : frameFactory.create(numLocals, numStack);
            }

            @Override
            protected Frame<V> newFrame(Frame<? extends V> frame) {
                return frameFactory == null ? super.newFrame(frame) : frameFactory.copy(frame);
            }
        };
        raiseLimits(analyzer);
        Frame<V>[] frames;
        try {
            frames = analyzer.analyze(owner, method);
        } catch (AnalyzerException e) {
            int line = e.node == null ? 0 : lineOf(e.node);
            if (e.getCause() instanceof WeaveException w) {
                throw new WeaveException(w.code, w.line > 0 ? w.line : line, w.getMessage());
            }
            throw new WeaveException(Diagnostic.Code.UNSUPPORTED_CODE, line,
                    "cannot analyse the bytecode: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof WeaveException) throw e;
            throw new WeaveException(Diagnostic.Code.UNSUPPORTED_CODE, "cannot analyse the bytecode: " + e);
        }
        return new ControlFlow<>(method, frames, succ, exc);
    }

    /**
     * ASM's analyzer refuses methods whose frames would take more than a default budget of memory
     * (a guard against hostile input); a large coroutine (many locals under nested handlers) is
     * legitimate input well within the JVM's own limits, so the budget is raised to what any method
     * the JVM accepts (64 KB of code) can need in practice.
     */
    static void raiseLimits(Analyzer<?> analyzer) {
        analyzer.setComputeLimits(MAX_ANALYSIS_BYTES, MAX_ANALYSIS_OPERATIONS);
    }

    static final int MAX_ANALYSIS_BYTES = 1 << 30;
    static final long MAX_ANALYSIS_OPERATIONS = 1L << 36;

    /** The line of the nearest line-number entry before {@code insn}, or 0. */
    static int lineOf(AbstractInsnNode insn) {
        for (AbstractInsnNode p = insn; p != null; p = p.getPrevious()) {
            if (p instanceof LineNumberNode) return ((LineNumberNode) p).line;
        }
        return 0;
    }

    /** The method's first line-number entry, or 0. */
    static int firstLine(MethodNode m) {
        for (AbstractInsnNode p = m.instructions.getFirst(); p != null; p = p.getNext()) {
            if (p instanceof LineNumberNode) return ((LineNumberNode) p).line;
        }
        return 0;
    }
}
