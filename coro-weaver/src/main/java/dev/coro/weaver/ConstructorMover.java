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
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

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
        if (!mayNeedMoving(insns)) return;
        ControlFlow<Producer> flow = ControlFlow.analyze(owner, m, new ProducerInterpreter());
        Map<AbstractInsnNode, MethodInsnNode> initOf = new IdentityHashMap<>();
        for (int i = 0; i < insns.size(); i++) {
            AbstractInsnNode insn = insns.get(i);
            if (insn.getOpcode() != Opcodes.INVOKESPECIAL || !"<init>".equals(((MethodInsnNode) insn).name)) continue;
            Frame<Producer> f = flow.frames[i];
            if (f == null) continue;
            MethodInsnNode init = (MethodInsnNode) insn;
            int args = Type.getArgumentTypes(init.desc).length;
            AbstractInsnNode dup = f.getStack(f.getStackSize() - args - 1).insn();
            if (dup == null || dup.getOpcode() != Opcodes.DUP) continue;
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

    /**
     * A linear scan in code order: false when no {@code NEW} is still waiting for a constructor call
     * at any suspension point, so nothing can need moving and the method is not analysed at all
     * (most coroutines). Conservative: an odd shape only makes it answer true.
     */
    private static boolean mayNeedMoving(InsnList insns) {
        int pending = 0;
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.NEW) {
                pending++;
            } else if (insn.getOpcode() == Opcodes.INVOKESPECIAL && "<init>".equals(((MethodInsnNode) insn).name)) {
                if (pending > 0) pending--;
            } else if (pending > 0) {
                YieldCall c = YieldCall.of(insn);
                if (c != null && c.suspends) return true;
            }
        }
        return false;
    }

    /** The one instruction that produced a value, or null when more than one may have (after a merge). */
    record Producer(int size, AbstractInsnNode insn) implements Value {
        @Override
        public int getSize() {
            return size;
        }
    }

    /**
     * ASM's SourceInterpreter keeps, for every value, the set of all instructions that may have
     * produced it; under many exception handlers those sets grow with the method and each merge
     * compares them, so analysing a large coroutine took seconds. This pass only asks "is the
     * receiver of this constructor call the DUP right after its NEW?", which a single producer
     * (or none) answers: every value and every merge is constant size.
     */
    private static final class ProducerInterpreter extends Interpreter<Producer> {
        ProducerInterpreter() {
            super(Opcodes.ASM9);
        }

        private static Producer of(int size, AbstractInsnNode insn) {
            return new Producer(size, insn);
        }

        @Override
        public Producer newValue(Type type) {
            if (type == Type.VOID_TYPE) return null;
            return of(type == null ? 1 : type.getSize(), null);
        }

        @Override
        public Producer newOperation(AbstractInsnNode insn) {
            int size = switch (insn.getOpcode()) {
                case Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0, Opcodes.DCONST_1 -> 2;
                case Opcodes.LDC -> {
                    Object v = ((org.objectweb.asm.tree.LdcInsnNode) insn).cst;
                    yield v instanceof Long || v instanceof Double
                            || v instanceof org.objectweb.asm.ConstantDynamic cd && cd.getSize() == 2 ? 2 : 1;
                }
                case Opcodes.GETSTATIC -> Type.getType(((org.objectweb.asm.tree.FieldInsnNode) insn).desc).getSize();
                default -> 1;
            };
            return of(size, insn);
        }

        @Override
        public Producer copyOperation(AbstractInsnNode insn, Producer value) {
            return of(value.size(), insn);
        }

        @Override
        public Producer unaryOperation(AbstractInsnNode insn, Producer value) {
            int size = switch (insn.getOpcode()) {
                case Opcodes.LNEG, Opcodes.DNEG, Opcodes.I2L, Opcodes.I2D, Opcodes.L2D, Opcodes.F2L, Opcodes.F2D,
                        Opcodes.D2L -> 2;
                case Opcodes.GETFIELD -> Type.getType(((org.objectweb.asm.tree.FieldInsnNode) insn).desc).getSize();
                default -> 1;
            };
            return of(size, insn);
        }

        @Override
        public Producer binaryOperation(AbstractInsnNode insn, Producer value1, Producer value2) {
            int size = switch (insn.getOpcode()) {
                case Opcodes.LALOAD, Opcodes.DALOAD, Opcodes.LADD, Opcodes.DADD, Opcodes.LSUB, Opcodes.DSUB,
                        Opcodes.LMUL, Opcodes.DMUL, Opcodes.LDIV, Opcodes.DDIV, Opcodes.LREM, Opcodes.DREM,
                        Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR -> 2;
                default -> 1;
            };
            return of(size, insn);
        }

        @Override
        public Producer ternaryOperation(AbstractInsnNode insn, Producer value1, Producer value2, Producer value3) {
            return of(1, insn);
        }

        @Override
        public Producer naryOperation(AbstractInsnNode insn, List<? extends Producer> values) {
            String desc = switch (insn.getOpcode()) {
                case Opcodes.MULTIANEWARRAY -> ((org.objectweb.asm.tree.MultiANewArrayInsnNode) insn).desc;
                case Opcodes.INVOKEDYNAMIC -> ((org.objectweb.asm.tree.InvokeDynamicInsnNode) insn).desc;
                default -> ((MethodInsnNode) insn).desc;
            };
            int size = insn.getOpcode() == Opcodes.MULTIANEWARRAY ? 1 : Type.getReturnType(desc).getSize();
            return of(size, insn);
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, Producer value, Producer expected) {}

        @Override
        public Producer merge(Producer a, Producer b) {
            if (a.insn() == b.insn() && a.size() == b.size()) return a;
            return a.insn() == null && a.size() == Math.min(a.size(), b.size()) ? a : of(Math.min(a.size(), b.size()), null);
        }
    }
}
