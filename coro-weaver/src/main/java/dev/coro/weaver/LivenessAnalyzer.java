package dev.coro.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Analysis pass: which locals each suspension point must save, and as what type.
 *
 * <p>A local is saved when it is live after the point (read on some path before being written,
 * exception paths included, since a value thrown in by {@code raise} or {@code close} resumes into
 * the enclosing handlers) and the frame gives it a definite type. Dead locals are not saved, so a
 * suspended coroutine keeps nothing dead alive. A parameter (or {@code this}) that the method writes
 * is saved at every point whatever its liveness: the frame passes the parameters back in on each
 * resume, and a debugger must see the current value, not the one the coroutine was called with.
 *
 * <p>Pre: normalised code ({@link ConstructorMover}, {@link StackSpiller}). Returns immutable facts.
 */
final class LivenessAnalyzer {
    private LivenessAnalyzer() {}

    /**
     * A local to save: its slot in the original numbering, its type ({@link TypedInterpreter#NULL_TYPE}
     * for always-null), and whether the woven class may name that type in a {@code CHECKCAST} (a
     * package-private class of another package may not: it is then kept in a field of its own type).
     */
    record Saved(int slot, Type type, boolean nameable) {}

    /** A reachable suspension point: its resume label (1, 2, ...), call, line and locals to save. */
    record Point(int label, MethodInsnNode call, YieldCall kind, int line, List<Saved> saved) {}

    /** Everything the emitters need: each suspension point. */
    record Result(List<Point> points) {}

    static Result analyze(String owner, MethodNode m, ClassHierarchy hierarchy) {
        ControlFlow<BasicValue> flow = ControlFlow.analyze(owner, m, new TypedInterpreter(hierarchy));
        InsnList insns = m.instructions;
        int n = insns.size();
        BitSet[] liveIn = new BitSet[n];
        BitSet[] liveOut = new BitSet[n];
        for (int i = 0; i < n; i++) {
            liveIn[i] = new BitSet();
            liveOut[i] = new BitSet();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                if (flow.frames[i] == null) continue;
                BitSet out = new BitSet();
                for (int s : flow.successors.get(i)) out.or(liveIn[s]);
                BitSet in = (BitSet) out.clone();
                AbstractInsnNode insn = insns.get(i);
                if (insn instanceof VarInsnNode) {
                    VarInsnNode v = (VarInsnNode) insn;
                    if (isStore(v.getOpcode())) in.clear(v.var);
                    else in.set(v.var);
                } else if (insn instanceof IincInsnNode) {
                    in.set(((IincInsnNode) insn).var);
                }
                for (int s : flow.exceptionSuccessors.get(i)) {
                    out.or(liveIn[s]);
                    in.or(liveIn[s]);
                }
                if (!in.equals(liveIn[i]) || !out.equals(liveOut[i])) {
                    liveIn[i] = in;
                    liveOut[i] = out;
                    changed = true;
                }
            }
        }

        Nameable nameable = new Nameable(hierarchy, ClassHierarchy.packageOf(owner));
        BitSet writtenParams = writtenParameters(m);
        int argSlots = argumentSlots(m);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            YieldCall c = YieldCall.of(insns.get(i));
            if (c == null || !c.suspends || flow.frames[i] == null) continue;
            // the parameters the body never writes come back in from the frame's own fields on each resume
            BitSet save = (BitSet) liveOut[i].clone();
            save.clear(0, argSlots);
            save.or(writtenParams);
            points.add(new Point(points.size() + 1, (MethodInsnNode) insns.get(i), c,
                    ControlFlow.lineOf(insns.get(i)), saved(flow.frames[i], save, nameable)));
        }
        return new Result(List.copyOf(points));
    }

    /** The slots of the parameters ({@code this} included) that the method stores into. */
    static BitSet writtenParameters(MethodNode m) {
        int argSlots = argumentSlots(m);
        BitSet out = new BitSet();
        for (AbstractInsnNode insn : m.instructions) {
            int var = insn instanceof VarInsnNode v && isStore(v.getOpcode()) ? v.var
                    : insn instanceof IincInsnNode inc ? inc.var : -1;
            if (var >= 0 && var < argSlots) {
                out.set(var);
                if (insn.getOpcode() == Opcodes.LSTORE || insn.getOpcode() == Opcodes.DSTORE) out.set(var + 1);
            }
        }
        return out;
    }

    /** The number of local slots the parameters take, {@code this} included. */
    static int argumentSlots(MethodNode m) {
        return (Type.getArgumentsAndReturnSizes(m.desc) >> 2) - ((m.access & Opcodes.ACC_STATIC) != 0 ? 1 : 0);
    }

    /** Whether the woven class may name a type in a CHECKCAST (see {@link ClassHierarchy#accessibleFrom}). */
    private record Nameable(ClassHierarchy hierarchy, String pkg) {
        boolean test(Type t) {
            if (t.getSort() == Type.ARRAY) return test(t.getElementType());
            if (t.getSort() != Type.OBJECT || TypedInterpreter.NULL_TYPE.equals(t)) return true;
            return hierarchy.accessibleFrom(t.getInternalName(), pkg).equals(t.getInternalName());
        }
    }

    private static List<Saved> saved(Frame<BasicValue> f, BitSet live, Nameable nameable) {
        List<Saved> out = new ArrayList<>();
        for (int slot = live.nextSetBit(0); slot >= 0 && slot < f.getLocals(); slot = live.nextSetBit(slot + 1)) {
            BasicValue v = f.getLocal(slot);
            Type t = v.getType();
            if (t == null || v == BasicValue.RETURNADDRESS_VALUE) continue; // no definite value here
            out.add(new Saved(slot, t, nameable.test(t)));
        }
        return List.copyOf(out);
    }

    private static boolean isStore(int op) {
        return op >= Opcodes.ISTORE && op <= Opcodes.ASTORE;
    }
}
