package dev.coro.weaver;

import dev.coro.weaver.GenericType.ClassType;
import dev.coro.weaver.GenericType.TypeParam;
import dev.coro.weaver.GenericType.TypeVar;
import dev.coro.weaver.GenericType.Wildcard;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link TypeFacts}: upper bounds of generic types, which erased types provably share no value, and
 * members and supertypes read from class files (some built here with their signatures), every
 * unanswerable question answered "cannot tell".
 */
class TypeFactsTest {
    private static final ClassNode WOVEN = new ClassNode();

    static {
        WOVEN.name = "t/Woven";
        WOVEN.superName = "java/lang/Object";
        WOVEN.methods.add(new MethodNode(ACC_STATIC, "x", "()V", null, null));
    }

    private static ClassType cls(String name, GenericType... args) {
        return new ClassType(name, List.of(args));
    }

    /** {@code class Box<T> implements Iterable<T> { T value; T get(); }} and {@code class Names extends Box<String>}. */
    private static TypeFacts facts() {
        ClassWriter box = new ClassWriter(0);
        box.visit(V11, ACC_PUBLIC | ACC_ABSTRACT, "t/Box", "<T:Ljava/lang/Object;>Ljava/lang/Object;Ljava/lang/Iterable<TT;>;",
                "java/lang/Object", new String[] {"java/lang/Iterable"});
        box.visitField(0, "value", "Ljava/lang/Object;", "TT;", null).visitEnd();
        box.visitMethod(ACC_PUBLIC | ACC_ABSTRACT, "get", "()Ljava/lang/Object;", "()TT;", null).visitEnd();
        box.visitEnd();
        ClassWriter names = new ClassWriter(0);
        names.visit(V11, ACC_PUBLIC | ACC_ABSTRACT, "t/Names", "Lt/Box<Ljava/lang/String;>;", "t/Box", null);
        names.visitEnd();
        return new TypeFacts(HostileHierarchyTest.over(Map.of("t/Box", box.toByteArray(), "t/Names", names.toByteArray())),
                WOVEN);
    }

    private static Type t(String desc) {
        return Type.getType(desc);
    }

    @Test
    void upperBoundsOfVariablesWildcardsAndArrays() {
        TypeFacts.Scope scope = TypeFacts.Scope.of(
                List.of(new TypeParam("T", List.of(cls("java/lang/Number"), cls("java/lang/Comparable", new TypeVar("T")))),
                        new TypeParam("A", List.of(new TypeVar("B"))), new TypeParam("B", List.of(new TypeVar("A")))),
                GenericType.parseClass("<T:Ljava/lang/Object;U:Ljava/lang/CharSequence;>Ljava/lang/Object;"));
        assertEquals(List.of(t("Ljava/lang/Number;"), t("Ljava/lang/Comparable;")),
                TypeFacts.upperBounds(new TypeVar("T"), scope), "the method's T hides the class's");
        assertEquals(List.of(t("Ljava/lang/CharSequence;")), TypeFacts.upperBounds(new TypeVar("U"), scope));
        assertEquals(List.of(t("[Ljava/lang/Number;")), TypeFacts.upperBounds(new GenericType.ArrayType(new TypeVar("T")), scope));
        assertEquals(List.of(t("[Ljava/lang/Object;")), TypeFacts.upperBounds(new GenericType.ArrayType(new TypeVar("X")), scope));
        assertEquals(List.of(t("Ljava/lang/CharSequence;")),
                TypeFacts.upperBounds(new Wildcard('+', new TypeVar("U")), scope));
        assertEquals(List.of(t("I")), TypeFacts.upperBounds(new GenericType.Primitive('I'), scope));
        assertNull(TypeFacts.upperBounds(new Wildcard('-', cls("java/lang/Integer")), scope));
        assertNull(TypeFacts.upperBounds(new Wildcard('*', null), scope));
        assertNull(TypeFacts.upperBounds(new TypeVar("X"), scope), "out of scope");
        assertNull(TypeFacts.upperBounds(new TypeVar("A"), scope), "bounds that loop say nothing");
    }

