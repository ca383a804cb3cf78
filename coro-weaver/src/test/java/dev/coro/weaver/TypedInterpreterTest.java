package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link TypedInterpreter#merge}: references merge as the JVM's verifier (and ASM's {@code Frame.merge}) merge them. */
class TypedInterpreterTest {
    private final TypedInterpreter interpreter =
            new TypedInterpreter(ClassHierarchy.ofClassLoader(getClass().getClassLoader()));

    private String merge(String a, String b) {
        String ab = interpreter.merge(new BasicValue(Type.getType(a)), new BasicValue(Type.getType(b))).getType().getDescriptor();
        String ba = interpreter.merge(new BasicValue(Type.getType(b)), new BasicValue(Type.getType(a))).getType().getDescriptor();
        assertEquals(ab, ba, "merge is symmetric");
        return ab;
    }

    @Test
    void classesMergeToTheirCommonSuperclass() {
        assertEquals("Ljava/lang/Number;", merge("Ljava/lang/Integer;", "Ljava/lang/Long;"));
        assertEquals("Ljava/lang/Object;", merge("Ljava/lang/String;", "Ljava/lang/Integer;"));
        assertEquals("Ljava/lang/String;", merge("Ljava/lang/String;", TypedInterpreter.NULL_TYPE.getDescriptor()));
    }

    @Test
    void arraysOfReferencesWithTheSameDimensionsMergeElementWise() {
        assertEquals("[Ljava/lang/Number;", merge("[Ljava/lang/Integer;", "[Ljava/lang/Long;"));
        assertEquals("[[Ljava/lang/Object;", merge("[[Ljava/lang/String;", "[[Ljava/lang/Integer;"));
        assertEquals("[Ljava/lang/String;", merge("[Ljava/lang/String;", TypedInterpreter.NULL_TYPE.getDescriptor()));
    }

    @Test
    void arraysOfDifferentDimensionsMergeToObjectArraysOfTheCommonDepth() {
        assertEquals("[Ljava/lang/Object;", merge("[Ljava/lang/String;", "[[Ljava/lang/Integer;"));
        assertEquals("[[Ljava/lang/Object;", merge("[[Ljava/lang/String;", "[[[Ljava/lang/Integer;"));
        assertEquals("[Ljava/lang/Object;", merge("[Ljava/lang/Object;", "[[I"));
        assertEquals("[[Ljava/lang/Object;", merge("[[Ljava/lang/String;", "[[[I"));
    }

    @Test
    void primitiveArraysMergeWithOtherArraysOneLevelUp() {
        assertEquals("Ljava/lang/Object;", merge("[I", "[Ljava/lang/String;"));
        assertEquals("Ljava/lang/Object;", merge("[I", "[J"));
        assertEquals("Ljava/lang/Object;", merge("[I", "[[Ljava/lang/String;"));
        assertEquals("Ljava/lang/Object;", merge("[I", "[[I"));
        assertEquals("[Ljava/lang/Object;", merge("[[I", "[[Ljava/lang/String;"));
        assertEquals("[Ljava/lang/Object;", merge("[[I", "[[J"));
        assertEquals("[Ljava/lang/Object;", merge("[[I", "[[[Ljava/lang/String;"));
    }

    @Test
    void anArrayAndAClassMergeToObject() {
        assertEquals("Ljava/lang/Object;", merge("[Ljava/lang/String;", "Ljava/lang/String;"));
        assertEquals("Ljava/lang/Object;", merge("[I", "Ljava/lang/Integer;"));
    }

    @Test
    void aReferenceAndAPrimitiveCannotMerge() {
        assertEquals(BasicValue.UNINITIALIZED_VALUE,
                interpreter.merge(new BasicValue(Type.getType("[I")), BasicValue.INT_VALUE));
    }
}
