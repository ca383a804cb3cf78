package dev.coro.weaver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A type as a {@code Signature} attribute (JVMS 4.7.9.1) writes it, for {@link TypeChecker}: classes
 * with their type arguments, type variables, arrays, wildcards and primitives. Immutable; parsed by
 * {@link #parseMethod}, {@link #parseClass} and {@link #parseType}, each of which answers null for a
 * signature it cannot read (a malformed signature is "not checked", never a rejection).
 */
sealed interface GenericType {

    /** {@code pkg/Outer$Inner<args>}: the erased class and the type arguments of its last part. */
    record ClassType(String internalName, List<GenericType> args) implements GenericType {}

    /** A use of a type variable, by name. */
    record TypeVar(String name) implements GenericType {}

    record ArrayType(GenericType component) implements GenericType {}

    /** A primitive type, by its descriptor letter ({@code I}, {@code J}, ... and {@code V} for void). */
    record Primitive(char descriptor) implements GenericType {}

    /** A type argument {@code *} (bound null), {@code ? extends bound} ({@code +}) or {@code ? super bound} ({@code -}). */
    record Wildcard(char kind, GenericType bound) implements GenericType {}

    /** A declared type parameter and its bounds (class bound first, then interface bounds). */
    record TypeParam(String name, List<GenericType> bounds) {}

    record MethodSig(List<TypeParam> typeParams, List<GenericType> params, GenericType returnType) {}

    record ClassSig(List<TypeParam> typeParams, ClassType superclass, List<ClassType> interfaces) {}

    /** How a message shows the type: simple names, as in source ({@code List<? extends Number>}). */
    static String display(GenericType t) {
        if (t instanceof ClassType c) {
            String n = c.internalName();
            String simple = n.substring(n.lastIndexOf('/') + 1).replace('$', '.');
            if (c.args().isEmpty()) return simple;
            List<String> args = new ArrayList<>();
            for (GenericType a : c.args()) args.add(display(a));
            return simple + "<" + String.join(", ", args) + ">";
        }
        if (t instanceof TypeVar v) return v.name();
        if (t instanceof ArrayType a) return display(a.component()) + "[]";
        if (t instanceof Wildcard w) {
            if (w.bound() == null) return "?";
            return (w.kind() == '+' ? "? extends " : "? super ") + display(w.bound());
        }
        return org.objectweb.asm.Type.getType(String.valueOf(((Primitive) t).descriptor())).getClassName();
    }

    /**
     * {@code t} with each type variable replaced by its binding in {@code bindings}; a variable with
     * no binding becomes {@code ?} (unknown), so that it can never be mistaken for a variable of the
     * same name in another scope.
     */
    static GenericType substitute(GenericType t, Map<String, GenericType> bindings) {
        if (t instanceof TypeVar v) {
            GenericType b = bindings.get(v.name());
            return b != null ? b : new Wildcard('*', null);
        }
        if (t instanceof ClassType c) {
            List<GenericType> args = new ArrayList<>();
            for (GenericType a : c.args()) args.add(substitute(a, bindings));
            return new ClassType(c.internalName(), List.copyOf(args));
        }
        if (t instanceof ArrayType a) return new ArrayType(substitute(a.component(), bindings));
        if (t instanceof Wildcard w && w.bound() != null) return new Wildcard(w.kind(), substitute(w.bound(), bindings));
        return t;
    }

    static MethodSig parseMethod(String signature) {
        if (signature == null) return null;
        try {
            Parser p = new Parser(signature);
            List<TypeParam> typeParams = p.typeParams();
            p.expect('(');
            List<GenericType> params = new ArrayList<>();
            while (p.peek() != ')') params.add(p.javaType());
            p.expect(')');
            GenericType ret = p.javaType();
            return new MethodSig(typeParams, List.copyOf(params), ret); // throws clauses are not needed
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ClassSig parseClass(String signature) {
        if (signature == null) return null;
        try {
            Parser p = new Parser(signature);
            List<TypeParam> typeParams = p.typeParams();
            ClassType sup = p.classType();
            List<ClassType> itfs = new ArrayList<>();
            while (!p.atEnd()) itfs.add(p.classType());
            return new ClassSig(typeParams, sup, List.copyOf(itfs));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A field's or a local variable's signature (or a descriptor, which is also one). */
    static GenericType parseType(String signature) {
        if (signature == null) return null;
        try {
            Parser p = new Parser(signature);
            GenericType t = p.javaType();
            return p.atEnd() ? t : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Recursive descent over the signature grammar; throws IllegalArgumentException on bad input. */
    final class Parser {
        private final String s;
        private int pos;

        private Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos == s.length();
        }

        char peek() {
            if (pos >= s.length()) throw new IllegalArgumentException("truncated signature " + s);
            return s.charAt(pos);
        }

        void expect(char c) {
            if (peek() != c) throw new IllegalArgumentException("expected " + c + " at " + pos + " in " + s);
            pos++;
        }

        List<TypeParam> typeParams() {
            if (atEnd() || peek() != '<') return List.of();
            pos++;
            List<TypeParam> out = new ArrayList<>();
            while (peek() != '>') {
                String name = identifier(':');
                List<GenericType> bounds = new ArrayList<>();
                expect(':');
                if (peek() != ':' && peek() != '>' && !startsTypeParam()) bounds.add(referenceType());
                while (peek() == ':') {
                    pos++;
                    bounds.add(referenceType());
                }
                out.add(new TypeParam(name, List.copyOf(bounds)));
            }
            pos++;
            return List.copyOf(out);
        }

        /** After {@code T:}, an empty class bound is followed by {@code :} or the next parameter. */
        private boolean startsTypeParam() {
            char c = peek();
            return c != 'L' && c != 'T' && c != '[';
        }

        GenericType javaType() {
            char c = peek();
            if ("BCDFIJSZV".indexOf(c) >= 0) {
                pos++;
                return new Primitive(c);
            }
            return referenceType();
        }

        GenericType referenceType() {
            char c = peek();
            if (c == 'L') return classType();
            if (c == '[') {
                pos++;
                return new ArrayType(javaType());
            }
            if (c == 'T') {
                pos++;
                String name = identifier(';');
                expect(';');
                return new TypeVar(name);
            }
            throw new IllegalArgumentException("unexpected " + c + " at " + pos + " in " + s);
        }

        ClassType classType() {
            expect('L');
            StringBuilder name = new StringBuilder(identifier('<'));
            List<GenericType> args = typeArgs();
            while (peek() == '.') {
                pos++;
                name.append('$').append(identifier('<'));
                args = typeArgs();
            }
            expect(';');
            return new ClassType(name.toString(), args);
        }

        private List<GenericType> typeArgs() {
            if (peek() != '<') return List.of();
            pos++;
            List<GenericType> out = new ArrayList<>();
            while (peek() != '>') {
                char c = peek();
                if (c == '*') {
                    pos++;
                    out.add(new Wildcard('*', null));
                } else if (c == '+' || c == '-') {
                    pos++;
                    out.add(new Wildcard(c, referenceType()));
                } else {
                    out.add(referenceType());
                }
            }
            pos++;
            return List.copyOf(out);
        }

        /** Characters up to (not including) {@code ;}, {@code <}, {@code .}, {@code :} or {@code >}. */
        private String identifier(char stop) {
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ';' || c == '<' || c == '.' || c == ':' || c == '>' || c == stop) break;
                pos++;
            }
            if (pos == start) throw new IllegalArgumentException("empty identifier at " + pos + " in " + s);
            return s.substring(start, pos);
        }
    }
}
