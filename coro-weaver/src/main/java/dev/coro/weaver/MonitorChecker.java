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
 *
 * <p>Exception edges follow the JVM's rule, not ASM's over-approximation: the first handler in the
 * table that covers an instruction and catches everything (javac's handler that exits the monitor)
 * receives every exception from it, so no handler listed after it does. Otherwise a
 * {@code synchronized} block inside a {@code try} would seem to leak its monitor into the
 * {@code catch}, and a {@code Yield} after the {@code try} would be rejected.
 */
final class MonitorChecker {
    private MonitorChecker() {}

    private static final int LIMIT = 255;

    /** The handlers an exception thrown at instruction {@code i} can reach, in table order, up to the first catch-all. */
    private static List<Integer> handlersOf(org.objectweb.asm.tree.MethodNode m, int i) {
        List<Integer> out = new ArrayList<>(2);
        for (org.objectweb.asm.tree.TryCatchBlockNode tcb : m.tryCatchBlocks) {
            int start = m.instructions.indexOf(tcb.start);
            int end = m.instructions.indexOf(tcb.end);
            if (i < start || i >= end) continue;
            out.add(m.instructions.indexOf(tcb.handler));
            if (tcb.type == null) break;
        }
        return out;
    }

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
            for (int s : handlersOf(flow.method, i)) {
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
