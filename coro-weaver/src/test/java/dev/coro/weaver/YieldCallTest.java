package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

/** {@link YieldCall}: the Yield methods recognised by owner, name and descriptor, and which of them suspend. */
class YieldCallTest {
    private static MethodInsnNode call(int opcode, String owner, String name, String desc) {
        return new MethodInsnNode(opcode, owner, name, desc, false);
    }

    private static MethodInsnNode yieldCall(String name, String desc) {
        return call(INVOKESTATIC, "dev/coro/Yield", name, desc);
    }

    @Test
    void everyKnownCallByNameAndDescriptor() {
        List<String> seen = new ArrayList<>();
        for (String[] c : new String[][] {{"await", "()Ljava/lang/Object;"}, {"value", "(Ljava/lang/Object;)Ljava/lang/Object;"},
                {"from", "(Ldev/coro/Coro;)Ljava/lang/Object;"}, {"from", "(Ljava/lang/Iterable;)Ljava/lang/Object;"},
                {"done", "()Ldev/coro/Coro;"}, {"done", "(Ljava/lang/Object;)Ldev/coro/Coro;"}}) {
            YieldCall y = YieldCall.of(yieldCall(c[0], c[1]));
            seen.add(y + " " + y.display() + (y.suspends ? " suspends" : ""));
        }
        assertEquals(List.of("AWAIT Yield.await suspends", "VALUE Yield.value suspends", "FROM_CORO Yield.from suspends",
                "FROM_ITERABLE Yield.from suspends", "DONE Yield.done", "DONE_RESULT Yield.done"), seen);
    }

    @Test
    void anUnknownYieldMethodIsAYieldClassCallButNoKnownCall() {
        MethodInsnNode later = yieldCall("value", "(I)Ljava/lang/Object;");
        assertTrue(YieldCall.isYieldClassCall(later));
        assertNull(YieldCall.of(later));
        MethodInsnNode virtual = call(INVOKEVIRTUAL, "dev/coro/Yield", "await", "()Ljava/lang/Object;");
        assertFalse(YieldCall.isYieldClassCall(virtual));
        assertNull(YieldCall.of(virtual));
        assertNull(YieldCall.of(call(INVOKESTATIC, "other/Yield", "await", "()Ljava/lang/Object;")));
        assertNull(YieldCall.of(new InsnNode(NOP)));
    }
}
