package dev.coro.weaver;

import dev.coro.weaver.UninitializedValues.Value;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.BasicValue;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.objectweb.asm.Opcodes.*;

/** {@link StackShuffle}: the stack operations' forms (JVMS 6.5) and their replay on a stack without some values. */
class StackShuffleTest {
    private static final Value I = Value.of(BasicValue.INT_VALUE);
    private static final Value J = Value.of(BasicValue.LONG_VALUE);

    /** A reference value of its own identity. */
    private static Value ref(String name) {
        return Value.of(new BasicValue(Type.getObjectType(name)));
    }

    private static String text(InsnList code) {
        MethodNode m = new MethodNode();
        m.instructions = code;
        return PassTesting.text(m);
    }

    @Test
    void formsFollowTheSizesOfTheValues() {
        assertEquals(List.of(1, 0, 1), StackShuffle.on(DUP_X2, List.of(J, I)).out());
        assertEquals(List.of(2, 0, 1, 2), StackShuffle.on(DUP_X2, List.of(I, I, I)).out());
        assertEquals(List.of(0, 0), StackShuffle.on(DUP2, List.of(J)).out());
        assertEquals(List.of(0, 1, 0, 1), StackShuffle.on(DUP2, List.of(I, I)).out());
        assertEquals(List.of(1, 0, 1), StackShuffle.on(DUP2_X1, List.of(I, J)).out());
        assertEquals(List.of(1, 2, 0, 1, 2), StackShuffle.on(DUP2_X1, List.of(I, I, I)).out());
        assertEquals(List.of(1, 0, 1), StackShuffle.on(DUP2_X2, List.of(J, J)).out());
        assertEquals(List.of(2, 0, 1, 2), StackShuffle.on(DUP2_X2, List.of(I, I, J)).out());
        assertEquals(List.of(1, 2, 0, 1, 2), StackShuffle.on(DUP2_X2, List.of(J, I, I)).out());
        assertEquals(List.of(2, 3, 0, 1, 2, 3), StackShuffle.on(DUP2_X2, List.of(I, I, I, I)).out());
        assertEquals(List.of(), StackShuffle.on(POP2, List.of(J)).out());
        assertEquals(1, StackShuffle.on(POP2, List.of(I, J)).in().size());
        assertNull(StackShuffle.on(DUP, List.of(J)), "DUP of a long does not exist");
        assertNull(StackShuffle.on(SWAP, List.of(I, J)));
        assertNull(StackShuffle.on(DUP_X1, List.of(I)), "too few values");
    }

    @Test
    void withoutTheGoneValuesTheOperationIsNothingOrAnotherOne() {
        ConstructorMover.Temps temps = new ConstructorMover.Temps(5);
        Value u = ref("U");
        Value a = ref("A");
        // NEW; DUP_X1 on [a, U]: [U, a, U] without U is [a]: nothing to do
        assertEquals("", text(StackShuffle.without(StackShuffle.on(DUP_X1, List.of(a, u)), v -> v == u, temps)));
        // DUP2_X1 on [a, U, b] is [U, b, a, U, b]; without U: [b, a, b], a DUP_X1
        Value b = Value.of(BasicValue.INT_VALUE);
        assertEquals("DUP_X1\n", text(StackShuffle.without(StackShuffle.on(DUP2_X1, List.of(a, u, b)), v -> v == u, temps)));
        // DUP2_X2 on [J, a, U] is [a, U, J, a, U]; without U: [a, J, a], DUP_X2's second form
        assertEquals("DUP_X2\n", text(StackShuffle.without(StackShuffle.on(DUP2_X2, List.of(J, a, u)), v -> v == u, temps)));
        // POP2 of [a, U]: POP
        assertEquals("POP\n", text(StackShuffle.without(StackShuffle.on(POP2, List.of(a, u)), v -> v == u, temps)));
        assertEquals(5, temps.max, "no temporaries used");
    }

    @Test
    void anOrderNoOneOperationMakesGoesThroughTemporaries() {
        ConstructorMover.Temps temps = new ConstructorMover.Temps(5);
        Value a = ref("A");
        // a made-up shuffle [J, a, I] -> [I, a, J, I]: stored top first, loaded in the new order
        StackShuffle.Shuffle s = new StackShuffle.Shuffle(List.of(J, a, I), List.of(2, 1, 0, 2));
        assertEquals("""
                ISTORE 8
                ASTORE 7
                LSTORE 5
                ILOAD 8
                ALOAD 7
                LLOAD 5
                ILOAD 8
                """, text(StackShuffle.without(s, v -> false, temps)));
        assertEquals(9, temps.max);
    }
}
