package dev.coro.weaver;

import dev.coro.weaver.GenericType.ArrayType;
import dev.coro.weaver.GenericType.ClassSig;
import dev.coro.weaver.GenericType.ClassType;
import dev.coro.weaver.GenericType.Primitive;
import dev.coro.weaver.GenericType.TypeParam;
import dev.coro.weaver.GenericType.TypeVar;
import dev.coro.weaver.GenericType.Wildcard;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link GenericType}: class signatures, descriptors read as types, substitution of type variables
 * and how a message shows a type (method signatures and inner classes: {@link TypeCheckerTest}).
 */
class GenericTypeTest {
    private static ClassType cls(String name, GenericType... args) {
        return new ClassType(name, List.of(args));
    }

    @Test
    void aClassSignatureHasItsParametersSuperclassAndInterfaces() {
        ClassSig sig = GenericType.parseClass("<E:Ljava/lang/Object;K::Ljava/lang/Comparable<TK;>;>"
                + "Ljava/util/AbstractList<TE;>;Ljava/util/List<TE;>;Ljava/util/RandomAccess;");
        assertEquals(new ClassSig(List.of(new TypeParam("E", List.of(cls("java/lang/Object"))),
                new TypeParam("K", List.of(cls("java/lang/Comparable", new TypeVar("K"))))),
                cls("java/util/AbstractList", new TypeVar("E")),
                List.of(cls("java/util/List", new TypeVar("E")), cls("java/util/RandomAccess"))), sig);
        assertEquals(new ClassSig(List.of(), cls("java/lang/Object"), List.of()), GenericType.parseClass("Ljava/lang/Object;"));
    }

    @Test
    void aDescriptorIsASignatureToo() {
        assertEquals(new Primitive('I'), GenericType.parseType("I"));
        assertEquals(new ArrayType(new ArrayType(cls("java/lang/String"))), GenericType.parseType("[[Ljava/lang/String;"));
        assertNull(GenericType.parseType("Ljava/lang/String;X"), "trailing characters");
        assertNull(GenericType.parseType(""));
        assertNull(GenericType.parseType(null));
    }

    @Test
    void substitutionReplacesBoundVariablesAndMakesUnboundOnesUnknown() {
        GenericType t = GenericType.parseType("Ljava/util/Map<TK;Ljava/util/List<+[TV;>;>;");
        GenericType s = GenericType.substitute(t, Map.of("V", cls("java/lang/String")));
        assertEquals(cls("java/util/Map", new Wildcard('*', null),
                cls("java/util/List", new Wildcard('+', new ArrayType(cls("java/lang/String"))))), s);
        assertEquals("Map<K, List<? extends V[]>>", GenericType.display(t));
        assertEquals("Map<?, List<? extends String[]>>", GenericType.display(s));
        assertEquals(new Primitive('J'), GenericType.substitute(new Primitive('J'), Map.of()));
    }

    @Test
    void displayUsesSimpleNamesAsInSource() {
        assertEquals("Map.Entry<? super Integer, long[]>",
                GenericType.display(GenericType.parseType("Ljava/util/Map$Entry<-Ljava/lang/Integer;[J>;")));
        assertEquals("void", GenericType.display(new Primitive('V')));
        assertEquals("boolean[][]", GenericType.display(GenericType.parseType("[[Z")));
    }
}
