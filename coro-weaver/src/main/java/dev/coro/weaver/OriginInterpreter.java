package dev.coro.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link TypedInterpreter}'s values (the class of every reference), each also carrying where it came
 * from, for {@link TypeChecker}:
 *
 * <ul>
 *   <li>{@code origin}: the instruction whose generic signature may say more than the erased type
 *       (the {@code ALOAD} of a local in the LocalVariableTypeTable, a call, a field read);
 *   <li>{@code received}: the {@code Yield.await}/{@code Yield.value} call whose result this is,
 *       so that a {@code CHECKCAST} of it can be checked against {@code S};
 *   <li>{@code done}: the {@code Yield.done} calls it may be the result of, and whether it is such
 *       a result on every path ({@code allDone}), so that each {@code ARETURN} and each
 *       {@code Yield.done} can be matched.
 * </ul>
 *
 * Loads, stores and {@code DUP}s move a value unchanged; a merge keeps what both sides agree on.
 */
final class OriginInterpreter extends Interpreter<OriginInterpreter.Val> {

    /** A value: its erased type and where it came from (see the class comment). */
    record Val(BasicValue basic, AbstractInsnNode origin, MethodInsnNode received, Set<MethodInsnNode> done,
            boolean allDone) implements Value {
        @Override
        public int getSize() {
            return basic.getSize();
        }

        Type type() {
            return basic.getType();
        }

        boolean isNull() {
            return TypedInterpreter.NULL_TYPE.equals(basic.getType());
        }

        static Val plain(BasicValue v) {
            return v == null ? null : new Val(v, null, null, Set.of(), false);
        }
    }

    private final TypedInterpreter types;
    private final MethodNode method;
    private final Map<Integer, GenericType> parameters;

    OriginInterpreter(ClassHierarchy hierarchy, MethodNode method) {
        super(Opcodes.ASM9);
        this.types = new TypedInterpreter(hierarchy);
        this.method = method;
        this.parameters = unwrittenParameters(method);
    }

    /**
     * The generic types of the parameters whose slots the method never writes, by slot, from the
     * method's signature: what a load of one holds when there is no LocalVariableTypeTable.
     */
    static Map<Integer, GenericType> unwrittenParameters(MethodNode m) {
        GenericType.MethodSig sig = GenericType.parseMethod(m.signature);
        Type[] erased = Type.getArgumentTypes(m.desc);
        if (sig == null || sig.params().size() != erased.length) return Map.of();
        Map<Integer, GenericType> out = new HashMap<>();
        int slot = (m.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        for (int i = 0; i < erased.length; i++) {
            out.put(slot, sig.params().get(i));
            slot += erased[i].getSize();
        }
        for (AbstractInsnNode insn : m.instructions) {
            int op = insn.getOpcode();
            if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) out.remove(((VarInsnNode) insn).var);
            if (insn instanceof IincInsnNode inc) out.remove(inc.var);
        }
        return Map.copyOf(out);
    }

    /** What the generic signatures say the local {@code load} reads holds there, or null. */
    GenericType localType(VarInsnNode load) {
        GenericType t = GenericType.parseType(localSignature(method, load));
        return t != null ? t : parameters.get(load.var);
    }

    @Override
    public Val newValue(Type type) {
        return Val.plain(types.newValue(type));
    }

    @Override
    public Val newOperation(AbstractInsnNode insn) throws AnalyzerException {
        BasicValue v = types.newOperation(insn);
        return insn.getOpcode() == Opcodes.GETSTATIC ? new Val(v, insn, null, Set.of(), false) : Val.plain(v);
    }

    @Override
    public Val copyOperation(AbstractInsnNode insn, Val value) throws AnalyzerException {
        BasicValue v = types.copyOperation(insn, value.basic());
        AbstractInsnNode origin = value.origin();
        if (insn.getOpcode() == Opcodes.ALOAD && localType((VarInsnNode) insn) != null) origin = insn;
        return new Val(v, origin, value.received(), value.done(), value.allDone());
    }

    /** The generic signature of the local that {@code load} reads, at that instruction, or null. */
    private static String localSignature(MethodNode m, VarInsnNode load) {
        if (m.localVariables == null) return null;
        int at = m.instructions.indexOf(load);
        for (LocalVariableNode lv : m.localVariables) {
            if (lv.index != load.var || lv.signature == null) continue;
            int start = m.instructions.indexOf(lv.start);
            int end = m.instructions.indexOf(lv.end);
            if (start <= at && at < end) return lv.signature;
        }
        return null;
    }

    @Override
    public Val unaryOperation(AbstractInsnNode insn, Val value) throws AnalyzerException {
        BasicValue v = types.unaryOperation(insn, value.basic());
        if (insn.getOpcode() == Opcodes.GETFIELD) return new Val(v, insn, null, Set.of(), false);
        if (insn.getOpcode() == Opcodes.CHECKCAST && !value.done().isEmpty()) {
            return new Val(v, null, null, value.done(), value.allDone());
        }
        return Val.plain(v);
    }

    @Override
    public Val binaryOperation(AbstractInsnNode insn, Val a, Val b) throws AnalyzerException {
        return Val.plain(types.binaryOperation(insn, a.basic(), b.basic()));
    }

    @Override
    public Val ternaryOperation(AbstractInsnNode insn, Val a, Val b, Val c) throws AnalyzerException {
        return Val.plain(types.ternaryOperation(insn, a.basic(), b.basic(), c.basic()));
    }

    @Override
    public Val naryOperation(AbstractInsnNode insn, List<? extends Val> values) throws AnalyzerException {
        BasicValue v = types.naryOperation(insn, values.stream().map(Val::basic).toList());
        YieldCall c = YieldCall.of(insn);
        if (c == YieldCall.AWAIT || c == YieldCall.VALUE) {
            return new Val(v, null, (MethodInsnNode) insn, Set.of(), false);
        }
        if (c == YieldCall.DONE || c == YieldCall.DONE_RESULT) {
            return new Val(v, null, null, Set.of((MethodInsnNode) insn), true);
        }
        if (insn instanceof MethodInsnNode && c == null) return new Val(v, insn, null, Set.of(), false);
        return Val.plain(v);
    }

    @Override
    public void returnOperation(AbstractInsnNode insn, Val value, Val expected) {
        // checked by TypeChecker from the frames, where a problem can be reported once
    }

    @Override
    public Val merge(Val a, Val b) {
        if (a.equals(b)) return a;
        BasicValue v = types.merge(a.basic(), b.basic());
        AbstractInsnNode origin = a.origin() == b.origin() ? a.origin() : null;
        MethodInsnNode received = a.received() == b.received() ? a.received() : null;
        Set<MethodInsnNode> done = a.done();
        if (!b.done().containsAll(done) || !done.containsAll(b.done())) {
            Set<MethodInsnNode> union = new HashSet<>(a.done());
            union.addAll(b.done());
            done = Set.copyOf(union);
        }
        return new Val(v, origin, received, done, a.allDone() && b.allDone());
    }
}