    @Test
    void disjointOnlyWhenNoValueCanBeBoth() {
        TypeFacts f = facts();
        assertTrue(f.disjoint(t("Ljava/lang/String;"), t("Ljava/lang/Integer;")), "two unrelated classes");
        assertFalse(f.disjoint(t("Ljava/lang/String;"), t("Ljava/lang/CharSequence;")));
        assertFalse(f.disjoint(t("Ljava/lang/Object;"), t("Ljava/lang/Integer;")));
        assertTrue(f.disjoint(t("Ljava/lang/Integer;"), t("Ljava/lang/Runnable;")), "a final class and an interface it lacks");
        assertFalse(f.disjoint(t("Ljava/util/ArrayList;"), t("Ljava/lang/Runnable;")), "a subclass may implement it");
        assertFalse(f.disjoint(t("Ljava/lang/Runnable;"), t("Ljava/lang/Comparable;")), "two interfaces");
        assertTrue(f.disjoint(t("[I"), t("[J")));
        assertFalse(f.disjoint(t("[I"), t("[I")));
        assertTrue(f.disjoint(t("[Ljava/lang/String;"), t("[Ljava/lang/Integer;")));
        assertFalse(f.disjoint(t("[Ljava/lang/String;"), t("[Ljava/lang/CharSequence;")));
        assertFalse(f.disjoint(t("[Ljava/lang/String;"), t("Ljava/io/Serializable;")));
        assertTrue(f.disjoint(t("[Ljava/lang/String;"), t("Ljava/lang/Runnable;")));
        assertTrue(f.disjoint(t("Ljava/lang/String;"), t("[Ljava/lang/String;")));
        assertTrue(f.disjoint(t("I"), t("J")));
        assertFalse(f.disjoint(t("Lt/Gone;"), t("Ljava/lang/String;")), "a class that cannot be found: cannot tell");
        assertTrue(f.disjointFromAny(t("Ljava/lang/String;"), List.of(t("Ljava/lang/CharSequence;"), t("Ljava/lang/Number;"))));
        assertFalse(f.disjointFromAny(t("Ljava/lang/String;"), List.of(t("Ljava/lang/CharSequence;"), t("Ljava/lang/Comparable;"))));
    }

    @Test
    void aParameterizedTypeSeenAsItsSupertype() {
        TypeFacts f = facts();
        assertEquals(cls("java/lang/Iterable", cls("java/lang/String")), f.asSuper(cls("t/Names"), "java/lang/Iterable"));
        assertEquals(cls("t/Box", cls("java/lang/String")), f.asSuper(cls("t/Names"), "t/Box"));
        assertEquals(cls("java/lang/Iterable", cls("java/lang/Integer")),
                f.asSuper(cls("t/Box", cls("java/lang/Integer")), "java/lang/Iterable"));
        assertNull(f.asSuper(cls("t/Box"), "java/lang/Iterable"), "a raw Box");
        assertNull(f.asSuper(cls("t/Names"), "java/lang/Runnable"), "not a supertype");
        assertEquals(cls("java/lang/Iterable", cls("java/lang/String")),
                f.asSuper(cls("java/util/ArrayList", cls("java/lang/String")), "java/lang/Iterable"), "through the JDK's own");
    }

    @Test
    void membersAreFoundWhereTheyAreDeclared() {
        TypeFacts f = facts();
        TypeFacts.Declared<MethodNode> get = f.method("t/Names", "get", "()Ljava/lang/Object;");
        assertEquals("t/Box ()TT;", get.owner().name + " " + get.member().signature);
        TypeFacts.Declared<FieldNode> value = f.field("t/Names", "value", "Ljava/lang/Object;");
        assertEquals("t/Box TT;", value.owner().name + " " + value.member().signature);
        assertEquals("java/lang/Iterable", f.method("t/Names", "iterator", "()Ljava/util/Iterator;").owner().name);
        assertNull(f.method("t/Names", "get", "()Ljava/lang/String;"));
        assertNull(f.field("t/Gone", "value", "I"));
        assertNull(f.classSignature("t/Gone"));
        assertEquals(cls("t/Box", cls("java/lang/String")), f.classSignature("t/Names").superclass());
        assertSame(WOVEN, f.method("t/Woven", "x", "()V").owner(), "the class being woven is read from its node, not looked up");
    }
}
