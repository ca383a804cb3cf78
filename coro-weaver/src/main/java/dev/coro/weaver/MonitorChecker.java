package dev.coro.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.Value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Finds the suspension points reached while a monitor is held. A coroutine that suspends inside
 * {@code synchronized} would return from its body with the monitor still locked (and resume on
 * another thread that does not own it), so these are rejected, as Kotlin does.
 *
 * <p>The monitor depth flows forward along the control-flow graph: +1 after {@code MONITORENTER},
 * -1 after {@code MONITOREXIT}; an exception edge carries the depth before the throwing instruction.
 * Merges take the maximum, so a point reachable with a monitor held on any path is reported.
 */
final class MonitorChecker {
    private MonitorChecker() {}

    private static final int LIMIT = 255;

    static <V extends Value> List<AbstractInsnNode> yieldsUnderMonitor(ControlFlow<V> flow) {
        int n = flow.method.instructions.size();
        int[] depth = new int[n];
        Arrays.fill(depth, -1);
        Deque<Integer> work = new ArrayDeque<>();
        if (n > 0) {
            depth[0] = 0;
            work.add(0);
        }
        while (!work.isEmpty()) {
            int i = work.poll();
            int d = depth[i];
            int op = flow.method.instructions.get(i).getOpcode();
            int after = op == Opcodes.MONITORENTER ? Math.min(d + 1, LIMIT)
                    : op == Opcodes.MONITOREXIT ? Math.max(d - 1, 0) : d;
            for (int s : flow.successors.get(i)) {
                if (after > depth[s]) {
                    depth[s] = after;
                    work.add(s);
                }
            }
            for (int s : flow.exceptionSuccessors.get(i)) {
                if (d > depth[s]) {
                    depth[s] = d;
                    work.add(s);
                }
            }
        }
        List<AbstractInsnNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AbstractInsnNode insn = flow.method.instructions.get(i);
            if (depth[i] > 0 && YieldCall.isYieldClassCall(insn)) {
                YieldCall c = YieldCall.of(insn);
                if (c == null || c.suspends) out.add(insn);
            }
        }
        return out;
    }
}
