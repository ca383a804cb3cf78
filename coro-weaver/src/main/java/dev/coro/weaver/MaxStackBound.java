package dev.coro.weaver;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.HashMap;
import java.util.Map;

/**
 * Normalise (input): a method's {@code max_stack} no larger than its code uses. The field may be
 * anything up to 65,535 in a valid class file, and ASM's analyser allocates a frame of that many
 * slots for each instruction, in each analysis the weaver runs: a ManyLocals method declaring 65,535
 * took seconds to weave instead of a tenth of one (found by the mutation fuzzer). javac's methods
 * rarely need more than a few dozen slots; when a method declares more than {@link #PLAUSIBLE}, ASM's
 * writer computes what each method of the class needs (a linear pass over its control flow, on a
 * fresh read of the class file: writing the tree itself would detach its labels) and the method is
 * lowered to that, so the class loads as it did. Code that does not verify is left as it is, for the
 * input check to report.
 */
final class MaxStackBound {
    private MaxStackBound() {}

    /** More stack than javac's code asks for, but for rare deep expressions. */
    static final int PLAUSIBLE = 64;

    /** Lowers each {@code max_stack} of {@code cls}, read from {@code classFile}, over {@link #PLAUSIBLE} to its need. */
    static void apply(ClassNode cls, byte[] classFile) {
        Map<String, Integer> needed = null;
        for (MethodNode m : cls.methods) {
            if (m.maxStack <= PLAUSIBLE || m.instructions.size() == 0) continue;
            if (needed == null) needed = needs(classFile);
            m.maxStack = Math.min(m.maxStack, needed.getOrDefault(m.name + m.desc, m.maxStack));
        }
    }

    /** Each method's {@code max_stack} as ASM computes it, by name and descriptor; empty when that fails. */
    private static Map<String, Integer> needs(byte[] classFile) {
        Map<String, Integer> out = new HashMap<>();
        try {
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            new ClassReader(classFile).accept(cw, 0);
            ClassNode measured = new ClassNode();
            new ClassReader(cw.toByteArray()).accept(measured, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            for (MethodNode m : measured.methods) out.put(m.name + m.desc, m.maxStack);
        } catch (RuntimeException e) {
            out.clear(); // corrupt code: the input check says what is wrong with it
        }
        return out;
    }
}
