package dev.coro.weaver;

import dev.coro.weaver.GenericType.ClassType;
import dev.coro.weaver.GenericType.TypeVar;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.util.Printer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.coro.weaver.PassTesting.OBJ;
import static dev.coro.weaver.PassTesting.await;
import static dev.coro.weaver.PassTesting.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link OriginInterpreter} alone: the value each {@code POP} of a method built with ASM takes off the
 * stack, shown as its erased type and where it came from ({@code origin}, {@code received},
 * {@code done}, {@code all done}), each instruction as {@code OPCODE operand@line}.
 */
class OriginInterpreterTest {
    private static final String SIG = "(Ljava/util/List<Ljava/lang/String;>;Z)Ldev/coro/Coro<Ljava/lang/String;"
            + "Ljava/lang/Object;Ljava/lang/Object;>;";

    private static MethodNode method(String desc, String signature, Consumer<MethodVisitor> body) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(V11, ACC_PUBLIC | ACC_SUPER, "t/Origins", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "m", desc, signature, null);
        mv.visitCode();
        body.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        ClassNode cn = new ClassNode();
        new ClassReader(cw.toByteArray()).accept(cn, 0);
        return cn.methods.get(0);
    }

    private static String insn(AbstractInsnNode n) {
        String s = Printer.OPCODES[n.getOpcode()];
        if (n instanceof VarInsnNode v) s += " " + v.var;
        if (n instanceof MethodInsnNode m) s += " " + m.name;
        if (n instanceof FieldInsnNode f) s += " " + f.name;
        return s + "@" + ControlFlow.lineOf(n);
    }

    private static String value(OriginInterpreter.Val v) {
        StringBuilder sb = new StringBuilder(v.type().getDescriptor());
        if (v.origin() != null) sb.append(" origin ").append(insn(v.origin()));
        if (v.received() != null) sb.append(" received ").append(insn(v.received()));
        if (!v.done().isEmpty()) sb.append(" done ").append(v.done().stream().map(OriginInterpreterTest::insn).sorted().toList());
        if (v.allDone()) sb.append(" all done");
        return sb.toString();
    }

    /** The value on top of the stack before each POP. */
    private static List<String> popped(MethodNode m) {
        OriginInterpreter interpreter = new OriginInterpreter(ClassHierarchy.ofClassLoader(OriginInterpreterTest.class.getClassLoader()), m);
        ControlFlow<OriginInterpreter.Val> flow = ControlFlow.analyze("t/Origins", m, interpreter);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.instructions.size(); i++) {
            if (m.instructions.get(i).getOpcode() != POP || flow.frames[i] == null) continue;
            out.add(value(flow.frames[i].getStack(flow.frames[i].getStackSize() - 1)));
        }
        return out;
    }

    private static void doneWith(MethodVisitor mv, int line) {
        line(mv, line);
        mv.visitInsn(ACONST_NULL);
        mv.visitMethodInsn(INVOKESTATIC, PassTesting.YIELD, "done", "(" + OBJ + ")Ldev/coro/Coro;", false);
    }

    @Test
    void eachValueKnowsWhereItCameFrom() {
        MethodNode m = method("(Ljava/util/List;Z)Ldev/coro/Coro;", SIG, mv -> {
            line(mv, 1);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitInsn(POP);
            line(mv, 2);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitInsn(POP);
            line(mv, 3);
            mv.visitFieldInsn(GETSTATIC, "java/lang/System", "out", "Ljava/io/PrintStream;");
            mv.visitInsn(POP);
            line(mv, 4);
            await(mv);
            mv.visitInsn(DUP);
            mv.visitInsn(POP);
            mv.visitVarInsn(ASTORE, 2);
            line(mv, 5);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitInsn(POP);
            line(mv, 6);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitTypeInsn(CHECKCAST, "java/lang/String");
            mv.visitInsn(POP);
            line(mv, 7);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitMethodInsn(INVOKEINTERFACE, "java/util/List", "size", "()I", true);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/String", "valueOf", "(I)Ljava/lang/String;", false);
            mv.visitInsn(POP);
            doneWith(mv, 8);
            mv.visitTypeInsn(CHECKCAST, "dev/coro/Coro");
            mv.visitInsn(POP);
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(ARETURN);
        });
        assertEquals(List.of(
                "Ljava/util/List; origin ALOAD 0@1",
                "I",
                "Ljava/io/PrintStream; origin GETSTATIC out@3",
                "Ljava/lang/Object; received INVOKESTATIC await@4",
                "Ljava/lang/Object; received INVOKESTATIC await@4",
                "Ljava/lang/String;",
                "Ljava/lang/String; origin INVOKESTATIC valueOf@7",
                "Ldev/coro/Coro; done [INVOKESTATIC done@8] all done"), popped(m));
    }

    /** Where paths meet, a value keeps what both sides agree on; the done calls gather, all done only if both were. */
    @Test
    void aMergeKeepsWhatBothSidesAgreeOn() {
        MethodNode m = method("(Ljava/util/List;Z)Ldev/coro/Coro;", SIG, mv -> {
            Label other = new Label();
            Label join = new Label();
            Label other2 = new Label();
            Label join2 = new Label();
            line(mv, 10);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitJumpInsn(IFEQ, other);
            doneWith(mv, 11);
            mv.visitJumpInsn(GOTO, join);
            mv.visitLabel(other);
            doneWith(mv, 12);
            mv.visitLabel(join);
            mv.visitInsn(POP);
            line(mv, 13);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitJumpInsn(IFEQ, other2);
            doneWith(mv, 14);
            mv.visitJumpInsn(GOTO, join2);
            mv.visitLabel(other2);
            line(mv, 15);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitTypeInsn(CHECKCAST, "dev/coro/Coro");
            mv.visitLabel(join2);
            mv.visitInsn(POP);
            line(mv, 16);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ILOAD, 1);
            Label other3 = new Label();
            Label join3 = new Label();
            mv.visitJumpInsn(IFEQ, other3);
            mv.visitInsn(DUP);
            mv.visitJumpInsn(GOTO, join3);
            mv.visitLabel(other3);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitLabel(join3);
            mv.visitInsn(POP);
            mv.visitInsn(POP);
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(ARETURN);
        });
        // Yield.done(r) is typed Object (at run time it is r itself), so a CHECKCAST Coro meets it at Object
        assertEquals(List.of(
                "Ljava/lang/Object; done [INVOKESTATIC done@11, INVOKESTATIC done@12] all done",
                "Ljava/lang/Object; done [INVOKESTATIC done@14]",
                // DUP of the same ALOAD on one side, a second ALOAD of the same local on the other
                "Ljava/util/List;",
                "Ljava/util/List; origin ALOAD 0@16"), popped(m));
    }

    @Test
    void theParametersTheMethodNeverWritesHaveTheirSignaturesTypes() {
        String sig = "<K:Ljava/lang/Object;>(Ljava/util/List<Ljava/lang/String;>;JLjava/util/Map<TK;*>;I)V";
        MethodNode writes = method("(Ljava/util/List;JLjava/util/Map;I)V", sig, mv -> {
            mv.visitIincInsn(4, 1);
            mv.visitInsn(RETURN);
        });
        assertEquals(Map.of(0, new ClassType("java/util/List", List.of(new ClassType("java/lang/String", List.of()))),
                3, new ClassType("java/util/Map", List.of(new TypeVar("K"), new GenericType.Wildcard('*', null))),
                1, new GenericType.Primitive('J')), OriginInterpreter.unwrittenParameters(writes));
        MethodNode noSignature = method("(Ljava/util/List;)V", null, mv -> mv.visitInsn(RETURN));
        assertEquals(Map.of(), OriginInterpreter.unwrittenParameters(noSignature));
        MethodNode mismatched = method("(Ljava/util/List;I)V", "(Ljava/util/List<Ljava/lang/String;>;)V",
                mv -> mv.visitInsn(RETURN));
        assertEquals(Map.of(), OriginInterpreter.unwrittenParameters(mismatched));
    }
}
