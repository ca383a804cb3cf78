package dev.coro.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * ASM's {@link BasicInterpreter}, but keeping the class of every reference (not just
 * "reference"), merging two classes to their common superclass as the JVM's verifier does. It
 * verifies nothing: the input was verified by its compiler; this only tells the weaver the type
 * a saved local must be restored as.
 *
 * <p>The type {@code null} ({@link #NULL_TYPE}) is the type of a value that is always null.
 */
final class TypedInterpreter extends BasicInterpreter {
    static final Type NULL_TYPE = BasicInterpreter.NULL_TYPE;

    private final ClassHierarchy hierarchy;

    TypedInterpreter(ClassHierarchy hierarchy) {
        super(Opcodes.ASM9);
        this.hierarchy = hierarchy;
    }

    @Override
    public BasicValue newValue(Type type) {
        if (type != null && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
            return new BasicValue(type);
        }
        return super.newValue(type);
    }

    @Override
    public BasicValue binaryOperation(AbstractInsnNode insn, BasicValue array, BasicValue index)
            throws AnalyzerException {
        if (insn.getOpcode() == AALOAD) {
            Type t = array.getType();
            if (t != null && t.getSort() == Type.ARRAY) {
                return newValue(Type.getType(t.getDescriptor().substring(1)));
            }
            return newValue(Names.OBJECT_TYPE);
        }
        return super.binaryOperation(insn, array, index);
    }

    /** {@code Yield.done(r)} will be {@code r} itself: an Object, not the Coro its signature says. */
    @Override
    public BasicValue naryOperation(AbstractInsnNode insn, java.util.List<? extends BasicValue> values)
            throws AnalyzerException {
        YieldCall c = YieldCall.of(insn);
        if (c == YieldCall.DONE || c == YieldCall.DONE_RESULT) return newValue(Names.OBJECT_TYPE);
        return super.naryOperation(insn, values);
    }

    @Override
    public BasicValue merge(BasicValue a, BasicValue b) {
        if (a.equals(b)) return a;
        Type ta = a.getType();
        Type tb = b.getType();
        if (isReference(ta) && isReference(tb)) {
            if (NULL_TYPE.equals(ta)) return b;
            if (NULL_TYPE.equals(tb)) return a;
            return new BasicValue(commonSuperType(ta, tb));
        }
        return BasicValue.UNINITIALIZED_VALUE;
    }

    /**
     * The JVM's merge (and ASM's {@code Frame.merge}): two arrays of references of the same
     * dimensions merge element-wise; otherwise the common part of the two is {@code min(dims)}
     * dimensions of {@code Object} when the shallower one holds references at that depth
     * ({@code String[]} and {@code Integer[][]} give {@code Object[]}), one fewer when it holds
     * primitives ({@code int[]} and {@code String[]} give {@code Object}, {@code int[][]} and
     * {@code String[][][]} give {@code Object[]}); an array and a class give {@code Object}.
     */
    private Type commonSuperType(Type a, Type b) {
        if (a.getSort() != Type.ARRAY || b.getSort() != Type.ARRAY) {
            if (a.getSort() == Type.ARRAY || b.getSort() == Type.ARRAY) return Names.OBJECT_TYPE;
            return Type.getObjectType(hierarchy.commonSuperClass(a.getInternalName(), b.getInternalName()));
        }
        Type ea = a.getElementType();
        Type eb = b.getElementType();
        int da = a.getDimensions();
        int db = b.getDimensions();
        if (da == db && ea.getSort() == Type.OBJECT && eb.getSort() == Type.OBJECT) {
            String common = hierarchy.commonSuperClass(ea.getInternalName(), eb.getInternalName());
            return Type.getType("[".repeat(da) + "L" + common + ";");
        }
        int dims = Math.min(da, db);
        boolean shallowHoldsReferences = da != db && (da < db ? ea : eb).getSort() == Type.OBJECT;
        if (!shallowHoldsReferences) dims--;
        return dims == 0 ? Names.OBJECT_TYPE : Type.getType("[".repeat(dims) + Names.OBJECT_DESC);
    }

    static boolean isReference(Type t) {
        return t != null && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY);
    }
}
