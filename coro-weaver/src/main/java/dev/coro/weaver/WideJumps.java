package dev.coro.weaver;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Write (output): a method that may be over 32 KB is written with jumps that never need ASM's
 * second pass. ASM writes every jump with a 2-byte offset first; when a forward offset turns out too
 * long, it marks the jump with an ASM-private opcode, and {@code toByteArray()} re-reads the class to
 * expand the marked jumps. Since ASM 9.11 the writer also marks, before that re-read, each jump that
 * the expansion pushes out of range, backward ones included, but the re-read takes every marked
 * offset as a forward one: a backward jump of nearly 32 KB becomes a jump past the method's end, and
 * ASM throws an ArrayIndexOutOfBoundsException (found by the differential fuzzer: a 40 KB woven body
 * compiled with {@code -g}).
 *
 * <p>So a method that may be that long is written in the shape javac gives such methods: every
 * {@code GOTO} is a {@code GOTO_W}, and every conditional jump is its opposite over a {@code GOTO_W}
 * ({@code IFEQ far} becomes {@code IFNE skip; GOTO_W far; skip:}). The rewrite of conditionals adds
 * jump targets, so it is made where frames are computed ({@link StackMapComputer}); a tree read back
 * from that has {@code GOTO}s again (ASM reads {@code GOTO_W} as {@code GOTO}) and conditionals that
 * each skip one {@code GOTO}, and the final writer turns the {@code GOTO}s wide once more
 * ({@link #forLongMethods}), which adds no jump target. Wide jumps make a method up to 5 bytes longer per
 * jump: where that would pass the JVM's 64 KB, {@link StackMapComputer} writes it as ASM would.
 */
final class WideJumps extends MethodVisitor {
    /**
     * The JVM's {@code goto_w}. ASM's API has no constant for it, but its writer takes it (its own
     * reader passes it on when it expands ASM's private opcodes) and writes a 4-byte offset.
     */
    static final int GOTO_W = 200;

    private final boolean conditionals;

    private WideJumps(MethodVisitor next, boolean conditionals) {
        super(Opcodes.ASM9, next);
        this.conditionals = conditionals;
    }

    @Override
    public void visitJumpInsn(int opcode, Label target) {
        if (opcode == Opcodes.GOTO) {
            super.visitJumpInsn(GOTO_W, target);
        } else if (conditionals && opcode != Opcodes.JSR) {
            Label skip = new Label();
            super.visitJumpInsn(opposite(opcode), skip);
            super.visitJumpInsn(GOTO_W, target);
            super.visitLabel(skip);
        } else {
            super.visitJumpInsn(opcode, target);
        }
    }

    /** {@code next} with every jump of each of its methods made wide ({@code conditionals}), or only its {@code GOTO}s. */
    static ClassVisitor inEveryMethod(ClassVisitor next, boolean conditionals) {
        return inMethods(next, conditionals, m -> true);
    }

    /**
     * {@code next} with the {@code GOTO}s made wide in each method of {@code cls} that may be long and
     * whose conditional jumps each skip one {@code GOTO}, so that writing {@code cls} never needs
     * ASM's second pass for such a method.
     */
    static ClassVisitor forLongMethods(ClassNode cls, ClassVisitor next) {
        Set<String> wide = new HashSet<>();
        for (MethodNode m : cls.methods) {
            if (mayBeLong(m) && conditionalsSkipOneGoto(m.instructions)) wide.add(m.name + m.desc);
        }
        return wide.isEmpty() ? next : inMethods(next, false, key -> wide.contains(key));
    }

    private static ClassVisitor inMethods(ClassVisitor next, boolean conditionals, Predicate<String> which) {
        return new ClassVisitor(Opcodes.ASM9, next) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature,
                    String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
                return mv != null && which.test(name + desc) ? new WideJumps(mv, conditionals) : mv;
            }
        };
    }

    /** The conditional jump taken exactly when {@code opcode}'s is not. */
    static int opposite(int opcode) {
        if (opcode == Opcodes.IFNULL || opcode == Opcodes.IFNONNULL) return opcode ^ 1;
        if (opcode < Opcodes.IFEQ || opcode > Opcodes.IF_ACMPNE) {
            throw new IllegalArgumentException("not a conditional jump: " + opcode);
        }
        return ((opcode + 1) ^ 1) - 1; // IFEQ 153 <-> IFNE 154, ..., IF_ACMPEQ 165 <-> IF_ACMPNE 166
    }

    /**
     * Whether {@code m}'s code may be over {@link Short#MAX_VALUE} bytes once written: each
     * instruction counted at its largest encoding (wide locals, {@code LDC_W}, a conditional jump
     * expanded over a {@code GOTO_W}, a switch's full padding).
     */
    static boolean mayBeLong(MethodNode m) {
        return upperBound(m.instructions) > Short.MAX_VALUE;
    }

    static int upperBound(InsnList code) {
        int bytes = 0;
        for (AbstractInsnNode insn : code) {
            bytes += switch (insn.getType()) {
                case AbstractInsnNode.LABEL, AbstractInsnNode.LINE, AbstractInsnNode.FRAME -> 0;
                case AbstractInsnNode.INSN -> 1;
                case AbstractInsnNode.INT_INSN, AbstractInsnNode.LDC_INSN, AbstractInsnNode.TYPE_INSN,
                        AbstractInsnNode.FIELD_INSN -> 3;
                case AbstractInsnNode.VAR_INSN, AbstractInsnNode.MULTIANEWARRAY_INSN -> 4;
                case AbstractInsnNode.METHOD_INSN, AbstractInsnNode.INVOKE_DYNAMIC_INSN -> 5;
                case AbstractInsnNode.IINC_INSN -> 6;
                case AbstractInsnNode.JUMP_INSN -> 8;
                case AbstractInsnNode.TABLESWITCH_INSN -> 16 + 4 * ((TableSwitchInsnNode) insn).labels.size();
                case AbstractInsnNode.LOOKUPSWITCH_INSN -> 12 + 8 * ((LookupSwitchInsnNode) insn).labels.size();
                default -> 8;
            };
        }
        return bytes;
    }

    /**
     * Whether each conditional jump of {@code code} only skips the {@code GOTO} right after it: the
     * shape {@link #inEveryMethod} leaves, and javac's for a method over 32 KB. Then no conditional jump can be
     * out of range, and wide {@code GOTO}s are all the method needs.
     */
    static boolean conditionalsSkipOneGoto(InsnList code) {
        for (AbstractInsnNode insn : code) {
            if (insn.getType() != AbstractInsnNode.JUMP_INSN || insn.getOpcode() == Opcodes.GOTO) continue;
            if (insn.getOpcode() == Opcodes.JSR) return false;
            AbstractInsnNode next = real(insn.getNext());
            if (next == null || next.getOpcode() != Opcodes.GOTO) return false;
            if (real(((JumpInsnNode) insn).label) != real(next.getNext())) return false;
        }
        return true;
    }

    /** The first instruction at or after {@code insn} that is not a label, line number or frame. */
    private static AbstractInsnNode real(AbstractInsnNode insn) {
        while (insn != null && insn.getOpcode() < 0) insn = insn.getNext();
        return insn;
    }
}
