package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;
import java.util.function.Consumer;

import static dev.coro.weaver.PassTesting.await;
import static dev.coro.weaver.PassTesting.done;
import static dev.coro.weaver.PassTesting.line;
import static dev.coro.weaver.PassTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link ConstructorMover} alone on methods built with ASM (the result compared as text), then the
 * whole weaver on the same class, loaded and run.
 */
class ConstructorMoverTest {
    private static final String ENTRY = PassTesting.ENTRY;
    private static final String SB = PassTesting.SB;
    private static final Object[] NO_ARGS = {};

    private static MethodNode moved(byte[] classFile) {
        MethodNode m = PassTesting.method(classFile);
        ConstructorMover.apply("t/X", m);
        return m;
    }

    private static String original(byte[] classFile) {
        return PassTesting.text(PassTesting.method(classFile));
    }

    private static byte[] cls(String name, String params, Consumer<MethodVisitor> body) {
        return PassTesting.coroutineClass(name, params, body);
    }

    /** The mover's output for {@code c} as text; then the whole weave of {@code c} run: {@code m(args)}, next, each send. */
    private static void assertMovedThenRuns(byte[] c, String text, String trace, Object[] args, Object... sends)
            throws Exception {
        assertEquals(text, PassTesting.text(moved(c)));
        assertEquals(trace, PassTesting.run(PassTesting.weaveAndLoad(c), args, sends));
    }

    /** javac's {@code new Pair(a, Yield.await())}. */
    @Test
    void javacsShapeMovesTheAllocationToItsConstructorCall() throws Exception {
        assertMovedThenRuns(PassTesting.entryOfAwait("Plain", 3), """
                L0
                LINENUMBER 3 L0
                NEW java/util/AbstractMap$SimpleEntry
                POP
                LDC "a"
                INVOKESTATIC dev/coro/Yield.await ()Ljava/lang/Object;
                """ + PassTesting.ENTRY_REBUILT, "next -> null; send b -> !StopIteration(a=b)", NO_ARGS, "b");
    }

