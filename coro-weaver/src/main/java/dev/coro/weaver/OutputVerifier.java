package dev.coro.weaver;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

import java.util.List;

/**
 * Checks the weaver's own output with ASM's {@link SimpleVerifier}, its type hierarchy taken from
 * the {@link ClassHierarchy} (so nothing is loaded), before the JVM sees it. A failure is a bug in
 * coro and becomes a diagnostic; the class is then left unwoven instead of failing with a
 * {@code VerifyError} at run time.
 */
public final class OutputVerifier {
    private OutputVerifier() {}

    /** Why a method does not verify: the method, the instruction (or null) and the verifier's words. */
    record Failure(MethodNode method, AbstractInsnNode insn, String message) {
        int line() {
            return insn == null ? ControlFlow.firstLine(method) : ControlFlow.lineOf(insn);
        }

        @Override
        public String toString() {
            int index = insn == null ? -1 : method.instructions.indexOf(insn);
            return method.name + method.desc + " at instruction " + index + ": " + message;
        }
    }

    /** Verifies {@code methods} of {@code cls}; returns null when they pass, else the first failure. */
    static Failure verify(ClassNode cls, List<MethodNode> methods, ClassHierarchy hierarchy,
            List<String> extraClasses) {
        for (MethodNode m : methods) {
            Analyzer<BasicValue> analyzer = new Analyzer<>(new HierarchyVerifier(cls, hierarchy, extraClasses));
            ControlFlow.raiseLimits(analyzer);
            try {
                analyzer.analyze(cls.name, m);
            } catch (AnalyzerException e) {
                if (e.getCause() instanceof WeaveException w) throw w; // e.g. a class missing from the hierarchy
                return new Failure(m, e.node, e.getMessage());
            }
        }
        return null;
    }

    /** Verifies a frame class the weaver wrote; returns null when it passes, else the first failure. */
    static Failure verifyFrameClass(byte[] frameClass, ClassHierarchy hierarchy, List<String> frameClasses) {
        ClassNode cls = new ClassNode();
        new org.objectweb.asm.ClassReader(frameClass).accept(cls, 0);
        return verify(cls, cls.methods, hierarchy, frameClasses);
    }

    /** Verifies every method of a class file; returns null when it passes, else the first failure. For tests. */
    public static String verifyClass(byte[] classFile, ClassHierarchy hierarchy) {
        ClassNode cls = new ClassNode();
        new org.objectweb.asm.ClassReader(classFile).accept(cls, 0);
        hierarchy.register(cls.name, cls.superName, cls.interfaces, cls.access);
        List<MethodNode> withCode = cls.methods.stream().filter(m -> m.instructions.size() > 0).toList();
        Failure f = verify(cls, withCode, hierarchy, List.of());
        return f == null ? null : f.toString();
    }

    /** ASM's SimpleVerifier with the class hierarchy read from class files. */
    private static final class HierarchyVerifier extends SimpleVerifier {
        private final ClassHierarchy hierarchy;
        /** Classes not in the hierarchy (frame classes, defined at run time): treated as plain classes. */
        private final List<String> extra;

        HierarchyVerifier(ClassNode cls, ClassHierarchy hierarchy, List<String> extra) {
            super(ASM9, Type.getObjectType(cls.name),
                    cls.superName == null ? null : Type.getObjectType(cls.superName),
                    cls.interfaces.stream().map(Type::getObjectType).toList(),
                    (cls.access & ACC_INTERFACE) != 0);
            this.hierarchy = hierarchy;
            this.extra = extra;
        }

        @Override
        protected boolean isInterface(Type type) {
            if (type.getSort() != Type.OBJECT || extra.contains(type.getInternalName())) return false;
            return hierarchy.isInterface(type.getInternalName());
        }

        @Override
        protected Type getSuperClass(Type type) {
            if (type.getSort() == Type.ARRAY) return Names.OBJECT_TYPE;
            if (extra.contains(type.getInternalName())) return Type.getObjectType(Names.FRAME_BASE);
            String s = hierarchy.superName(type.getInternalName());
            return s == null ? null : Type.getObjectType(s);
        }

        @Override
        protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
            Type e = expected.getType();
            Type t = value.getType();
            switch (e.getSort()) {
                case Type.INT: case Type.FLOAT: case Type.LONG: case Type.DOUBLE:
                    return t.equals(e);
                case Type.ARRAY: case Type.OBJECT:
                    if (t.equals(NULL_TYPE)) return true;
                    if (t.getSort() != Type.OBJECT && t.getSort() != Type.ARRAY) return false;
                    // as the JVM's verifier: any reference may be passed where an interface is expected
                    return isAssignableFrom(e, t) || isInterface(e);
                default:
                    throw new AssertionError(e);
            }
        }

        @Override
        protected boolean isAssignableFrom(Type type, Type other) {
            if (type.equals(other) || Names.OBJECT_TYPE.equals(type)) return true;
            if (type.getSort() == Type.OBJECT && other.getSort() == Type.OBJECT) {
                String t = type.getInternalName();
                String o = other.getInternalName();
                if (extra.contains(o)) return t.equals(Names.FRAME_BASE) || isInterface(type);
                if (extra.contains(t)) return false;
                return hierarchy.isSubclassOrImplements(t, o);
            }
            if (type.getSort() == Type.OBJECT) { // an array where a class is expected
                String t = type.getInternalName();
                return t.equals("java/lang/Cloneable") || t.equals("java/io/Serializable");
            }
            if (other.getSort() != Type.ARRAY) return false;
            Type tc = Type.getType(type.getDescriptor().substring(1));
            Type oc = Type.getType(other.getDescriptor().substring(1));
            boolean tRef = tc.getSort() == Type.OBJECT || tc.getSort() == Type.ARRAY;
            boolean oRef = oc.getSort() == Type.OBJECT || oc.getSort() == Type.ARRAY;
            if (!tRef || !oRef) return tc.equals(oc);
            return isAssignableFrom(tc, oc);
        }

        @Override
        protected Class<?> getClass(Type type) {
            throw new IllegalStateException("the weaver must not load classes (" + type + ")");
        }
    }
}
