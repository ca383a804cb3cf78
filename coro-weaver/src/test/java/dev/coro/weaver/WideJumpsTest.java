package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link WideJumps}: a method whose loop test jumps 32,769 bytes forward and whose loop's {@code GOTO}
 * jumps 32,767 bytes back. ASM expands the forward jump by 5 bytes, which puts the backward one out of
 * range, and ASM 9.11's writer then loses it; written wide, the method needs no second pass.
 */
class WideJumpsTest {
    /** NOPs in the loop body: the loop test at offset 3 jumps to 15 + FILLER, the GOTO at 12 + FILLER to 2. */
    private static final int FILLER = 32_757;

    private static final ClassHierarchy HIERARCHY = ClassHierarchy.ofClassLoader(WideJumpsTest.class.getClassLoader());

    /** {@code static int spin(int n)}: counts n down to 0 and returns how many times it went round. */
    private static ClassNode spinClass() {
        ClassNode cn = new ClassNode();
        cn.version = V1_8;
        cn.access = ACC_PUBLIC | ACC_SUPER;
        cn.name = "t/Spin";
        cn.superName = "java/lang/Object";
        MethodNode m = new MethodNode(ACC_PUBLIC | ACC_STATIC, "spin", "(I)I", null, null);
        LabelNode head = new LabelNode();
        LabelNode end = new LabelNode();
        InsnList c = m.instructions;
        c.add(new InsnNode(ICONST_0));
        c.add(new VarInsnNode(ISTORE, 1));
        c.add(head);
        c.add(new VarInsnNode(ILOAD, 0));
        c.add(new JumpInsnNode(IFEQ, end));
        c.add(new IincInsnNode(0, -1));
        c.add(new IincInsnNode(1, 1));
        for (int i = 0; i < FILLER; i++) c.add(new InsnNode(NOP));
        c.add(new JumpInsnNode(GOTO, head));
        c.add(end);
        c.add(new VarInsnNode(ILOAD, 1));
        c.add(new InsnNode(IRETURN));
        m.maxStack = 1;
        m.maxLocals = 2;
        cn.methods.add(m);
        return cn;
    }

    /** The spin class with its method's frames computed by {@link StackMapComputer}, as the weaver does. */
    private static ClassNode computed() {
        ClassNode cn = spinClass();
        cn.methods.set(0, StackMapComputer.compute(cn, cn.methods.get(0), HIERARCHY));
        return cn;
    }

    /** {@code m}'s text with each run of NOPs as one line. */
    private static String text(MethodNode m) {
        StringBuilder sb = new StringBuilder();
        int nops = 0;
        for (String line : PassTesting.text(m).split("\n")) {
            if (line.equals("NOP")) {
                nops++;
                continue;
            }
            if (nops > 0) sb.append("NOP x ").append(nops).append('\n');
            nops = 0;
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** The jump opcodes of each method of {@code classFile} as written: goto_w stays 200. */
    private static List<Integer> writtenJumps(byte[] classFile) {
        List<Integer> jumps = new ArrayList<>();
        // 256 is ClassReader's internal EXPAND_ASM_INSNS: with it, ASM reports goto_w as itself.
        new ClassReader(classFile).accept(new ClassVisitor(ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                return new MethodVisitor(ASM9) {
                    @Override
                    public void visitJumpInsn(int opcode, Label label) {
                        jumps.add(opcode);
                    }
                };
            }
        }, 256);
        return jumps;
    }

    private static int spin(byte[] classFile, int n) throws Exception {
        ClassLoader loader = new ClassLoader(WideJumpsTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (!name.equals("t.Spin")) throw new ClassNotFoundException(name);
                return defineClass(name, classFile, 0, classFile.length);
            }
        };
        return (int) Class.forName("t.Spin", true, loader).getMethod("spin", int.class).invoke(null, n);
    }

