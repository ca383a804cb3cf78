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
 * Emission pass: turns the normalised method into the body method
 * {@code static Object m(Frame f, int label, Object sent, Throwable thrown)}.
 *
 * <pre>
 *   f = (C$m$Coro) f;  ILOAD label; TABLESWITCH 0: R0, 1: R1, ... default: BAD
 *   R0:  restore the parameters live at entry from f's fields
 *        ... the original code, locals shifted up by 4, where each suspension point n is now
 *        (save live locals into f's fields; null the unused reference fields)
 *        f.label = n; ARETURN the yielded value           (Yield.from: ARETURN f.delegate(sub, n))
 *        ... Yield.done(r) is r: ARETURN returns the result
 *   Cn:  if (thrown != null) throw thrown;  push sent     (the value of the Yield call)
 *        ...
 *   Rn:  restore the locals saved at n; GOTO Cn           (after the original code, outside every try range)
 * </pre>
 *
 * {@code Yield.done(r)} becomes {@code r} itself: the body returns its result, and the driver knows
 * it returned (not suspended) because {@code label} still reads {@code RUNNING}. javac only ever
 * stores that value in a local (on the way through a {@code finally}) and returns it, which needs no
 * particular type; a pending result in a {@code finally} that suspends is then saved like any local.
 *
 * <p>The throw check sits at the original call, inside its try ranges, so a value thrown in by
 * {@code raise}/{@code close} reaches the body's own handlers and {@code finally} blocks. The
 * restore blocks sit outside all ranges, where locals are still being rebuilt.
 *
 * <p>Post: no stack map frames (computed afterwards), line numbers and local-variable tables kept.
 */
final class StateMachineEmitter {
    private StateMachineEmitter() {}

    /**
     * @param layout the frame's fields, already assigned to every point
     * @param entrySlots where the parameters live at entry are kept
     * @param pointSlots where each point's saved locals are kept, in the order of {@code facts.points()}
     */
    static MethodNode emit(boolean hostIsInterface, MethodNode m, String frameClass, LivenessAnalyzer.Result facts,
            FrameLayout layout, List<FrameLayout.Slot> entrySlots, List<List<FrameLayout.Slot>> pointSlots) {

        int access = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC | (hostIsInterface ? Opcodes.ACC_PUBLIC : 0);
        MethodNode body = new MethodNode(Opcodes.ASM9, access, m.name, Names.BODY_DESC, null, null);

        // Shift the original locals up past (frame, label, sent, thrown).
        int shift = Names.BODY_PARAMS;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof VarInsnNode) ((VarInsnNode) insn).var += shift;
            else if (insn instanceof IincInsnNode) ((IincInsnNode) insn).var += shift;
        }
        List<LocalVariableNode> locals = new ArrayList<>();
        if (m.localVariables != null) {
            for (LocalVariableNode lv : m.localVariables) {
                locals.add(new LocalVariableNode(lv.name, lv.desc, lv.signature, lv.start, lv.end, lv.index + shift));
            }
        }
        body.localVariables = locals;
        body.visibleLocalVariableAnnotations = shifted(m.visibleLocalVariableAnnotations, shift);
        body.invisibleLocalVariableAnnotations = shifted(m.invisibleLocalVariableAnnotations, shift);
        body.tryCatchBlocks = m.tryCatchBlocks;
        body.maxLocals = m.maxLocals + shift;

        int firstLine = ControlFlow.firstLine(m);
        InsnList out = new InsnList();
        LabelNode dispatch = new LabelNode();
        out.add(dispatch);
        if (firstLine > 0) out.add(new LineNumberNode(firstLine, dispatch));
        out.add(new VarInsnNode(Opcodes.ALOAD, Names.BODY_FRAME));
        out.add(new TypeInsnNode(Opcodes.CHECKCAST, frameClass));
        out.add(new VarInsnNode(Opcodes.ASTORE, Names.BODY_FRAME));
        LabelNode bad = new LabelNode();
        LabelNode[] resume = new LabelNode[facts.points().size() + 1];
        for (int i = 0; i < resume.length; i++) resume[i] = new LabelNode();
        out.add(new VarInsnNode(Opcodes.ILOAD, Names.BODY_LABEL));
        out.add(new TableSwitchInsnNode(0, resume.length - 1, bad, resume));
        out.add(bad);
        out.add(new TypeInsnNode(Opcodes.NEW, "java/lang/IllegalStateException"));
        out.add(new InsnNode(Opcodes.DUP));
        out.add(new LdcInsnNode("corrupt coroutine state"));
        out.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
                "(Ljava/lang/String;)V", false));
        out.add(new InsnNode(Opcodes.ATHROW));
        out.add(resume[0]);
        restore(out, frameClass, entrySlots, shift);

        // Rewrite the suspension points and done() calls in place.
        LabelNode[] cont = new LabelNode[resume.length];
        for (int k = 0; k < facts.points().size(); k++) {
            LivenessAnalyzer.Point p = facts.points().get(k);
            cont[p.label()] = new LabelNode();
            m.instructions.insert(p.call(), suspension(p, frameClass, pointSlots.get(k), layout, shift, cont[p.label()]));
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

        for (int k = 0; k < facts.points().size(); k++) {
            LivenessAnalyzer.Point p = facts.points().get(k);
            out.add(resume[p.label()]);
            if (p.line() > 0) out.add(new LineNumberNode(p.line(), resume[p.label()]));
            restore(out, frameClass, pointSlots.get(k), shift);
            out.add(new JumpInsnNode(Opcodes.GOTO, cont[p.label()]));
        }
        body.instructions = out;
        return body;
    }

    /** Save, set the label, return; then the continuation the restore block jumps back to. */
    private static InsnList suspension(LivenessAnalyzer.Point p, String frameClass, List<FrameLayout.Slot> slots,
            FrameLayout layout, int shift, LabelNode cont) {
        InsnList out = new InsnList();
        for (FrameLayout.Slot s : slots) {
            if (s.field() == null) continue;
            out.add(new VarInsnNode(Opcodes.ALOAD, Names.BODY_FRAME));
            out.add(new VarInsnNode(s.field().kind().load, s.saved().slot() + shift));
            out.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, s.field().name(), s.field().kind().desc));
        }
        for (FrameLayout.Field f : layout.unusedReferenceFields(slots)) {
            out.add(new VarInsnNode(Opcodes.ALOAD, Names.BODY_FRAME));
            out.add(new InsnNode(Opcodes.ACONST_NULL));
            out.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, f.name(), f.kind().desc));
        }
        switch (p.kind()) {
            case AWAIT:
                setLabel(out, frameClass, p.label());
                out.add(new InsnNode(Opcodes.ACONST_NULL));
                break;
            case VALUE:
                setLabel(out, frameClass, p.label());
                break;
            case FROM_CORO:
            case FROM_ITERABLE:
                out.add(new VarInsnNode(Opcodes.ALOAD, Names.BODY_FRAME));
                out.add(new InsnNode(Opcodes.SWAP));
                out.add(intConst(p.label()));
                out.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, frameClass, Names.DELEGATE, Names.DELEGATE_DESC,
                        false));
                break;
            default:
                throw new IllegalStateException(p.kind() + " does not suspend");
        }
        out.add(new InsnNode(Opcodes.ARETURN));
        out.add(cont);
        LabelNode ok = new LabelNode();
        out.add(new VarInsnNode(Opcodes.ALOAD, Names.BODY_THROWN));
        out.add(new JumpInsnNode(Opcodes.IFNULL, ok));
        out.add(new VarInsnNode(Opcodes.ALOAD, Names.BODY_THROWN));
        out.add(new InsnNode(Opcodes.ATHROW));
        out.add(ok);
        out.add(new VarInsnNode(Opcodes.ALOAD, Names.BODY_SENT));
        return out;
    }

    private static void setLabel(InsnList out, String frameClass, int label) {
        out.add(new VarInsnNode(Opcodes.ALOAD, Names.BODY_FRAME));
        out.add(intConst(label));
        out.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, Names.LABEL_FIELD, "I"));
    }

    private static void restore(InsnList out, String frameClass, List<FrameLayout.Slot> slots, int shift) {
        for (FrameLayout.Slot s : slots) {
            int var = s.saved().slot() + shift;
            if (s.field() == null) {
                out.add(new InsnNode(Opcodes.ACONST_NULL));
                out.add(new VarInsnNode(Opcodes.ASTORE, var));
                continue;
            }
            out.add(new VarInsnNode(Opcodes.ALOAD, Names.BODY_FRAME));
            out.add(new FieldInsnNode(Opcodes.GETFIELD, frameClass, s.field().name(), s.field().kind().desc));
            Type t = s.saved().type();
            if (s.field().kind() == FrameLayout.Kind.REF && !Names.OBJECT_TYPE.equals(t)) {
                out.add(new TypeInsnNode(Opcodes.CHECKCAST, t.getSort() == Type.ARRAY ? t.getDescriptor()
                        : t.getInternalName()));
            }
            out.add(new VarInsnNode(s.field().kind().store, var));
        }
    }

    static AbstractInsnNode intConst(int v) {
        if (v >= -1 && v <= 5) return new InsnNode(Opcodes.ICONST_0 + v);
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) return new IntInsnNode(Opcodes.BIPUSH, v);
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) return new IntInsnNode(Opcodes.SIPUSH, v);
        return new LdcInsnNode(v);
    }

    private static List<LocalVariableAnnotationNode> shifted(List<LocalVariableAnnotationNode> list, int shift) {
        if (list == null) return null;
        for (LocalVariableAnnotationNode a : list) {
            a.index.replaceAll(i -> i + shift);
        }
        return list;
    }
}
