package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.BasicInterpreter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dev.coro.weaver.PassTesting.done;
import static dev.coro.weaver.PassTesting.line;
import static dev.coro.weaver.PassTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link MonitorChecker} alone: the suspension points reached with a monitor held, each shown as
 * {@code line Yield.name}; then the diagnostic {@link CoroutineChecker} makes of one, and the weaver's rejection.
 */
class MonitorCheckerTest {
    private static final String LOCK = "java/lang/Object";

    private static List<String> underMonitor(byte[] classFile) {
        MethodNode m = PassTesting.method(classFile);
        List<String> out = new ArrayList<>();
        for (AbstractInsnNode insn : MonitorChecker.yieldsUnderMonitor(ControlFlow.analyze("t/X", m, new BasicInterpreter()))) {
            out.add(ControlFlow.lineOf(insn) + " Yield." + ((MethodInsnNode) insn).name);
        }
        return out;
    }

    /** javac's {@code synchronized (lock) { body }}: enter, body, exit; a catch-all handler that exits and rethrows. */
    private static void synchronizedBlock(MethodVisitor mv, int lockSlot, Consumer<MethodVisitor> body) {
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        Label handlerEnd = new Label();
        Label after = new Label();
        mv.visitTryCatchBlock(start, end, handler, null);
        mv.visitTryCatchBlock(handler, handlerEnd, handler, null);
        mv.visitTypeInsn(NEW, LOCK);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, LOCK, "<init>", "()V", false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, lockSlot);
        mv.visitInsn(MONITORENTER);
        mv.visitLabel(start);
        body.accept(mv);
        mv.visitVarInsn(ALOAD, lockSlot);
        mv.visitInsn(MONITOREXIT);
        mv.visitLabel(end);
        mv.visitJumpInsn(GOTO, after);
        mv.visitLabel(handler);
        mv.visitVarInsn(ASTORE, lockSlot + 1);
        mv.visitVarInsn(ALOAD, lockSlot);
        mv.visitInsn(MONITOREXIT);
        mv.visitLabel(handlerEnd);
        mv.visitVarInsn(ALOAD, lockSlot + 1);
        mv.visitInsn(ATHROW);
        mv.visitLabel(after);
    }

    private static byte[] yieldInSynchronized() {
        return PassTesting.coroutineClass("Sync", "", mv -> {
            line(mv, 50);
            synchronizedBlock(mv, 0, b -> {
                line(b, 51);
                b.visitLdcInsn("held");
                value(b);
                b.visitInsn(POP);
            });
            line(mv, 53);
            mv.visitLdcInsn("free");
            value(mv);
            done(mv);
        });
    }

    @Test
    void aSuspensionInsideSynchronizedIsFoundAndOneAfterItIsNot() {
        assertEquals(List.of("51 Yield.value"), underMonitor(yieldInSynchronized()));
    }

    @Test
    void theCheckerReportsItWithCodeLineAndMessageAndTheWeaverRejectsTheClass() {
        ClassNode cn = new ClassNode();
        new org.objectweb.asm.ClassReader(yieldInSynchronized()).accept(cn, 0);
        List<Diagnostic> ds = CoroutineChecker.check(cn, ClassHierarchy.ofClassLoader(getClass().getClassLoader()));
        assertEquals(List.of(new Diagnostic(Diagnostic.Code.YIELD_IN_SYNCHRONIZED, "t.Sync", "m", "Sync.java", 51,
                "Yield.value inside a synchronized block")), ds);
        WeaveResult r = new Weaver(ClassHierarchy.ofClassLoader(getClass().getClassLoader())).weave(yieldInSynchronized());
        assertEquals(WeaveResult.Status.REJECTED, r.status());
        assertEquals(List.of("Sync.java:51: t.Sync.m(): Yield.value inside a synchronized block"),
                r.diagnostics().stream().map(Diagnostic::format).toList());
    }

    /**
     * {@code try { synchronized (lock) { Yield.value } } catch (Exception e) {} Yield.value}: the
     * synchronized block's catch-all handler takes every exception from inside it, so the outer
     * {@code catch} (and the suspension after the try) is reached with no monitor held.
     */
    @Test
    void theFirstCatchAllHandlerTakesEveryExceptionSoTheOuterCatchHoldsNoMonitor() {
        byte[] c = PassTesting.coroutineClass("Nested", "", mv -> {
            Label tryStart = new Label();
            Label tryEnd = new Label();
            Label catcher = new Label();
            Label after = new Label();
            line(mv, 60);
            mv.visitLabel(tryStart);
            synchronizedBlock(mv, 0, b -> {
                line(b, 61);
                b.visitLdcInsn("inner");
                value(b);
                b.visitInsn(POP);
            });
            mv.visitLabel(tryEnd);
            mv.visitJumpInsn(GOTO, after);
            mv.visitLabel(catcher);
            line(mv, 62);
            mv.visitInsn(POP);
            mv.visitLdcInsn("caught");
            value(mv);
            mv.visitInsn(POP);
            mv.visitLabel(after);
            line(mv, 63);
            mv.visitLdcInsn("after");
            value(mv);
            done(mv);
            // listed after the synchronized block's handlers, as javac lists an enclosing try
            mv.visitTryCatchBlock(tryStart, tryEnd, catcher, "java/lang/Exception");
        });
        assertEquals(List.of("61 Yield.value"), underMonitor(c));
    }

    /** Only the calls that suspend count: {@code Yield.done} under a monitor is fine, an unknown Yield method is not. */
    @Test
    void doneIsNoSuspensionButAnUnknownYieldMethodMayBe() {
        byte[] c = PassTesting.coroutineClass("Kinds", "", mv -> {
            line(mv, 70);
            synchronizedBlock(mv, 0, b -> {
                line(b, 71);
                b.visitMethodInsn(INVOKESTATIC, PassTesting.YIELD, "later", "()V", false);
                line(b, 72);
                b.visitInsn(ACONST_NULL);
                b.visitMethodInsn(INVOKESTATIC, PassTesting.YIELD, "done", "(Ljava/lang/Object;)Ldev/coro/Coro;", false);
                b.visitInsn(POP);
            });
            mv.visitInsn(ACONST_NULL);
            done(mv);
        });
        assertEquals(List.of("71 Yield.later"), underMonitor(c));
    }

    /** Unstructured locking: one path enters a monitor, the other does not; where they join, the monitor may be held. */
    @Test
    void pathsJoinWithTheDeepestMonitorCount() {
        byte[] c = PassTesting.coroutineClass("Join", "Z" + PassTesting.OBJ, mv -> {
            Label join = new Label();
            line(mv, 80);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitJumpInsn(IFEQ, join);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitInsn(MONITORENTER);
            mv.visitLabel(join);
            line(mv, 81);
            mv.visitInsn(ACONST_NULL);
            value(mv);
            mv.visitInsn(POP);
            line(mv, 82);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitInsn(MONITOREXIT);
            line(mv, 83);
            mv.visitInsn(ACONST_NULL);
            value(mv);
            done(mv);
        });
        assertEquals(List.of("81 Yield.value"), underMonitor(c));
    }

    /** A loop that enters a monitor on every turn and never exits: the count stops growing at its limit, the point is found. */
    @Test
    void aLoopThatOnlyEntersMonitorsEnds() {
        byte[] c = PassTesting.coroutineClass("Spin", PassTesting.OBJ, mv -> {
            Label top = new Label();
            mv.visitLabel(top);
            line(mv, 90);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitInsn(MONITORENTER);
            line(mv, 91);
            mv.visitInsn(ACONST_NULL);
            value(mv);
            mv.visitInsn(POP);
            mv.visitJumpInsn(GOTO, top);
        });
        assertEquals(List.of("91 Yield.value"), assertTimeoutPreemptively(Duration.ofSeconds(5), () -> underMonitor(c)));
    }
}
