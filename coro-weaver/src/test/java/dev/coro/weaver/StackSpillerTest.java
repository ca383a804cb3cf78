package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.tree.MethodNode;

import static dev.coro.weaver.PassTesting.await;
import static dev.coro.weaver.PassTesting.done;
import static dev.coro.weaver.PassTesting.line;
import static dev.coro.weaver.PassTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link StackSpiller} alone on methods built with ASM: what is on the operand stack under a
 * suspension point goes to temporaries past the method's locals and comes back after the call
 * (compared as text), then the whole weave of the same class, loaded and run.
 */
class StackSpillerTest {
    private static final ClassHierarchy HIERARCHY = ClassHierarchy.ofClassLoader(StackSpillerTest.class.getClassLoader());

    private static MethodNode spilled(byte[] classFile) {
        MethodNode m = PassTesting.method(classFile);
        StackSpiller.apply("t/X", m, HIERARCHY);
        return m;
    }

    /** {@code a + (long) (b + Yield.value("x") ...)}: a long and a double under the call take two slots each. */
    @Test
    void twoSlotValuesTakeTwoSlotsEachAndTheArgumentPassesThroughTheTransferSlot() throws Exception {
        byte[] c = PassTesting.coroutineClass("Wide", "JD", mv -> {
            line(mv, 20);
            mv.visitVarInsn(LLOAD, 0);
            mv.visitVarInsn(DLOAD, 2);
            mv.visitLdcInsn("x");
            value(mv);
            mv.visitInsn(POP);
            mv.visitInsn(D2L);
            mv.visitInsn(LADD);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
            done(mv);
        });
        MethodNode m = spilled(c);
        assertEquals("""
                L0
                LINENUMBER 20 L0
                LLOAD 0
                DLOAD 2
                LDC "x"
                ASTORE 8
                DSTORE 6
                LSTORE 4
                ALOAD 8
                INVOKESTATIC dev/coro/Yield.value (Ljava/lang/Object;)Ljava/lang/Object;
                ASTORE 8
                LLOAD 4
                DLOAD 6
                ALOAD 8
                POP
                D2L
                LADD
                INVOKESTATIC java/lang/Long.valueOf (J)Ljava/lang/Long;
                INVOKESTATIC dev/coro/Yield.done (Ljava/lang/Object;)Ldev/coro/Coro;
                ARETURN
                """, PassTesting.text(m));
        assertEquals(9, m.maxLocals, "4 of parameters, 2 + 2 of temporaries, 1 transfer slot");
        assertEquals("next -> x; send y -> !StopIteration(42)",
                PassTesting.run(PassTesting.weaveAndLoad(c), new Object[] {40L, 2.75}, "y"));
    }

    /** Two suspension points: both spill into the same range past the locals, an await with no argument to pass. */
    @Test
    void everySuspensionPointReusesTheSameTemporaries() throws Exception {
        byte[] c = PassTesting.coroutineClass("Twice", "I", mv -> {
            line(mv, 30);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitLdcInsn("first");
            value(mv);
            mv.visitInsn(POP);
            line(mv, 31);
            mv.visitLdcInsn("s");
            await(mv);
            mv.visitTypeInsn(CHECKCAST, "java/lang/String");
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
            mv.visitInsn(SWAP);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/String", "valueOf", "(I)Ljava/lang/String;", false);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
            done(mv);
        });
        MethodNode m = spilled(c);
        assertEquals("""
                L0
                LINENUMBER 30 L0
                ILOAD 0
                LDC "first"
                ASTORE 2
                ISTORE 1
                ALOAD 2
                INVOKESTATIC dev/coro/Yield.value (Ljava/lang/Object;)Ljava/lang/Object;
                ASTORE 2
                ILOAD 1
                ALOAD 2
                POP
                L1
                LINENUMBER 31 L1
                LDC "s"
                ASTORE 2
                ISTORE 1
                INVOKESTATIC dev/coro/Yield.await ()Ljava/lang/Object;
                ASTORE 3
                ILOAD 1
                ALOAD 2
                ALOAD 3
                CHECKCAST java/lang/String
                INVOKEVIRTUAL java/lang/String.concat (Ljava/lang/String;)Ljava/lang/String;
                SWAP
                INVOKESTATIC java/lang/String.valueOf (I)Ljava/lang/String;
                INVOKEVIRTUAL java/lang/String.concat (Ljava/lang/String;)Ljava/lang/String;
                INVOKESTATIC dev/coro/Yield.done (Ljava/lang/Object;)Ldev/coro/Coro;
                ARETURN
                """, PassTesting.text(m));
        assertEquals(4, m.maxLocals);
        assertEquals("next -> first; send x -> null; send got -> !StopIteration(sgot7)",
                PassTesting.run(PassTesting.weaveAndLoad(c), new Object[] {7}, "x", "got"));
    }

