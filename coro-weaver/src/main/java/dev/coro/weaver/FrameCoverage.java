package dev.coro.weaver;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.HashSet;
import java.util.Set;

/**
 * Check (input): in every method the weaver copies unchanged (all but the coroutines, whose frames
 * it computes), every branch target and handler has a stack map frame, as the JVM's type-checking
 * verifier requires of class files from version 50 on.
 *
 * <p>ASM reads whatever frames a class file has and writes them back; it does not check that they
 * sit where the JVM needs them. A class whose StackMapTable was damaged would otherwise be woven
 * into a class the JVM refuses, instead of being reported (found by the mutation fuzzer).
 */
final class FrameCoverage {
    private FrameCoverage() {}

    /** @throws WeaveException {@code BAD_CLASS_FILE} naming the method */
    static void check(ClassNode cls) {
        if ((cls.version & 0xFFFF) < Opcodes.V1_6) return;
        for (MethodNode m : cls.methods) {
            // A coroutine's frames are computed anew when it is woven; every other method is copied
            // with the frames it has (or lacks: a StackMapTable whose name was damaged is no
            // StackMapTable to the JVM, and ASM keeps it as an unknown attribute).
            if (CoroutineChecker.isCoroutine(m) && CoroutineChecker.hasBody(m)) continue;
            Set<LabelNode> targets = new HashSet<>();
            for (AbstractInsnNode i : m.instructions) {
                if (i instanceof JumpInsnNode j) {
                    targets.add(j.label);
                } else if (i instanceof TableSwitchInsnNode t) {
                    targets.add(t.dflt);
                    targets.addAll(t.labels);
                } else if (i instanceof LookupSwitchInsnNode l) {
                    targets.add(l.dflt);
                    targets.addAll(l.labels);
                }
            }
            if (m.tryCatchBlocks != null) {
                for (TryCatchBlockNode t : m.tryCatchBlocks) targets.add(t.handler);
            }
            for (LabelNode target : targets) {
                if (!hasFrame(target)) {
                    throw new WeaveException(Diagnostic.Code.BAD_CLASS_FILE, ControlFlow.lineOf(target),
                            "corrupt class file: method " + m.name + m.desc
                                    + " has a branch target without a stack map frame (a damaged StackMapTable)");
                }
            }
        }
    }

    /** A frame at the label's offset: before or after it, with only labels and line numbers between. */
    private static boolean hasFrame(LabelNode label) {
        for (AbstractInsnNode n = label; n != null && n.getOpcode() < 0; n = n.getNext()) {
            if (n instanceof FrameNode) return true;
        }
        for (AbstractInsnNode n = label.getPrevious(); n != null && n.getOpcode() < 0; n = n.getPrevious()) {
            if (n instanceof FrameNode) return true;
        }
        return false;
    }
}
