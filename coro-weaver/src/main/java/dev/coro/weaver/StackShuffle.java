package dev.coro.weaver;

import dev.coro.weaver.UninitializedValues.Value;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The JVM's stack operations ({@code POP}, {@code POP2}, the {@code DUP} family, {@code SWAP}) as
 * data: which values an operation takes off the top of the stack and which it puts back, so
 * {@link ConstructorMover} can replay one on a stack from which some values were taken out. Sizes
 * follow JVMS 6.5: a long or double is one stack entry of size 2 and picks the operation's form.
 */
final class StackShuffle {
    private StackShuffle() {}

    private static final int[] OPS = {Opcodes.POP, Opcodes.POP2, Opcodes.DUP, Opcodes.DUP_X1, Opcodes.DUP_X2,
        Opcodes.DUP2, Opcodes.DUP2_X1, Opcodes.DUP2_X2, Opcodes.SWAP};

    /**
     * @param in the entries taken, bottom first
     * @param out the entries put back, bottom first, as indexes into {@code in}
     */
    record Shuffle(List<Value> in, List<Integer> out) {}

    /** What {@code op} does to the top of the stack of {@code f}. */
    static Shuffle of(int op, Frame<Value> f) {
        List<Value> top = new ArrayList<>();
        for (int s = Math.max(0, f.getStackSize() - 4); s < f.getStackSize(); s++) top.add(f.getStack(s));
        Shuffle s = on(op, top);
        if (s == null) throw new IllegalStateException("stack operation " + op + " does not fit " + top);
        return s;
    }

    /** What {@code op} does to {@code stack} (bottom first, the top entries only), or null if it does not apply. */
    static Shuffle on(int op, List<Value> stack) {
        int n = stack.size();
        int[] sizes = new int[5]; // sizes[1] is the top entry's size, sizes[2] the next one's...
        for (int k = 1; k <= Math.min(4, n); k++) sizes[k] = stack.get(n - k).getSize();
        int[] pattern;
        switch (op) {
            case Opcodes.POP -> pattern = sizes[1] == 1 ? new int[] {1} : null;
            case Opcodes.POP2 -> pattern = sizes[1] == 2 ? new int[] {1} : sizes[2] == 1 ? new int[] {2} : null;
            case Opcodes.DUP -> pattern = sizes[1] == 1 ? new int[] {1, 0, 0} : null;
            case Opcodes.DUP_X1 -> pattern = sizes[1] == 1 && sizes[2] == 1 ? new int[] {2, 1, 0, 1} : null;
            case Opcodes.DUP_X2 -> pattern = sizes[1] != 1 ? null
                    : sizes[2] == 2 ? new int[] {2, 1, 0, 1}
                    : sizes[2] == 1 && sizes[3] == 1 ? new int[] {3, 2, 0, 1, 2} : null;
            case Opcodes.DUP2 -> pattern = sizes[1] == 2 ? new int[] {1, 0, 0}
                    : sizes[2] == 1 ? new int[] {2, 0, 1, 0, 1} : null;
            case Opcodes.DUP2_X1 -> pattern = sizes[1] == 2 && sizes[2] == 1 ? new int[] {2, 1, 0, 1}
                    : sizes[1] == 1 && sizes[2] == 1 && sizes[3] == 1 ? new int[] {3, 1, 2, 0, 1, 2} : null;
            case Opcodes.DUP2_X2 -> pattern = dup2x2(sizes);
            case Opcodes.SWAP -> pattern = sizes[1] == 1 && sizes[2] == 1 ? new int[] {2, 1, 0} : null;
            default -> throw new IllegalArgumentException("not a stack operation: " + op);
        }
        if (pattern == null || pattern[0] > n) return null;
        List<Integer> out = new ArrayList<>();
        for (int k = 1; k < pattern.length; k++) out.add(pattern[k]);
        return new Shuffle(List.copyOf(stack.subList(n - pattern[0], n)), List.copyOf(out));
    }

    /** The four forms of DUP2_X2 (JVMS 6.5), as {taken, put back...}. */
    private static int[] dup2x2(int[] sizes) {
        if (sizes[1] == 2 && sizes[2] == 2) return new int[] {2, 1, 0, 1};
        if (sizes[1] == 2 && sizes[2] == 1 && sizes[3] == 1) return new int[] {3, 2, 0, 1, 2};
        if (sizes[1] == 1 && sizes[2] == 1 && sizes[3] == 2) return new int[] {3, 1, 2, 0, 1, 2};
        if (sizes[1] == 1 && sizes[2] == 1 && sizes[3] == 1 && sizes[4] == 1) return new int[] {4, 2, 3, 0, 1, 2, 3};
        return null;
    }

    /**
     * Code doing {@code s} on a stack without the values {@code gone} matches: nothing when the rest
     * stay in place, else the one stack operation that does the same, else the rest stored into
     * {@code temps} and loaded back in the order {@code s} leaves them.
     */
    static InsnList without(Shuffle s, Predicate<Value> gone, ConstructorMover.Temps temps) {
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < s.in().size(); k++) {
            if (!gone.test(s.in().get(k))) kept.add(k);
        }
        List<Integer> result = new ArrayList<>();
        for (int k : s.out()) {
            if (!gone.test(s.in().get(k))) result.add(k);
        }
        InsnList code = new InsnList();
        if (result.equals(kept)) return code;
        List<Value> stack = new ArrayList<>();
        for (int k : kept) stack.add(s.in().get(k));
        for (int op : OPS) {
            Shuffle c = on(op, stack);
            if (c == null) continue;
            List<Integer> after = new ArrayList<>(kept.subList(0, kept.size() - c.in().size()));
            for (int k : c.out()) after.add(kept.get(kept.size() - c.in().size() + k));
            if (after.equals(result)) {
                code.add(new InsnNode(op));
                return code;
            }
        }
        temps.reset();
        int[] slots = new int[kept.size()];
        for (int k = 0; k < kept.size(); k++) slots[k] = temps.take(stack.get(k).getSize());
        for (int k = kept.size() - 1; k >= 0; k--) code.add(new VarInsnNode(ConstructorMover.store(stack.get(k)), slots[k]));
        for (int k : result) code.add(new VarInsnNode(ConstructorMover.load(s.in().get(k)), slots[kept.indexOf(k)]));
        return code;
    }
}
