package dev.coro.weaver;

import dev.coro.weaver.GenericType.ArrayType;
import dev.coro.weaver.GenericType.ClassSig;
import dev.coro.weaver.GenericType.ClassType;
import dev.coro.weaver.GenericType.TypeParam;
import dev.coro.weaver.GenericType.TypeVar;
import dev.coro.weaver.GenericType.Wildcard;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type facts {@link TypeChecker} asks for, read from class files through {@link ClassHierarchy}'s
 * locator and never by loading a class: whether two erased types can share a value, the generic
 * signatures of members, and a parameterized type seen as one of its supertypes
 * ({@code ArrayList<String>} as {@code Iterable<String>}).
 *
 * <p>Every question whose answer needs a class that cannot be found or read answers "cannot tell",
 * which the checker treats as well typed. One instance serves one class being checked.
 */
final class TypeFacts {
    private static final Set<String> ARRAY_SUPERTYPES =
            Set.of(Names.OBJECT, "java/lang/Cloneable", "java/io/Serializable");

    private final ClassHierarchy hierarchy;
    private final ClassNode woven;
    private final Map<String, ClassNode> headers = new HashMap<>();

    TypeFacts(ClassHierarchy hierarchy, ClassNode woven) {
        this.hierarchy = hierarchy;
        this.woven = woven;
    }

    /** The type variables in force and their bounds: a method's parameters over its class's. */
    record Scope(Map<String, List<GenericType>> bounds) {
        static Scope of(List<TypeParam> methodParams, ClassSig classSig) {
            Map<String, List<GenericType>> b = new HashMap<>();
            if (classSig != null) for (TypeParam p : classSig.typeParams()) b.put(p.name(), p.bounds());
            if (methodParams != null) for (TypeParam p : methodParams) b.put(p.name(), p.bounds());
            return new Scope(Map.copyOf(b));
        }
    }

    /**
     * The erased upper bounds of a value of type {@code t}, each of which it is an instance of (for
     * {@code T extends Number & Comparable<T>}: Number and Comparable); null when nothing is known
     * (a type variable out of scope, {@code ?}, {@code ? super X}).
     */
    static List<Type> upperBounds(GenericType t, Scope scope) {
        return upperBounds(t, scope, 0);
    }

    private static List<Type> upperBounds(GenericType t, Scope scope, int depth) {
        if (depth > 16) return null;
        if (t instanceof ClassType c) return List.of(Type.getObjectType(c.internalName()));
        if (t instanceof ArrayType a) {
            List<Type> component = upperBounds(a.component(), scope, depth + 1);
            if (component == null) return List.of(Type.getType("[" + Names.OBJECT_DESC));
            return List.of(Type.getType("[" + component.get(0).getDescriptor()));
        }
        if (t instanceof GenericType.Primitive p) return List.of(Type.getType(String.valueOf(p.descriptor())));
        if (t instanceof Wildcard w) return w.kind() == '+' ? upperBounds(w.bound(), scope, depth + 1) : null;
        List<GenericType> bounds = scope.bounds().get(((TypeVar) t).name());
        if (bounds == null) return null;
        List<Type> out = new ArrayList<>();
        for (GenericType b : bounds) {
            List<Type> u = upperBounds(b, scope, depth + 1);
            if (u != null) out.addAll(u);
        }
        return out.isEmpty() ? null : List.copyOf(out);
    }

    /**
     * True when no non-null value can be both a {@code found} and an {@code expected}: neither is a
     * subtype of the other and no class can extend or implement both (two unrelated classes, or a
     * final class and an interface it does not implement). A merge of two branches or an erased
     * generic return gives a supertype of what the source said, so only such provable conflicts are
     * errors; and a class that cannot be found is never one.
     */
    boolean disjoint(Type found, Type expected) {
        try {
            return isDisjoint(found, expected);
        } catch (WeaveException unresolvable) {
            return false;
        }
    }

    /** True when {@code found} is disjoint from any one of {@code expected} (all of which a value must be). */
    boolean disjointFromAny(Type found, List<Type> expected) {
        for (Type e : expected) {
            if (disjoint(found, e)) return true;
        }
        return false;
    }