    /**
     * javac's {@code new X(a, switch (k) { case 1 -> { try { yield Yield.value("in try"); } ... } ... })}:
     * a switch expression with a try arm empties the stack into locals, the uninitialised object too.
     */
    @Test
    void anUninitialisedObjectInLocalsIsRebuiltIntoThemAtItsConstructorCall() throws Exception {
        byte[] c = cls("InLocals", "", mv -> {
            line(mv, 4);
            PassTesting.newEntry(mv);
            mv.visitLdcInsn("a");
            mv.visitVarInsn(ASTORE, 0);
            mv.visitVarInsn(ASTORE, 1);
            mv.visitVarInsn(ASTORE, 2);
            line(mv, 5);
            mv.visitLdcInsn("in try");
            value(mv);
            mv.visitVarInsn(ASTORE, 3);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 3);
            PassTesting.initEntry(mv);
            done(mv);
        });
        assertMovedThenRuns(c, """
                L0
                LINENUMBER 4 L0
                NEW java/util/AbstractMap$SimpleEntry
                POP
                LDC "a"
                ASTORE 0
                L1
                LINENUMBER 5 L1
                LDC "in try"
                INVOKESTATIC dev/coro/Yield.value (Ljava/lang/Object;)Ljava/lang/Object;
                ASTORE 3
                ALOAD 0
                ALOAD 3
                ASTORE 5
                ASTORE 4
                NEW java/util/AbstractMap$SimpleEntry
                DUP
                ASTORE 1
                DUP
                ASTORE 2
                DUP
                ALOAD 4
                ALOAD 5
                """ + PassTesting.ENTRY_INIT_AND_DONE, "next -> in try; send x -> !StopIteration(a=x)", NO_ARGS, "x");
    }

    /** ECJ's {@code NEW; DUP_X1; SWAP} around a value already on the stack, with the argument suspending. */
    @Test
    void mixedStackOperationsBecomeTheSameOperationWithoutTheObject() throws Exception {
        byte[] c = cls("Mixed", "", mv -> {
            line(mv, 6);
            mv.visitLdcInsn("s");
            mv.visitTypeInsn(NEW, SB);
            mv.visitInsn(DUP_X1);
            mv.visitInsn(SWAP);
            value(mv);
            mv.visitTypeInsn(CHECKCAST, "java/lang/String");
            PassTesting.initBuilder(mv);
            mv.visitMethodInsn(INVOKEVIRTUAL, SB, "toString", "()Ljava/lang/String;", false);
            done(mv);
        });
        assertMovedThenRuns(c, """
                L0
                LINENUMBER 6 L0
                LDC "s"
                NEW java/lang/StringBuilder
                POP
                INVOKESTATIC dev/coro/Yield.value (Ljava/lang/Object;)Ljava/lang/Object;
                CHECKCAST java/lang/String
                ASTORE 0
                NEW java/lang/StringBuilder
                DUP
                ALOAD 0
                INVOKESPECIAL java/lang/StringBuilder.<init> (Ljava/lang/String;)V
                INVOKEVIRTUAL java/lang/StringBuilder.toString ()Ljava/lang/String;
                INVOKESTATIC dev/coro/Yield.done (Ljava/lang/Object;)Ldev/coro/Coro;
                ARETURN
                """, "next -> s; send x -> !StopIteration(x)", NO_ARGS, "x");
    }

    /** A long under the object: the DUP_X2 forms that take a category-2 value, and a long argument spilled. */
    @Test
    void categoryTwoValuesAroundTheObject() throws Exception {
        byte[] c = cls("Wide", "J", mv -> {
            line(mv, 7);
            mv.visitVarInsn(LLOAD, 0);
            mv.visitTypeInsn(NEW, "java/util/concurrent/atomic/AtomicLong");
            mv.visitInsn(DUP_X2); // U J U
            mv.visitInsn(DUP_X2); // U U J U
            mv.visitInsn(POP); // U U J
            mv.visitLdcInsn("wide");
            value(mv);
            mv.visitInsn(POP);
            mv.visitInsn(DUP2); // U U J J
            mv.visitInsn(LADD);
            mv.visitMethodInsn(INVOKESPECIAL, "java/util/concurrent/atomic/AtomicLong", "<init>", "(J)V", false);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/util/concurrent/atomic/AtomicLong", "get", "()J", false);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
            done(mv);
        });
        assertMovedThenRuns(c, """
                L0
                LINENUMBER 7 L0
                LLOAD 0
                NEW java/util/concurrent/atomic/AtomicLong
                POP
                LDC "wide"
                INVOKESTATIC dev/coro/Yield.value (Ljava/lang/Object;)Ljava/lang/Object;
                POP
                DUP2
                LADD
                LSTORE 2
                NEW java/util/concurrent/atomic/AtomicLong
                DUP
                LLOAD 2
                INVOKESPECIAL java/util/concurrent/atomic/AtomicLong.<init> (J)V
                INVOKEVIRTUAL java/util/concurrent/atomic/AtomicLong.get ()J
                INVOKESTATIC java/lang/Long.valueOf (J)Ljava/lang/Long;
                INVOKESTATIC dev/coro/Yield.done (Ljava/lang/Object;)Ldev/coro/Coro;
                ARETURN
                """, "next -> wide; send x -> !StopIteration(42)", new Object[] {21L}, "x");
    }

    /**
     * The object held in a local on one branch, a suspension on another: no path from the allocation
     * reaches the suspension, so nothing moves (it used to be rejected as "inside the allocation").
     * ECJ's {@code MatchException} allocation ({@code NEW; DUP_X1; SWAP} in a handler) with a suspension
     * later in code order is the same case.
     */
    @Test
    void aSuspensionNoAllocationReachesMovesNothing() throws Exception {
        byte[] c = cls("Elsewhere", "Z", mv -> {
            line(mv, 8);
            Label other = new Label();
            Label join = new Label();
            mv.visitVarInsn(ILOAD, 0);
            mv.visitJumpInsn(IFEQ, other);
            mv.visitTypeInsn(NEW, SB);
            mv.visitVarInsn(ASTORE, 1);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitLdcInsn("built");
            PassTesting.initBuilder(mv);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitJumpInsn(GOTO, join);
            mv.visitLabel(other);
            mv.visitLdcInsn("matching");
            mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
            mv.visitInsn(DUP_X1);
            mv.visitInsn(SWAP);
            mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V", false);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "toString", "()Ljava/lang/String;", false);
            line(mv, 9);
            value(mv);
            mv.visitLabel(join);
            done(mv);
        });
        assertEquals(original(c), PassTesting.text(moved(c)));
        Class<?> woven = PassTesting.weaveAndLoad(c);
        assertEquals("next -> java.lang.IllegalStateException: matching; send x -> !StopIteration(x)",
                PassTesting.run(woven, new Object[] {false}, "x"));
        assertEquals("next -> !StopIteration(built)", PassTesting.run(woven, new Object[] {true}));
    }

    /** {@code new A(new B(Yield.await()))}: both objects are below the suspension; each moves to its own call. */
    @Test
    void nestedAllocationsBothMove() throws Exception {
        byte[] c = cls("Nested", "", mv -> {
            line(mv, 10);
            PassTesting.newEntry(mv);
            mv.visitTypeInsn(NEW, SB);
            mv.visitInsn(DUP);
            await(mv);
            mv.visitTypeInsn(CHECKCAST, "java/lang/String");
            PassTesting.initBuilder(mv);
            mv.visitLdcInsn("v");
            PassTesting.initEntry(mv);
            done(mv);
        });
        assertMovedThenRuns(c, """
                L0
                LINENUMBER 10 L0
                NEW java/util/AbstractMap$SimpleEntry
                POP
                NEW java/lang/StringBuilder
                POP
                INVOKESTATIC dev/coro/Yield.await ()Ljava/lang/Object;
                CHECKCAST java/lang/String
                ASTORE 0
                NEW java/lang/StringBuilder
                DUP
                ALOAD 0
                INVOKESPECIAL java/lang/StringBuilder.<init> (Ljava/lang/String;)V
                LDC "v"
                """ + PassTesting.ENTRY_REBUILT, "next -> null; send k -> !StopIteration(k=v)", NO_ARGS, "k");
    }

    /** The object's copies not together under the arguments: the values between them are stored and reloaded. */
    @Test
    void valuesBetweenCopiesAreRebuiltInPlace() throws Exception {
        byte[] c = cls("Between", "", mv -> {
            line(mv, 11);
            mv.visitTypeInsn(NEW, ENTRY);
            mv.visitLdcInsn("mid");
            mv.visitInsn(SWAP); // "mid" U
            mv.visitInsn(DUP_X1); // U "mid" U
            mv.visitLdcInsn("k");
            await(mv);
            PassTesting.initEntry(mv); // U "mid"
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "toString", "()Ljava/lang/String;", false);
            mv.visitInsn(SWAP);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "toString", "()Ljava/lang/String;", false);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
            done(mv);
        });
        assertMovedThenRuns(c, """
                L0
                LINENUMBER 11 L0
                NEW java/util/AbstractMap$SimpleEntry
                POP
                LDC "mid"
                LDC "k"
                INVOKESTATIC dev/coro/Yield.await ()Ljava/lang/Object;
                ASTORE 1
                ASTORE 0
                ASTORE 2
                NEW java/util/AbstractMap$SimpleEntry
                ASTORE 3
                ALOAD 3
                ALOAD 2
                ALOAD 3
                ALOAD 0
                ALOAD 1
                INVOKESPECIAL java/util/AbstractMap$SimpleEntry.<init> (Ljava/lang/Object;Ljava/lang/Object;)V
                INVOKEVIRTUAL java/lang/Object.toString ()Ljava/lang/String;
                SWAP
                INVOKEVIRTUAL java/lang/Object.toString ()Ljava/lang/String;
                INVOKEVIRTUAL java/lang/String.concat (Ljava/lang/String;)Ljava/lang/String;
                INVOKESTATIC dev/coro/Yield.done (Ljava/lang/Object;)Ldev/coro/Coro;
                ARETURN
                """, "next -> null; send v -> !StopIteration(midk=v)", NO_ARGS, "v");
    }

    /** An uninitialised object tested against null (legal, but no compiler does it) cannot move: say what to rewrite. */
    @Test
    void anObjectUsedOtherwiseIsRejectedAtItsLine() {
        byte[] c = cls("Tested", "", mv -> {
            line(mv, 12);
            mv.visitTypeInsn(NEW, SB);
            mv.visitInsn(DUP);
            await(mv);
            mv.visitInsn(POP);
            line(mv, 13);
            mv.visitInsn(DUP);
            Label l = new Label();
            mv.visitJumpInsn(IFNULL, l);
            mv.visitLabel(l);
            mv.visitMethodInsn(INVOKESPECIAL, SB, "<init>", "()V", false);
            done(mv);
        });
        WeaveException e = assertThrows(WeaveException.class, () -> moved(c));
        assertEquals(Diagnostic.Code.UNSUPPORTED_CODE, e.code);
        assertEquals(13, e.line);
        String message = "cannot move the allocation of java.lang.StringBuilder past a suspension point: its uninitialised"
                + " object is used by IFNULL; assign the constructor's arguments to local variables before the 'new'";
        assertEquals(message, e.getMessage());
        WeaveResult r = new Weaver(ClassHierarchy.ofClassLoader(getClass().getClassLoader())).weave(c);
        assertEquals(WeaveResult.Status.REJECTED, r.status());
        assertEquals(List.of("Tested.java:13: t.Tested.m(): " + message), r.diagnostics().stream().map(Diagnostic::format).toList());
    }
}