    @Test
    void asmAloneLosesTheBackwardJumpThatItsExpansionPushesOutOfRange() {
        // Documents why WideJumps exists: if an ASM upgrade makes this pass, the pass may be retired.
        ClassWriter cw = StackMapComputer.writer(ClassWriter.COMPUTE_FRAMES, HIERARCHY);
        spinClass().accept(cw);
        assertThrows(ArrayIndexOutOfBoundsException.class, cw::toByteArray);
    }

    @Test
    void framesAreComputedWithEveryJumpWide() {
        assertEquals("""
                ICONST_0
                ISTORE 1
                L0
                FRAME APPEND [I]
                ILOAD 0
                IFNE L1
                GOTO L2
                L1
                FRAME SAME
                IINC 0 -1
                IINC 1 1
                NOP x 32757
                GOTO L0
                L2
                FRAME SAME
                ILOAD 1
                IRETURN
                """, text(computed().methods.get(0)));
    }

    /** Writes {@code cn} as the weaver's final writer does: its jumps are those of a long method written wide. */
    private static void assertWrittenWideAndRuns(ClassNode cn) throws Exception {
        ClassWriter cw = StackMapComputer.writer(0, HIERARCHY);
        cn.accept(WideJumps.forLongMethods(cn, cw));
        byte[] written = cw.toByteArray();
        assertEquals(List.of(IFNE, WideJumps.GOTO_W, WideJumps.GOTO_W), writtenJumps(written));
        assertEquals(3, spin(written, 3));
        assertEquals(0, spin(written, 0));
    }

    @Test
    void theComputedMethodIsWrittenWideAndRuns() throws Exception {
        assertWrittenWideAndRuns(computed());
    }

    /**
     * The final writer's case: a tree in the shape {@link StackMapComputer} leaves (frames given, the
     * loop test skipping one GOTO), read back with plain GOTOs. The loop's exit GOTO, at offset 6,
     * jumps 32,778 bytes forward (past 10 bytes of dead code); the loop's GOTO, at 32,770, exactly
     * 32,768 back. Expanding the first puts the second out of range.
     */
    private static ClassNode skipForm() {
        ClassNode cn = spinClass();
        MethodNode m = new MethodNode(ACC_PUBLIC | ACC_STATIC, "spin", "(I)I", null, null);
        LabelNode head = new LabelNode();
        LabelNode body = new LabelNode();
        LabelNode dead = new LabelNode();
        LabelNode end = new LabelNode();
        InsnList c = m.instructions;
        c.add(new InsnNode(ICONST_0));
        c.add(new VarInsnNode(ISTORE, 1));
        c.add(head);
        c.add(new FrameNode(F_APPEND, 1, new Object[] {INTEGER}, 0, null));
        c.add(new VarInsnNode(ILOAD, 0));
        c.add(new JumpInsnNode(IFNE, body));
        c.add(new JumpInsnNode(GOTO, end));
        c.add(body);
        c.add(new FrameNode(F_SAME, 0, null, 0, null));
        c.add(new IincInsnNode(0, -1));
        c.add(new IincInsnNode(1, 1));
        for (int i = 0; i < 32_755; i++) c.add(new InsnNode(NOP));
        c.add(new JumpInsnNode(GOTO, head));
        c.add(dead);
        c.add(new FrameNode(F_SAME, 0, null, 0, null));
        for (int i = 0; i < 10; i++) c.add(new InsnNode(NOP));
        c.add(end);
        c.add(new FrameNode(F_SAME, 0, null, 0, null));
        c.add(new VarInsnNode(ILOAD, 1));
        c.add(new InsnNode(IRETURN));
        m.maxStack = 1;
        m.maxLocals = 2;
        cn.methods.set(0, m);
        return cn;
    }

    @Test
    void theFinalWriteOfTheSkipFormNeedsNoSecondPass() throws Exception {
        assertWrittenWideAndRuns(skipForm());
    }