    private boolean isDisjoint(Type f, Type e) {
        boolean fa = f.getSort() == Type.ARRAY;
        boolean ea = e.getSort() == Type.ARRAY;
        if (fa && ea) {
            Type fc = Type.getType(f.getDescriptor().substring(1));
            Type ec = Type.getType(e.getDescriptor().substring(1));
            if (!TypedInterpreter.isReference(fc) || !TypedInterpreter.isReference(ec)) return !fc.equals(ec);
            return isDisjoint(fc, ec);
        }
        if (fa) return e.getSort() != Type.OBJECT || !ARRAY_SUPERTYPES.contains(e.getInternalName());
        if (ea) return f.getSort() != Type.OBJECT || !ARRAY_SUPERTYPES.contains(f.getInternalName());
        if (f.getSort() != Type.OBJECT || e.getSort() != Type.OBJECT) return !f.equals(e);
        String fn = f.getInternalName();
        String en = e.getInternalName();
        if (hierarchy.isSubclassOrImplements(en, fn) || hierarchy.isSubclassOrImplements(fn, en)) return false;
        boolean fi = hierarchy.isInterface(fn);
        boolean ei = hierarchy.isInterface(en);
        if (fi && ei) return false;
        if (!fi && !ei) return true;
        ClassNode theClass = header(fi ? en : fn);
        return theClass != null && (theClass.access & Opcodes.ACC_FINAL) != 0;
    }

    /** The class's signature, or null when it has none (not generic) or cannot be read. */
    ClassSig classSignature(String internalName) {
        ClassNode c = header(internalName);
        return c == null ? null : GenericType.parseClass(c.signature);
    }

    /** The signature (or else the descriptor) of method {@code name desc} as {@code owner} or a supertype declares it. */
    Declared<MethodNode> method(String owner, String name, String desc) {
        return find(owner, new HashSet<>(), c -> {
            for (MethodNode m : c.methods) if (m.name.equals(name) && m.desc.equals(desc)) return m;
            return null;
        });
    }

    Declared<FieldNode> field(String owner, String name, String desc) {
        return find(owner, new HashSet<>(), c -> {
            for (FieldNode f : c.fields) if (f.name.equals(name) && f.desc.equals(desc)) return f;
            return null;
        });
    }

    /** A member and the class that declares it. */
    record Declared<T>(T member, ClassNode owner) {}

    private <T> Declared<T> find(String owner, Set<String> seen, java.util.function.Function<ClassNode, T> lookup) {
        if (owner == null || !seen.add(owner)) return null;
        ClassNode c = header(owner);
        if (c == null) return null;
        T m = lookup.apply(c);
        if (m != null) return new Declared<>(m, c);
        Declared<T> d = find(c.superName, seen, lookup);
        if (d != null) return d;
        for (String i : c.interfaces) {
            d = find(i, seen, lookup);
            if (d != null) return d;
        }
        return null;
    }

    /**
     * {@code t} seen as its supertype {@code target} ({@code ArrayList<String>} as {@code
     * java/lang/Iterable} is {@code Iterable<String>}), with the type arguments carried through each
     * class's generic superclass and interfaces; null when {@code t} is raw, does not reach {@code
     * target} through generic signatures, or a class on the way cannot be read.
     */
    ClassType asSuper(ClassType t, String target) {
        return asSuper(t, target, new HashSet<>());
    }

    private ClassType asSuper(ClassType t, String target, Set<String> seen) {
        if (t.internalName().equals(target)) return t.args().isEmpty() ? null : t;
        if (!seen.add(t.internalName())) return null;
        ClassSig sig = classSignature(t.internalName());
        if (sig == null) return null;
        if (sig.typeParams().size() != t.args().size()) {
            if (!t.args().isEmpty() || !sig.typeParams().isEmpty()) return null; // raw use of a generic class
        }
        Map<String, GenericType> bindings = new HashMap<>();
        for (int i = 0; i < t.args().size(); i++) bindings.put(sig.typeParams().get(i).name(), t.args().get(i));
        List<ClassType> supers = new ArrayList<>();
        if (sig.superclass() != null) supers.add(sig.superclass());
        supers.addAll(sig.interfaces());
        for (ClassType s : supers) {
            ClassType found = asSuper((ClassType) GenericType.substitute(s, bindings), target, seen);
            if (found != null) return found;
        }
        return null;
    }

    /** The class file's header, fields and methods (no code), or null when it cannot be found or read. */
    private ClassNode header(String internalName) {
        if (internalName.equals(woven.name)) return woven;
        if (headers.containsKey(internalName)) return headers.get(internalName);
        ClassNode c = null;
        byte[] bytes = hierarchy.classFileOrNull(internalName);
        if (bytes != null) {
            try {
                c = new ClassNode();
                new ClassReader(bytes).accept(c, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            } catch (RuntimeException corrupt) {
                c = null;
            }
        }
        headers.put(internalName, c);
        return c;
    }
}
