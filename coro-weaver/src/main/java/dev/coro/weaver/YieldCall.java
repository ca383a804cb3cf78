package dev.coro.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/** The {@code dev.coro.Yield} methods, recognised by name and descriptor. */
enum YieldCall {
    AWAIT("await", "()Ljava/lang/Object;", true),
    VALUE("value", "(Ljava/lang/Object;)Ljava/lang/Object;", true),
    FROM_CORO("from", "(Ldev/coro/Coro;)Ljava/lang/Object;", true),
    FROM_ITERABLE("from", "(Ljava/lang/Iterable;)Ljava/lang/Object;", true),
    DONE("done", "()Ldev/coro/Coro;", false),
    DONE_RESULT("done", "(Ljava/lang/Object;)Ldev/coro/Coro;", false);

    final String methodName;
    final String desc;
    /** True for the calls that suspend the coroutine; {@code done} only records a result. */
    final boolean suspends;

    YieldCall(String methodName, String desc, boolean suspends) {
        this.methodName = methodName;
        this.desc = desc;
        this.suspends = suspends;
    }

    /** How the call reads in a message: {@code Yield.value}. */
    String display() {
        return "Yield." + methodName;
    }

    /** True for any call to a static method of {@code dev.coro.Yield}, known or not. */
    static boolean isYieldClassCall(AbstractInsnNode insn) {
        return insn.getOpcode() == Opcodes.INVOKESTATIC && Names.YIELD.equals(((MethodInsnNode) insn).owner);
    }

    /** The call {@code insn} makes, or null if it is not a known Yield call. */
    static YieldCall of(AbstractInsnNode insn) {
        if (!isYieldClassCall(insn)) return null;
        MethodInsnNode m = (MethodInsnNode) insn;
        for (YieldCall c : values()) {
            if (c.methodName.equals(m.name) && c.desc.equals(m.desc)) return c;
        }
        return null;
    }
}
