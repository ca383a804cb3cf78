package dev.coro.weaver;

import dev.coro.weaver.UninitializedValues.Value;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Normalisation pass: no uninitialised object may be on the operand stack or in a local at a
 * suspension point, because the frame is saved into fields and an uninitialised reference cannot be
 * stored anywhere. {@link UninitializedValues} says which allocations hold one there; each is moved
 * to its constructor call. For {@code new Pair(a, Yield.await())} javac emits
 *
 * <pre>
 *   NEW Pair; DUP; ALOAD a; INVOKESTATIC Yield.await; CHECKCAST; INVOKESPECIAL Pair.&lt;init&gt;
 * becomes
 *   NEW Pair; POP; ALOAD a; INVOKESTATIC Yield.await; CHECKCAST;
 *   ASTORE t1; ASTORE t0; NEW Pair; DUP; ALOAD t0; ALOAD t1; INVOKESPECIAL Pair.&lt;init&gt;
 * </pre>
 *
 * <p>Every instruction that only copies the uninitialised object goes: a {@code DUP} of it, an
 * {@code ASTORE} of it into a local and an {@code ALOAD} of it back (javac stores it in locals when
 * a switch expression with a {@code try} arm is an argument), a {@code POP} of it. A stack operation
 * that moves it together with other values ({@code NEW; DUP_X1; SWAP}, ECJ's string {@code +=})
 * becomes the same operation on the stack without it: nothing, one other stack operation, or the
 * other values stored into temporaries and loaded back in the order the original left them. At the
 * constructor call the arguments go to temporaries, then {@code NEW}, one {@code DUP; ASTORE} per
 * local that held the object, one {@code DUP} per further copy on the stack, the arguments back.
 *
 * <p>The first {@code NEW ... POP} stays where the compiler put the allocation: it initialises the
 * class at the moment Java says (before the arguments are evaluated), and the never-initialised
 * object it makes is dropped at once (it runs no constructor, so no finalizer either).
 *
 * <p>Pre: every suspension point is a {@code Yield} call. Post: no uninitialised object on the stack
 * below a suspension point's argument or in a local there. An uninitialised object used by anything
 * but a copy, a pop or its constructor call (no compiler does that) is rejected with its line.
 */
final class ConstructorMover {
    private ConstructorMover() {}

    static void apply(String owner, MethodNode m) {
        UninitializedValues.Facts facts = UninitializedValues.analyze(owner, m);
        if (facts.moved().isEmpty()) return;
        InsnList insns = m.instructions;
        AbstractInsnNode[] code = insns.toArray();
        Temps temps = new Temps(m.maxLocals);
        for (int i = 0; i < code.length; i++) {
            Frame<Value> f = facts.frames()[i];
            if (f != null) rewrite(insns, code[i], f, facts, temps);
        }
        m.maxLocals = temps.max;
        if (!UninitializedValues.analyze(owner, m).moved().isEmpty()) {
            throw new WeaveException(Diagnostic.Code.INTERNAL_ERROR, ControlFlow.lineOf(facts.moved().get(0)),
                    "an uninitialised object is still live at a suspension point after moving its allocation");
        }
    }

    private static void rewrite(InsnList insns, AbstractInsnNode insn, Frame<Value> f, UninitializedValues.Facts facts,
            Temps temps) {
        int op = insn.getOpcode();
        if (op == Opcodes.NEW && facts.moved().contains(insn)) {
            insns.insert(insn, new InsnNode(Opcodes.POP));
            return;
        }
        if (!holdsMoved(f, facts)) return;
        if (UninitializedValues.isConstructorCall(insn)) {
            int argc = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
            Value receiver = f.getStack(f.getStackSize() - argc - 1);
            if (facts.isMoved(receiver)) {
                insns.insertBefore(insn, construct((MethodInsnNode) insn, receiver, f, facts, temps));
                return;
            }
        }
        if (op == Opcodes.POP || op == Opcodes.POP2 || (op >= Opcodes.DUP && op <= Opcodes.SWAP)) {
            StackShuffle.Shuffle s = StackShuffle.of(op, f);
            if (s.in().stream().noneMatch(facts::isMoved)) return;
            insns.insertBefore(insn, StackShuffle.without(s, facts::isMoved, temps));
            insns.remove(insn);
            return;
        }
        List<Value> read = UninitializedValues.operands(insn, f);
        Value moved = read.stream().filter(facts::isMoved).findFirst().orElse(null);
        if (moved == null) return;
        if (op == Opcodes.ALOAD || op == Opcodes.ASTORE) {
            insns.remove(insn); // the local never holds the object before its constructor call now
            return;
        }
        throw new WeaveException(Diagnostic.Code.UNSUPPORTED_CODE, ControlFlow.lineOf(insn),
                "cannot move the allocation of " + Names.binaryName(moved.allocation.desc)
                        + " past a suspension point: its uninitialised object is used by " + opcodeName(op)
                        + "; assign the constructor's arguments to local variables before the 'new'");
    }

    private static boolean holdsMoved(Frame<Value> f, UninitializedValues.Facts facts) {
        for (int l = 0; l < f.getLocals(); l++) {
            if (facts.isMoved(f.getLocal(l))) return true;
        }
        for (int s = 0; s < f.getStackSize(); s++) {
            if (facts.isMoved(f.getStack(s))) return true;
        }
        return false;
    }

    /**
     * Before {@code <init>}: the arguments to temporaries, the object (and any values the original
     * had above its deepest copy) rebuilt, the arguments back.
     */
    private static InsnList construct(MethodInsnNode init, Value object, Frame<Value> f, UninitializedValues.Facts facts,
            Temps temps) {
        Type[] args = Type.getArgumentTypes(init.desc);
        int argBase = f.getStackSize() - args.length;
        int deepest = argBase - 1;
        for (int s = 0; s < argBase; s++) {
            if (f.getStack(s).equals(object)) {
                deepest = s;
                break;
            }
        }
        List<Value> between = new ArrayList<>(); // the other values among the object's copies, bottom first
        int copies = 0;
        for (int s = deepest; s < argBase; s++) {
            Value v = f.getStack(s);
            if (v.equals(object)) copies++;
            else if (!facts.isMoved(v)) between.add(v);
        }
        temps.reset();
        InsnList out = new InsnList();
        int[] argSlots = new int[args.length];
        for (int a = 0; a < args.length; a++) argSlots[a] = temps.take(args[a].getSize());
        for (int a = args.length - 1; a >= 0; a--) out.add(new VarInsnNode(args[a].getOpcode(Opcodes.ISTORE), argSlots[a]));
        int[] betweenSlots = new int[between.size()];
        for (int b = 0; b < between.size(); b++) betweenSlots[b] = temps.take(between.get(b).getSize());
        for (int b = between.size() - 1; b >= 0; b--) out.add(new VarInsnNode(store(between.get(b)), betweenSlots[b]));
        out.add(new TypeInsnNode(Opcodes.NEW, object.allocation.desc));
        for (int l = 0; l < f.getLocals(); l++) {
            if (!f.getLocal(l).equals(object)) continue;
            out.add(new InsnNode(Opcodes.DUP));
            out.add(new VarInsnNode(Opcodes.ASTORE, l));
        }
        if (between.isEmpty()) {
            for (int c = 1; c < copies; c++) out.add(new InsnNode(Opcodes.DUP));
        } else {
            int self = temps.take(1);
            out.add(new VarInsnNode(Opcodes.ASTORE, self));
            int b = 0;
            for (int s = deepest; s < argBase; s++) {
                Value v = f.getStack(s);
                if (v.equals(object)) out.add(new VarInsnNode(Opcodes.ALOAD, self));
                else if (!facts.isMoved(v)) out.add(new VarInsnNode(load(v), betweenSlots[b++]));
            }
        }
        for (int a = 0; a < args.length; a++) out.add(new VarInsnNode(args[a].getOpcode(Opcodes.ILOAD), argSlots[a]));
        return out;
    }

    static int store(Value v) {
        return kind(v).getOpcode(Opcodes.ISTORE);
    }

    static int load(Value v) {
        return kind(v).getOpcode(Opcodes.ILOAD);
    }

    private static Type kind(Value v) {
        if (v.allocation != null) return Names.OBJECT_TYPE;
        BasicValue b = v.basic;
        if (b.getType() == null || b == BasicValue.RETURNADDRESS_VALUE) {
            throw new IllegalStateException("no definite kind on the stack: " + b);
        }
        return b.isReference() ? Names.OBJECT_TYPE : b.getType();
    }

    /** Temporaries past the method's own locals; each rewrite uses them only within itself, so all share them. */
    static final class Temps {
        private final int base;
        private int next;
        int max;

        Temps(int base) {
            this.base = base;
            this.next = base;
            this.max = base;
        }

        void reset() {
            next = base;
        }

        int take(int size) {
            int slot = next;
            next += size;
            max = Math.max(max, next);
            return slot;
        }
    }

    private static final Map<Integer, String> NAMES = Map.of(Opcodes.CHECKCAST, "CHECKCAST",
            Opcodes.INSTANCEOF, "INSTANCEOF", Opcodes.IFNULL, "IFNULL", Opcodes.IFNONNULL, "IFNONNULL",
            Opcodes.IF_ACMPEQ, "IF_ACMPEQ", Opcodes.IF_ACMPNE, "IF_ACMPNE", Opcodes.ARETURN, "ARETURN",
            Opcodes.ATHROW, "ATHROW", Opcodes.MONITORENTER, "MONITORENTER");

    private static String opcodeName(int op) {
        return NAMES.getOrDefault(op, "opcode " + op);
    }
}
