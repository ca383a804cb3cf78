package dev.coro.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableAnnotationNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Emission pass: turns the normalised method {@code m(params)} into its body method
 * {@code private [static] Object m(params, CoroFrame f, int label, Object sent, Throwable thrown)}.
 *
 * <pre>
 *   f = (Host-m-Coro) f;  ILOAD label; TABLESWITCH 0: START, 1: R1, ... default: BAD
 *   START: the original code; the parameters ({@code this} too) are the body's own, passed in by the
 *        frame on every resume; the other locals are shifted up by 4, past (f, label, sent, thrown).
 *        Each suspension point n is now:
 *        Sn: save the locals to keep into f's fields; null the reference fields n does not use
 *            Host-m-Coro.label(f, n); ARETURN the yielded value     (Yield.from: ARETURN Host-m-Coro.delegate(f, sub, n))
 *        Cn: Host-m-Coro.check(thrown);  push sent                  (throws thrown if non-null; the value of the Yield call)
 *        ... Yield.done(r) is r: ARETURN returns the result
 *   Rn:  restore the locals saved at n; GOTO Cn                     (after the code, outside every try range)
 * </pre>
 *
 * {@code Yield.done(r)} becomes {@code r} itself: the body returns its result, and the driver knows
 * it returned (not suspended) because {@code label} still reads {@code RUNNING}.
 *
 * <p>The throw check sits at the original call, inside its try ranges, so a value thrown in by
 * {@code raise}/{@code close} reaches the body's own handlers and {@code finally} blocks. The
 * restore blocks sit outside all ranges, where locals are still being rebuilt.
 *
 * <p>Debug info stays true: line numbers are kept (a restore block carries its {@code Yield} call's
 * line), and a local that a point does not restore leaves scope there ({@link #debugRanges}) until
 * it is next stored, so a debugger never reads an empty slot.
 *
 * <p>Post: no stack map frames (computed afterwards).
 */
final class StateMachineEmitter {
    private StateMachineEmitter() {}

    /**
     * @param bodyAccess the body's access flags ({@code ACC_STATIC} as the original, and its visibility)
     * @param layout the frame's fields, assigned to every point of {@code facts}
     */
    static MethodNode emit(int bodyAccess, MethodNode m, String frameClass, LivenessAnalyzer.Result facts,
            FrameLayout layout) {
        MethodNode body = new MethodNode(Opcodes.ASM9, bodyAccess, m.name, Names.bodyDesc(m.desc), null, null);
        int args = LivenessAnalyzer.argumentSlots(m);
        Vars vars = new Vars(args);

        // Shift the locals past the parameters up by four: (frame, label, sent, thrown) come after the parameters.
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof VarInsnNode v) v.var = vars.shift(v.var);
            else if (insn instanceof IincInsnNode inc) inc.var = vars.shift(inc.var);
        }
        List<LocalVariableNode> locals = new ArrayList<>();
        if (m.localVariables != null) {
            for (LocalVariableNode lv : m.localVariables) {
                locals.add(new LocalVariableNode(lv.name, lv.desc, lv.signature, lv.start, lv.end, vars.shift(lv.index)));
            }
        }
        body.visibleLocalVariableAnnotations = shifted(m.visibleLocalVariableAnnotations, vars);
        body.invisibleLocalVariableAnnotations = shifted(m.invisibleLocalVariableAnnotations, vars);
        body.tryCatchBlocks = m.tryCatchBlocks;
        body.maxLocals = m.maxLocals + Names.BODY_PARAMS;
        body.parameters = null;

        // The dispatch has no line: coverage tools count only the user's lines, and its TABLESWITCH,
        // which no plain method has, must not make the first line look partly covered.
        InsnList out = new InsnList();
        LabelNode dispatch = new LabelNode();
        out.add(dispatch);
        out.add(new VarInsnNode(Opcodes.ALOAD, vars.frame()));
        out.add(new TypeInsnNode(Opcodes.CHECKCAST, frameClass));
        out.add(new VarInsnNode(Opcodes.ASTORE, vars.frame()));
        LabelNode bad = new LabelNode();
        LabelNode[] resume = new LabelNode[facts.points().size() + 1];
        for (int i = 0; i < resume.length; i++) resume[i] = new LabelNode();
        out.add(new VarInsnNode(Opcodes.ILOAD, vars.label()));
        out.add(new TableSwitchInsnNode(0, resume.length - 1, bad, resume));
        out.add(bad);
        out.add(new TypeInsnNode(Opcodes.NEW, "java/lang/IllegalStateException"));
        out.add(new InsnNode(Opcodes.DUP));
        out.add(new LdcInsnNode("corrupt coroutine state"));
        out.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
                "(Ljava/lang/String;)V", false));
        out.add(new InsnNode(Opcodes.ATHROW));
        out.add(resume[0]);

        // Rewrite the suspension points and done() calls in place.
        LabelNode[] suspend = new LabelNode[resume.length];
        LabelNode[] cont = new LabelNode[resume.length];
        for (int k = 0; k < facts.points().size(); k++) {
            LivenessAnalyzer.Point p = facts.points().get(k);
            suspend[p.label()] = new LabelNode();
            cont[p.label()] = new LabelNode();
            InsnList s = suspension(p, frameClass, layout, k, vars, suspend[p.label()], cont[p.label()]);
            m.instructions.insert(p.call(), s);
            m.instructions.remove(p.call());
        }
        for (AbstractInsnNode insn : m.instructions.toArray()) {
            YieldCall c = YieldCall.of(insn);
            if (c == YieldCall.DONE) {
                m.instructions.set(insn, new InsnNode(Opcodes.ACONST_NULL));
            } else if (c == YieldCall.DONE_RESULT) {
                m.instructions.remove(insn); // the result itself is what the body returns
            } else if (insn instanceof FrameNode) {
                m.instructions.remove(insn);
            }
        }
        out.add(m.instructions);

        // The restore blocks carry the Yield call's line (coverage tools attribute code to lines in code
        // order, so they must not inherit the line of whatever precedes them); the locals they restore
        // are in scope from the end of the loads.
        LabelNode[] restored = new LabelNode[resume.length];
        LabelNode[] blockEnd = new LabelNode[resume.length];
        for (int k = 0; k < facts.points().size(); k++) {
            LivenessAnalyzer.Point p = facts.points().get(k);
            out.add(resume[p.label()]);
            if (p.line() > 0) out.add(new LineNumberNode(p.line(), resume[p.label()]));
            restore(out, frameClass, layout.points().get(k), vars);
            restored[p.label()] = new LabelNode();
            out.add(restored[p.label()]);
            out.add(new JumpInsnNode(Opcodes.GOTO, cont[p.label()]));
            blockEnd[p.label()] = new LabelNode();
            out.add(blockEnd[p.label()]);
        }
        LabelNode end = new LabelNode();
        out.add(end);
        body.instructions = out;
        body.localVariables = debugRanges(out, locals, facts, vars,
                new Blocks(dispatch, end, suspend, cont, restored, blockEnd));
        return body;
    }

    /** Local variable numbering in the body: the parameters keep their slots, the rest move up by four. */
    record Vars(int args) {
        int shift(int var) {
            return var < args ? var : var + Names.BODY_PARAMS;
        }

        int frame() {
            return args + Names.BODY_FRAME;
        }

        int label() {
            return args + Names.BODY_LABEL;
        }

        int sent() {
            return args + Names.BODY_SENT;
        }

        int thrown() {
            return args + Names.BODY_THROWN;
        }
    }

    /** Save, set the label, return; then the continuation the restore block jumps back to. */
    private static InsnList suspension(LivenessAnalyzer.Point p, String frameClass, FrameLayout layout, int k,
            Vars vars, LabelNode start, LabelNode cont) {
        InsnList out = new InsnList();
        out.add(start);
        for (FrameLayout.Slot s : layout.points().get(k)) {
            if (s.field() == null) continue;
            out.add(new VarInsnNode(Opcodes.ALOAD, vars.frame()));
            out.add(new VarInsnNode(s.field().kind().load, vars.shift(s.saved().slot())));
            out.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, s.field().name(), s.field().desc()));
        }
        for (FrameLayout.Field f : layout.unusedReferenceFields(k)) {
            out.add(new VarInsnNode(Opcodes.ALOAD, vars.frame()));
            out.add(new InsnNode(Opcodes.ACONST_NULL));
            out.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, f.name(), f.desc()));
        }
        String frameDesc = "L" + frameClass + ";";
        switch (p.kind()) {
            case AWAIT:
                setLabel(out, frameClass, frameDesc, p.label(), vars);
                out.add(new InsnNode(Opcodes.ACONST_NULL));
                break;
            case VALUE:
                setLabel(out, frameClass, frameDesc, p.label(), vars);
                break;
            case FROM_CORO:
            case FROM_ITERABLE:
                out.add(new VarInsnNode(Opcodes.ALOAD, vars.frame()));
                out.add(new InsnNode(Opcodes.SWAP));
                out.add(intConst(p.label()));
                out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, frameClass, Names.DELEGATE,
                        "(" + frameDesc + Names.DELEGATE_DESC.substring(1), false));
                break;
            default:
                throw new IllegalStateException(p.kind() + " does not suspend");
        }
        out.add(new InsnNode(Opcodes.ARETURN));
        out.add(cont);
        // the frame's check throws it when non-null: a call, not a branch of the user's line for coverage tools
        out.add(new VarInsnNode(Opcodes.ALOAD, vars.thrown()));
        out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, frameClass, Names.CHECK_THROWN, "(" + Names.THROWABLE_DESC + ")V",
                false));
        out.add(new VarInsnNode(Opcodes.ALOAD, vars.sent()));
        return out;
    }

    private static void setLabel(InsnList out, String frameClass, String frameDesc, int label, Vars vars) {
        out.add(new VarInsnNode(Opcodes.ALOAD, vars.frame()));
        out.add(intConst(label));
        out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, frameClass, Names.SET_LABEL, "(" + frameDesc + "I)V", false));
    }

    private static void restore(InsnList out, String frameClass, List<FrameLayout.Slot> slots, Vars vars) {
        for (FrameLayout.Slot s : slots) {
            int var = vars.shift(s.saved().slot());
            if (s.field() == null) {
                out.add(new InsnNode(Opcodes.ACONST_NULL));
                out.add(new VarInsnNode(Opcodes.ASTORE, var));
                continue;
            }
            out.add(new VarInsnNode(Opcodes.ALOAD, vars.frame()));
            out.add(new FieldInsnNode(Opcodes.GETFIELD, frameClass, s.field().name(), s.field().desc()));
            if (s.needsCast()) {
                Type t = s.saved().type();
                out.add(new TypeInsnNode(Opcodes.CHECKCAST, t.getSort() == Type.ARRAY ? t.getDescriptor()
                        : t.getInternalName()));
            }
            out.add(new VarInsnNode(s.field().kind().store, var));
        }
    }

    /**
     * Cuts each local's range at the suspension points that do not restore it: from the point's
     * saves until the next store into its slot (in code order, within the range), or to the end of
     * the range. Parameters are never cut: the frame passes them in on every resume.
     */
    /** The labels {@link #debugRanges} needs, each array indexed by resume point. */
    record Blocks(LabelNode start, LabelNode end, LabelNode[] suspend, LabelNode[] cont, LabelNode[] restored,
            LabelNode[] blockEnd) {}

    /**
     * The body's local variable table, in one walk over the locals: a parameter is valid everywhere
     * (the frame passes it in); a local of the original code keeps its ranges, cut at each point that
     * does not restore it until it is next stored (so a debugger never reads an empty slot), and is
     * also valid in the restore block of each point that restores it, from the end of the block's
     * loads to its jump back. The cut ranges come first, then the restore blocks' ranges.
     */
    static List<LocalVariableNode> debugRanges(InsnList code, List<LocalVariableNode> locals,
            LivenessAnalyzer.Result facts, Vars vars, Blocks blocks) {
        List<LocalVariableNode> out = new ArrayList<>();
        List<LocalVariableNode> inRestoreBlocks = new ArrayList<>();
        for (LocalVariableNode lv : locals) {
            if (lv.index < vars.args()) {
                out.add(range(lv, blocks.start(), blocks.end()));
                continue;
            }
            int start = code.indexOf(lv.start);
            int end = code.indexOf(lv.end);
            for (LivenessAnalyzer.Point p : facts.points()) {
                int at = code.indexOf(blocks.suspend()[p.label()]);
                if (at >= start && at < end && restores(p, lv.index, vars)) {
                    inRestoreBlocks.add(range(lv, blocks.restored()[p.label()], blocks.blockEnd()[p.label()]));
                }
            }
            LabelNode from = lv.start;
            int cursor = start;
            for (LivenessAnalyzer.Point p : facts.points()) {
                LabelNode suspend = blocks.suspend()[p.label()];
                int at = code.indexOf(suspend);
                if (at < cursor || at >= end || restores(p, lv.index, vars)) continue;
                if (at > code.indexOf(from)) out.add(range(lv, from, suspend));
                from = null;
                for (AbstractInsnNode i = blocks.cont()[p.label()]; i != null && code.indexOf(i) < end; i = i.getNext()) {
                    if (i instanceof VarInsnNode v && v.var == lv.index && isStore(v.getOpcode())) {
                        from = new LabelNode();
                        code.insert(i, from);
                        end = code.indexOf(lv.end);
                        break;
                    }
                }
                if (from == null) break;
                cursor = code.indexOf(from);
            }
            if (from != null && code.indexOf(from) < end) out.add(range(lv, from, lv.end));
        }
        out.addAll(inRestoreBlocks);
        return out;
    }

    private static boolean restores(LivenessAnalyzer.Point p, int shiftedSlot, Vars vars) {
        for (LivenessAnalyzer.Saved s : p.saved()) {
            if (vars.shift(s.slot()) == shiftedSlot) return true;
        }
        return false;
    }

    private static LocalVariableNode range(LocalVariableNode lv, LabelNode from, LabelNode to) {
        return new LocalVariableNode(lv.name, lv.desc, lv.signature, from, to, lv.index);
    }

    private static boolean isStore(int op) {
        return op >= Opcodes.ISTORE && op <= Opcodes.ASTORE;
    }

    static AbstractInsnNode intConst(int v) {
        if (v >= -1 && v <= 5) return new InsnNode(Opcodes.ICONST_0 + v);
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) return new IntInsnNode(Opcodes.BIPUSH, v);
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) return new IntInsnNode(Opcodes.SIPUSH, v);
        return new LdcInsnNode(v);
    }

    private static List<LocalVariableAnnotationNode> shifted(List<LocalVariableAnnotationNode> list, Vars vars) {
        if (list == null) return null;
        List<LocalVariableAnnotationNode> out = new ArrayList<>();
        for (LocalVariableAnnotationNode a : list) {
            List<Integer> index = new ArrayList<>();
            for (int i : a.index) index.add(vars.shift(i));
            LocalVariableAnnotationNode c = new LocalVariableAnnotationNode(a.typeRef, a.typePath,
                    a.start.toArray(new LabelNode[0]), a.end.toArray(new LabelNode[0]),
                    index.stream().mapToInt(Integer::intValue).toArray(), a.desc);
            c.values = a.values;
            out.add(c);
        }
        return out;
    }
}
