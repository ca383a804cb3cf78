package dev.coro.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Normalisation pass: no uninitialised object may be on the operand stack at a suspension point,
 * because the stack is saved into fields and an uninitialised reference cannot be stored anywhere.
 * For {@code new Pair(a, Yield.await())} javac emits
 *
 * <pre>
 *   NEW Pair; DUP; ALOAD a; INVOKESTATIC Yield.await; CHECKCAST; INVOKESPECIAL Pair.&lt;init&gt;
 * </pre>
 *
 * and this pass moves the allocation after the arguments:
 *
 * <pre>
 *   NEW Pair; POP; ALOAD a; INVOKESTATIC Yield.await; CHECKCAST;
 *   ASTORE t1; ASTORE t0; NEW Pair; DUP; ALOAD t0; ALOAD t1; INVOKESPECIAL Pair.&lt;init&gt;
 * </pre>
 *
 * The first {@code NEW ... POP} stays where javac put the allocation: it initialises the class at
 * the moment Java says (before the arguments are evaluated), and the never-initialised object it
 * makes is dropped at once (it never runs a constructor, so it has no finalizer to run either).
 *
 * Pre: every suspension point is a {@code Yield} call. Post: no {@code NEW ... <init>} span in code
 * order contains a suspension point. A {@code NEW} whose constructor call cannot be matched (not
 * javac's or ECJ's {@code NEW; DUP} shape) with a suspension point after it is rejected.
 */
final class ConstructorMover {
    private ConstructorMover() {}

    static void apply(String owner, MethodNode m) {
        InsnList insns = m.instructions;
        ControlFlow<SourceValue> flow = ControlFlow.analyze(owner, m, new SourceInterpreter());
        Map<AbstractInsnNode, MethodInsnNode> initOf = new IdentityHashMap<>();
        for (int i = 0; i < insns.size(); i++) {
            AbstractInsnNode insn = insns.get(i);
            if (insn.getOpcode() != Opcodes.INVOKESPECIAL || !"<init>".equals(((MethodInsnNode) insn).name)) continue;
            Frame<SourceValue> f = flow.frames[i];
            if (f == null) continue;
            MethodInsnNode init = (MethodInsnNode) insn;
            int args = Type.getArgumentTypes(init.desc).length;
            SourceValue receiver = f.getStack(f.getStackSize() - args - 1);
            if (receiver.insns.size() != 1) continue;
            AbstractInsnNode dup = receiver.insns.iterator().next();
            if (dup.getOpcode() != Opcodes.DUP) continue;
            AbstractInsnNode prev = dup.getPrevious();
            if (prev != null && prev.getOpcode() == Opcodes.NEW) initOf.put(prev, init);
        }

        List<AbstractInsnNode> moving = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) {
            AbstractInsnNode insn = insns.get(i);
            if (insn.getOpcode() != Opcodes.NEW || flow.frames[i] == null) continue;
            MethodInsnNode init = initOf.get(insn);
            int end = init == null ? insns.size() : insns.indexOf(init);
            boolean spansSuspension = false;
            for (int j = i + 1; j < end && !spansSuspension; j++) {
                YieldCall c = YieldCall.of(insns.get(j));
                spansSuspension = c != null && c.suspends && flow.frames[j] != null;
            }
            if (!spansSuspension) continue;
            if (init == null) {
                throw new WeaveException(Diagnostic.Code.UNSUPPORTED_CODE, ControlFlow.lineOf(insn),
                        "cannot move the allocation of " + Names.binaryName(((TypeInsnNode) insn).desc)
                                + " past a suspension point: its constructor call is not in the NEW, DUP, ..., "
                                + "INVOKESPECIAL shape javac emits");
            }
            moving.add(insn);
        }

        for (AbstractInsnNode newInsn : moving) {
            MethodInsnNode init = initOf.get(newInsn);
            AbstractInsnNode dup = newInsn.getNext();
            String type = ((TypeInsnNode) newInsn).desc;
            // NEW initialises the class (its static initializer runs before the arguments are
            // evaluated, as Java specifies): keep that at the original place, drop the object.
            insns.set(dup, new InsnNode(Opcodes.POP));
            Type[] args = Type.getArgumentTypes(init.desc);
            int[] slots = new int[args.length];
            int next = m.maxLocals;
            for (int a = 0; a < args.length; a++) {
                slots[a] = next;
                next += args[a].getSize();
            }
            m.maxLocals = next;
            InsnList before = new InsnList();
            for (int a = args.length - 1; a >= 0; a--) {
                before.add(new VarInsnNode(args[a].getOpcode(Opcodes.ISTORE), slots[a]));
            }
            before.add(new TypeInsnNode(Opcodes.NEW, type));
            before.add(new InsnNode(Opcodes.DUP));
            for (int a = 0; a < args.length; a++) {
                before.add(new VarInsnNode(args[a].getOpcode(Opcodes.ILOAD), slots[a]));
            }
            insns.insertBefore(init, before);
        }
    }
}
