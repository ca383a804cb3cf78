package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;

import static dev.coro.weaver.PassTesting.await;
import static dev.coro.weaver.PassTesting.done;
import static dev.coro.weaver.PassTesting.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link UninitializedValues} alone: which allocations must move past a suspension point, shown as
 * {@code NEW type@line}, and the frame it sees before the first suspension ({@code locals | stack},
 * each value as its {@code toString}: {@code uninitialised T}, or ASM's kinds {@code I}, {@code R}, {@code .}).
 */
class UninitializedValuesTest {
    private static final String ENTRY = PassTesting.ENTRY;
    private static final String SB = PassTesting.SB;

    private record Seen(List<String> moved, String atFirstSuspension) {}

    private static Seen analyze(byte[] classFile) {
        MethodNode m = PassTesting.method(classFile);
        UninitializedValues.Facts facts = UninitializedValues.analyze("t/X", m);
        List<String> moved = facts.moved().stream().map(n -> "NEW " + n.desc + "@" + ControlFlow.lineOf(n)).toList();
        String at = null;
        for (int i = 0; i < m.instructions.size() && at == null; i++) {
            YieldCall c = YieldCall.of(m.instructions.get(i));
            if (c != null && c.suspends) at = render(facts.frames()[i]);
        }
        return new Seen(moved, at);
    }

    private static String render(Frame<UninitializedValues.Value> f) {
        List<String> locals = new ArrayList<>();
        for (int l = 0; l < f.getLocals(); l++) locals.add(f.getLocal(l).toString());
        List<String> stack = new ArrayList<>();
        for (int s = 0; s < f.getStackSize(); s++) stack.add(f.getStack(s).toString());
        return String.join(" ", locals) + " | " + String.join(" ", stack);
    }

    /** javac's {@code new Entry(a, Yield.await())}: the object and its copy are under the call. */
    @Test
    void anObjectUnderTheSuspensionMoves() {
        assertEquals(new Seen(List.of("NEW " + ENTRY + "@3"),
                " | uninitialised " + ENTRY + " uninitialised " + ENTRY + " R"), analyze(PassTesting.entryOfAwait("Under", 3)));
    }

    /** The constructor ran before the suspension: every copy of the object, stack and locals, is initialised. */
    @Test
    void anObjectInitialisedBeforeTheSuspensionStays() {
        byte[] c = PassTesting.coroutineClass("Before", "", mv -> {
            line(mv, 4);
            mv.visitTypeInsn(NEW, SB);
            mv.visitInsn(DUP);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ASTORE, 0);
            mv.visitMethodInsn(INVOKESPECIAL, SB, "<init>", "()V", false);
            await(mv);
            mv.visitInsn(POP);
            done(mv);
        });
        assertEquals(new Seen(List.of(), "R | R"), analyze(c));
    }

    /** The object in a local (javac's switch expression with a try arm spills the stack so): it moves. */
    @Test
    void anObjectInALocalMovesAndAllocationsAreListedInCodeOrder() {
        byte[] c = PassTesting.coroutineClass("Locals", "", mv -> {
            line(mv, 5);
            mv.visitTypeInsn(NEW, ENTRY);
            mv.visitVarInsn(ASTORE, 0);
            line(mv, 6);
            mv.visitTypeInsn(NEW, SB);
            mv.visitInsn(DUP);
            await(mv);
            mv.visitTypeInsn(CHECKCAST, "java/lang/String");
            PassTesting.initBuilder(mv);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitInsn(SWAP);
            mv.visitInsn(ACONST_NULL);
            PassTesting.initEntry(mv);
            mv.visitVarInsn(ALOAD, 0);
            done(mv);
        });
        assertEquals(new Seen(List.of("NEW " + ENTRY + "@5", "NEW " + SB + "@6"),
                "uninitialised " + ENTRY + " | uninitialised " + SB + " uninitialised " + SB), analyze(c));
    }

    /**
     * Nothing is decided by code order: an allocation on a branch that rejoins after the suspension, and
     * two allocations meeting in one local (unusable there), move nothing.
     */
    @Test
    void aSuspensionNoUninitialisedObjectReachesMovesNothing() {
        byte[] c = PassTesting.coroutineClass("Apart", "Z", mv -> {
            Label other = new Label();
            Label join = new Label();
            line(mv, 7);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitJumpInsn(IFEQ, other);
            mv.visitTypeInsn(NEW, SB);
            mv.visitVarInsn(ASTORE, 1);
            mv.visitJumpInsn(GOTO, join);
            mv.visitLabel(other);
            mv.visitTypeInsn(NEW, ENTRY);
            mv.visitVarInsn(ASTORE, 1);
            mv.visitLabel(join);
            line(mv, 8);
            await(mv);
            done(mv);
        });
        assertEquals(new Seen(List.of(), "I . | "), analyze(c));
    }

    /** What an instruction reads, by ASM's own semantics: a constructor call its receiver and arguments; POP nothing. */
    @Test
    void operandsAreTheValuesAnInstructionReads() {
        byte[] c = PassTesting.coroutineClass("Reads", "", mv -> {
            line(mv, 9);
            PassTesting.newEntry(mv);
            mv.visitLdcInsn("k");
            mv.visitInsn(ICONST_1);
            mv.visitInsn(POP);
            mv.visitInsn(ACONST_NULL);
            PassTesting.initEntry(mv);
            done(mv);
        });
        MethodNode m = PassTesting.method(c);
        UninitializedValues.Facts facts = UninitializedValues.analyze("t/Reads", m);
        List<String> reads = new ArrayList<>();
        for (int i = 0; i < m.instructions.size(); i++) {
            AbstractInsnNode insn = m.instructions.get(i);
            if (insn.getOpcode() == POP || UninitializedValues.isConstructorCall(insn)) {
                reads.add(UninitializedValues.operands(insn, facts.frames()[i]).toString());
            }
        }
        assertEquals(List.of("[]", "[uninitialised " + ENTRY + ", R, R]"), reads);
        assertEquals(List.of(), facts.moved());
    }
}