    @Test
    void withoutTheWideGotosTheFinalWriteFailsAsAsmDoes() {
        ClassWriter cw = StackMapComputer.writer(0, HIERARCHY);
        skipForm().accept(cw);
        assertThrows(ArrayIndexOutOfBoundsException.class, cw::toByteArray);
    }

    @Test
    void aMethodTooLongWhenWideIsWrittenAsAsmWould() throws Exception {
        // 6,000 x (ILOAD 0; IFEQ next; IINC 0 -1; next:) = 42,000 bytes as ASM writes it; 72,000 wide.
        ClassNode cn = spinClass();
        MethodNode m = new MethodNode(ACC_PUBLIC | ACC_STATIC, "spin", "(I)I", null, null);
        for (int i = 0; i < 6_000; i++) {
            LabelNode next = new LabelNode();
            m.instructions.add(new VarInsnNode(ILOAD, 0));
            m.instructions.add(new JumpInsnNode(IFEQ, next));
            m.instructions.add(new IincInsnNode(0, -1));
            m.instructions.add(next);
        }
        m.instructions.add(new VarInsnNode(ILOAD, 0));
        m.instructions.add(new InsnNode(IRETURN));
        cn.methods.set(0, m);
        assertTrue(WideJumps.mayBeLong(m));
        cn.methods.set(0, StackMapComputer.compute(cn, m, HIERARCHY));
        assertFalse(WideJumps.conditionalsSkipOneGoto(cn.methods.get(0).instructions));
        ClassWriter cw = StackMapComputer.writer(0, HIERARCHY);
        cn.accept(WideJumps.forLongMethods(cn, cw));
        byte[] written = cw.toByteArray();
        assertEquals(6_000L, writtenJumps(written).stream().filter(op -> op == IFEQ).count());
        assertEquals(0, spin(written, 4_000), "6,000 steps down, none below 0");
        assertEquals(7_000, spin(written, 13_000));
    }

    @Test
    void onlyConditionalsThatSkipOneGotoLetTheGotosAloneBeWidened() {
        assertFalse(WideJumps.conditionalsSkipOneGoto(spinClass().methods.get(0).instructions),
                "IFEQ jumps to the loop's end, not over one GOTO");
        assertTrue(WideJumps.conditionalsSkipOneGoto(computed().methods.get(0).instructions));
    }

    @Test
    void longIsJudgedByTheLargestEncodingOfEachInstruction() {
        MethodNode spin = spinClass().methods.get(0);
        // 1 + 4 (ISTORE, wide) + 4 (ILOAD) + 8 (IFEQ over a GOTO_W) + 6 + 6 (wide IINCs) + FILLER + 8 + 4 + 1
        assertEquals(42 + FILLER, WideJumps.upperBound(spin.instructions));
        assertTrue(WideJumps.mayBeLong(spin));
        MethodNode small = new MethodNode(ACC_STATIC, "small", "()V", null, null);
        for (int i = 0; i < Short.MAX_VALUE; i++) small.instructions.add(new InsnNode(NOP));
        assertEquals(Short.MAX_VALUE, WideJumps.upperBound(small.instructions));
        assertFalse(WideJumps.mayBeLong(small), "32,767 bytes is still in a short jump's reach");
    }

    @Test
    void oppositeConditionals() {
        int[][] pairs = {{IFEQ, IFNE}, {IFLT, IFGE}, {IFGT, IFLE}, {IF_ICMPEQ, IF_ICMPNE}, {IF_ICMPLT, IF_ICMPGE},
            {IF_ICMPGT, IF_ICMPLE}, {IF_ACMPEQ, IF_ACMPNE}, {IFNULL, IFNONNULL}};
        for (int[] p : pairs) {
            assertEquals(p[1], WideJumps.opposite(p[0]));
            assertEquals(p[0], WideJumps.opposite(p[1]));
        }
        assertThrows(IllegalArgumentException.class, () -> WideJumps.opposite(GOTO));
    }
}
