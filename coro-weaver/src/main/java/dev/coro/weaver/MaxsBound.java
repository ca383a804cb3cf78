package dev.coro.weaver;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.HashMap;
import java.util.Map;

/**
 * Normalise (input): a method's {@code max_stack}, and a coroutine's {@code max_locals}, no larger
 * than its code uses. Both may be anything up to 65,535 in a valid class file. ASM's analyser
 * allocates a frame of {@code max_stack + max_locals} slots for each instruction, in each analysis
 * the weaver runs: a ManyLocals method declaring a stack of 65,535 took seconds to weave instead of
 * a tenth of one. And a woven coroutine's temporaries are numbered from its {@code max_locals} up, so
 * a coroutine declaring 65,535 locals was woven past the JVM's limit (both found by the mutation
 * fuzzer). javac's methods rarely declare more than {@link #PLAUSIBLE} of either; when one does, ASM's
 * writer computes what each method of the class needs (a linear pass over its control flow, on a fresh
 * read of the class file: writing the tree itself would detach its labels) and the method is lowered
 * to that. A plain method keeps its {@code max_locals}: it is copied with its stack map frames, which
 * may name more locals than its code uses; a coroutine's frames are computed anew, and its locals
 * must also hold its local variable table's entries. Code that does not verify is left as it is, for
 * the input check to report.
 */
final class MaxsBound {
    private MaxsBound() {}

    /** More stack, or locals, than javac's code asks for, but for rare deep expressions or long methods. */
    static final int PLAUSIBLE = 255;

    /** Lowers the maxima of {@code cls}'s methods, read from {@code classFile}, that are over {@link #PLAUSIBLE}. */
    static void apply(ClassNode cls, byte[] classFile) {
        Map<String, int[]> needed = null;
        for (MethodNode m : cls.methods) {
            boolean coroutine = CoroutineChecker.isCoroutine(m);
            if (m.instructions.size() == 0 || m.maxStack <= PLAUSIBLE && (!coroutine || m.maxLocals <= PLAUSIBLE)) {
                continue;
            }
            if (needed == null) needed = needs(classFile);
            int[] need = needed.get(m.name + m.desc);
            if (need == null) continue;
            m.maxStack = Math.min(m.maxStack, need[0]);
            if (coroutine) {
                int locals = need[1];
                if (m.localVariables != null) {
                    for (LocalVariableNode v : m.localVariables) {
                        locals = Math.max(locals, v.index + Type.getType(v.desc).getSize());
                    }
                }
                m.maxLocals = Math.min(m.maxLocals, locals);
            }
        }
    }

    /** Each method's {max_stack, max_locals} as ASM computes them, by name and descriptor; empty when that fails. */
    private static Map<String, int[]> needs(byte[] classFile) {
        Map<String, int[]> out = new HashMap<>();
        try {
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            new ClassReader(classFile).accept(cw, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            ClassNode measured = new ClassNode();
            new ClassReader(cw.toByteArray()).accept(measured, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            for (MethodNode m : measured.methods) out.put(m.name + m.desc, new int[] {m.maxStack, m.maxLocals});
        } catch (RuntimeException e) {
            out.clear(); // corrupt code: the input check says what is wrong with it
        }
        return out;
    }
}