    /** Nothing under the call (javac's usual {@code x = Yield.await();}): the method is left as it was. */
    @Test
    void aSuspensionPointWithNothingUnderItIsLeftAlone() {
        byte[] c = PassTesting.coroutineClass("Empty", "", mv -> {
            line(mv, 35);
            mv.visitLdcInsn("v");
            value(mv);
            mv.visitVarInsn(ASTORE, 0);
            mv.visitVarInsn(ALOAD, 0);
            done(mv);
        });
        MethodNode m = spilled(c);
        assertEquals(PassTesting.text(PassTesting.method(c)), PassTesting.text(m));
        assertEquals(1, m.maxLocals);
    }

    /**
     * javac's {@code new Entry("a", Yield.await())}: the constructor mover runs first and leaves the
     * uninitialised object off the stack; the spiller then saves only the initialised argument under the call.
     */
    @Test
    void afterTheConstructorMoverOnlyInitialisedValuesAreSpilled() throws Exception {
        byte[] c = PassTesting.entryOfAwait("Alloc", 36);
        MethodNode m = PassTesting.method(c);
        ConstructorMover.apply("t/Alloc", m);
        StackSpiller.apply("t/Alloc", m, HIERARCHY);
        assertEquals("""
                L0
                LINENUMBER 36 L0
                NEW java/util/AbstractMap$SimpleEntry
                POP
                LDC "a"
                ASTORE 2
                INVOKESTATIC dev/coro/Yield.await ()Ljava/lang/Object;
                ASTORE 3
                ALOAD 2
                ALOAD 3
                """ + PassTesting.ENTRY_REBUILT, PassTesting.text(m));
        assertEquals("next -> null; send b -> !StopIteration(a=b)",
                PassTesting.run(PassTesting.weaveAndLoad(c), new Object[0], "b"));
    }

    /** A subroutine's return address under the call (JSR code) has no type a local can hold: rejected at the call's line. */
    @Test
    void aReturnAddressUnderTheCallIsRejectedAtItsLine() {
        MethodNode m = new MethodNode(ACC_STATIC, "m", "()Ldev/coro/Coro;", null, null);
        Label sub = new Label();
        line(m, 40);
        m.visitJumpInsn(JSR, sub);
        m.visitInsn(ACONST_NULL);
        done(m);
        m.visitLabel(sub);
        line(m, 41);
        m.visitLdcInsn("in a subroutine");
        value(m);
        m.visitInsn(POP);
        m.visitVarInsn(ASTORE, 0);
        m.visitVarInsn(RET, 0);
        m.visitMaxs(2, 1);
        WeaveException e = assertThrows(WeaveException.class, () -> StackSpiller.apply("t/Jsr", m, HIERARCHY));
        assertEquals(Diagnostic.Code.UNSUPPORTED_CODE, e.code);
        assertEquals(41, e.line);
        assertEquals("cannot save an operand stack value of unknown type across a suspension point", e.getMessage());
    }
}
