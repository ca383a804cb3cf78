package dev.coro.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Analysis: where the object each {@code NEW} makes is still uninitialised, by data flow (as the
 * JVM's verifier tracks {@code uninitialized(offset)}), and which allocations must therefore be
 * moved past a suspension point.
 *
 * <p>A value is either {@link Value#allocation the uninitialised object of one NEW} or any other
 * value, kept as ASM's {@link BasicValue} (its kind: int, float, long, double, reference). Copies
 * ({@code DUP}, {@code xLOAD}, {@code xSTORE}, {@code SWAP}) keep a value's identity; the constructor
 * call {@code INVOKESPECIAL <init>} turns every copy of its receiver, in locals and on the stack,
 * into an initialised reference; where two paths disagree the value becomes unusable.
 *
 * <p>An allocation must move when its uninitialised object is, at some reachable suspension point,
 * on the operand stack below the call's own argument or in a local: it cannot be saved in a field.
 * Nothing is decided by code order: a suspension point no path from the allocation reaches, or that
 * comes after the constructor call on every path, sees no uninitialised object.
 */
final class UninitializedValues {
    private UninitializedValues() {}

    /**
     * @param moved the NEW instructions to move, in code order
     * @param frames the frame before each instruction (null where unreachable), for the rewrite
     */
    record Facts(List<TypeInsnNode> moved, Frame<Value>[] frames) {
        boolean isMoved(Value v) {
            return v.allocation != null && moved.contains(v.allocation);
        }
    }

    static Facts analyze(String owner, MethodNode m) {
        Tracker tracker = new Tracker();
        ControlFlow<Value> flow = ControlFlow.analyze(owner, m, tracker, new ControlFlow.Frames<>() {
            @Override
            public Frame<Value> create(int numLocals, int maxStack) {
                return new InitFrame(numLocals, maxStack);
            }

            @Override
            public Frame<Value> copy(Frame<? extends Value> frame) {
                return new InitFrame(frame);
            }
        });
        InsnList insns = m.instructions;
        Set<TypeInsnNode> moved = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < insns.size(); i++) {
            YieldCall c = YieldCall.of(insns.get(i));
            Frame<Value> f = flow.frames[i];
            if (c == null || !c.suspends || f == null) continue;
            int below = f.getStackSize() - Type.getArgumentTypes(((MethodInsnNode) insns.get(i)).desc).length;
            for (int s = 0; s < below; s++) {
                if (f.getStack(s).allocation != null) moved.add(f.getStack(s).allocation);
            }
            for (int l = 0; l < f.getLocals(); l++) {
                if (f.getLocal(l).allocation != null) moved.add(f.getLocal(l).allocation);
            }
        }
        List<TypeInsnNode> inOrder = new ArrayList<>();
        for (AbstractInsnNode insn : insns) {
            if (moved.contains(insn)) inOrder.add((TypeInsnNode) insn);
        }
        return new Facts(List.copyOf(inOrder), flow.frames);
    }

    /**
     * The values {@code insn} reads from the stack and locals when run on a copy of {@code before}
     * (ASM's own semantics, so every opcode is covered); {@code POP}/{@code POP2} read none this way.
     */
    static List<Value> operands(AbstractInsnNode insn, Frame<Value> before) {
        Tracker recorder = new Tracker();
        recorder.read = new ArrayList<>();
        if (insn.getOpcode() < 0) return recorder.read; // a label, line number or frame
        try {
            new InitFrame(before).execute(insn, recorder);
        } catch (AnalyzerException e) {
            throw new WeaveException(Diagnostic.Code.INTERNAL_ERROR, ControlFlow.lineOf(insn),
                    "cannot re-run an analysed instruction: " + e.getMessage());
        }
        return recorder.read;
    }

    /** A value: the uninitialised object of {@link #allocation}, or any other value of kind {@link #basic}. */
    static final class Value implements org.objectweb.asm.tree.analysis.Value {
        static final Value UNUSABLE = new Value(null, BasicValue.UNINITIALIZED_VALUE);
        static final Value INITIALISED = new Value(null, BasicValue.REFERENCE_VALUE);
        private static final Value INT = new Value(null, BasicValue.INT_VALUE);
        private static final Value FLOAT = new Value(null, BasicValue.FLOAT_VALUE);
        private static final Value LONG = new Value(null, BasicValue.LONG_VALUE);
        private static final Value DOUBLE = new Value(null, BasicValue.DOUBLE_VALUE);

        /** The NEW that made this uninitialised object, or null for any other value. */
        final TypeInsnNode allocation;
        /** The value's kind (a reference for an uninitialised object). */
        final BasicValue basic;

        private Value(TypeInsnNode allocation, BasicValue basic) {
            this.allocation = allocation;
            this.basic = basic;
        }

        /** The value of kind {@code b} (shared instances for ASM's kinds: the analysis makes many). */
        static Value of(BasicValue b) {
            if (b == null) return null;
            if (b == BasicValue.INT_VALUE) return INT;
            if (b == BasicValue.FLOAT_VALUE) return FLOAT;
            if (b == BasicValue.LONG_VALUE) return LONG;
            if (b == BasicValue.DOUBLE_VALUE) return DOUBLE;
            if (b == BasicValue.REFERENCE_VALUE) return INITIALISED;
            if (b == BasicValue.UNINITIALIZED_VALUE) return UNUSABLE;
            return new Value(null, b);
        }

        @Override
        public int getSize() {
            return basic.getSize();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Value v && v.allocation == allocation && v.basic.equals(basic);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(allocation) * 31 + basic.hashCode();
        }

        @Override
        public String toString() {
            return allocation != null ? "uninitialised " + allocation.desc : basic.toString();
        }
    }

    /** {@code INVOKESPECIAL <init>} initialises every copy of its receiver, as the JVM's verifier does. */
    static final class InitFrame extends Frame<Value> {
        InitFrame(int numLocals, int maxStack) {
            super(numLocals, maxStack);
        }

        InitFrame(Frame<? extends Value> frame) {
            super(frame);
        }

        @Override
        public void execute(AbstractInsnNode insn, Interpreter<Value> interpreter) throws AnalyzerException {
            if (!isConstructorCall(insn)) {
                super.execute(insn, interpreter);
                return;
            }
            Value receiver = getStack(getStackSize() - Type.getArgumentTypes(((MethodInsnNode) insn).desc).length - 1);
            super.execute(insn, interpreter);
            if (receiver.allocation == null) return;
            for (int l = 0; l < getLocals(); l++) {
                if (getLocal(l).equals(receiver)) setLocal(l, Value.INITIALISED);
            }
            for (int s = 0; s < getStackSize(); s++) {
                if (getStack(s).equals(receiver)) setStack(s, Value.INITIALISED);
            }
        }
    }

    static boolean isConstructorCall(AbstractInsnNode insn) {
        return insn.getOpcode() == Opcodes.INVOKESPECIAL && "<init>".equals(((MethodInsnNode) insn).name);
    }

    /** ASM's {@link BasicInterpreter} for the kinds; NEW makes an uninitialised object of its own. */
    private static final class Tracker extends Interpreter<Value> {
        private final BasicInterpreter basic = new BasicInterpreter();
        /** When not null, every value an operation reads is added here (see {@link #operands}). */
        List<Value> read;

        Tracker() {
            super(Opcodes.ASM9);
        }

        private void reads(List<? extends Value> values) {
            if (read != null) read.addAll(values);
        }

        @Override
        public Value newValue(Type type) {
            return Value.of(basic.newValue(type));
        }

        @Override
        public Value newOperation(AbstractInsnNode insn) throws AnalyzerException {
            if (insn.getOpcode() == Opcodes.NEW) return new Value((TypeInsnNode) insn, BasicValue.REFERENCE_VALUE);
            return Value.of(basic.newOperation(insn));
        }

        @Override
        public Value copyOperation(AbstractInsnNode insn, Value value) {
            reads(List.of(value));
            return value;
        }

        @Override
        public Value unaryOperation(AbstractInsnNode insn, Value value) throws AnalyzerException {
            reads(List.of(value));
            return Value.of(basic.unaryOperation(insn, value.basic));
        }

        @Override
        public Value binaryOperation(AbstractInsnNode insn, Value a, Value b) throws AnalyzerException {
            reads(List.of(a, b));
            return Value.of(basic.binaryOperation(insn, a.basic, b.basic));
        }

        @Override
        public Value ternaryOperation(AbstractInsnNode insn, Value a, Value b, Value c) throws AnalyzerException {
            reads(List.of(a, b, c));
            return Value.of(basic.ternaryOperation(insn, a.basic, b.basic, c.basic));
        }

        @Override
        public Value naryOperation(AbstractInsnNode insn, List<? extends Value> values) throws AnalyzerException {
            reads(values);
            List<BasicValue> kinds = new ArrayList<>(values.size());
            for (Value v : values) kinds.add(v.basic);
            return Value.of(basic.naryOperation(insn, kinds));
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, Value value, Value expected) {
            reads(List.of(value));
        }

        @Override
        public Value merge(Value a, Value b) {
            if (a.equals(b)) return a;
            if (a.allocation != null || b.allocation != null) return Value.UNUSABLE;
            BasicValue m = basic.merge(a.basic, b.basic);
            return m.equals(a.basic) ? a : Value.of(m);
        }
    }
}
