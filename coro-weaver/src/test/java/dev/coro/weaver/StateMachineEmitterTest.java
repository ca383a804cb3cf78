package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The emission pass alone, on a method built with ASM: the body's dispatch, the save/label/return at
 * a suspension, the frame's check of what was thrown in, the restore block; the LocalVariableTable
 * cut where a local is dead at a suspension point; then the whole weave, loaded and run.
 */
class StateMachineEmitterTest {

    /**
     * <pre>
     *   static Coro m(int n) {          // line 10
     *     String dead = "d";            // line 11
     *     int k = n + 1;                // line 12
     *     Object got = Yield.value(k);  // line 13: dead is dead here, k is live
     *     dead = "again";               // line 14
     *     return Yield.done(got + dead + k);
     *   }
     * </pre>
     */
    private static byte[] input() {
        return PassTesting.coroutineClass("Emit", "I", mv -> {
            Label start = new Label();
            Label end = new Label();
            PassTesting.line(mv, 11);
            mv.visitLdcInsn("d");
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitLabel(start);
            PassTesting.line(mv, 12);
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            mv.visitInsn(Opcodes.ICONST_1);
            mv.visitInsn(Opcodes.IADD);
            mv.visitVarInsn(Opcodes.ISTORE, 2);
            PassTesting.line(mv, 13);
            mv.visitVarInsn(Opcodes.ILOAD, 2);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
            PassTesting.value(mv);
            mv.visitVarInsn(Opcodes.ASTORE, 3);
            PassTesting.line(mv, 14);
            mv.visitLdcInsn("again");
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            PassTesting.line(mv, 15);
            mv.visitVarInsn(Opcodes.ALOAD, 3);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitVarInsn(Opcodes.ILOAD, 2);
            mv.visitInvokeDynamicInsn("concat", "(Ljava/lang/Object;Ljava/lang/String;I)Ljava/lang/String;",
                    new org.objectweb.asm.Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/StringConcatFactory",
                            "makeConcatWithConstants", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                            + "Ljava/lang/invoke/MethodType;Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;",
                            false), "\u0001\u0001\u0001");
            PassTesting.done(mv);
            mv.visitLabel(end);
            mv.visitLocalVariable("n", "I", null, start, end, 0);
            mv.visitLocalVariable("dead", "Ljava/lang/String;", null, start, end, 1);
            mv.visitLocalVariable("k", "I", null, start, end, 2);
        });
    }

    @Test
    void theWholeWeaveLoadsAndRuns() throws Exception {
        Class<?> c = PassTesting.weaveAndLoad(input());
        @SuppressWarnings("unchecked")
        dev.coro.Coro<Object, Object, Object> g = (dev.coro.Coro<Object, Object, Object>) c.getMethod("m", int.class)
                .invoke(null, 41);
        assertEquals(42, g.next());
        dev.coro.StopIteration end = org.junit.jupiter.api.Assertions.assertThrows(dev.coro.StopIteration.class,
                () -> g.send("x"));
        assertEquals("xagain42", end.value());
    }

    @Test
    void theBodyAndItsDebugRanges() {
        MethodNode m = PassTesting.method(input());
        ClassHierarchy hierarchy = ClassHierarchy.ofClassLoader(getClass().getClassLoader());
        LivenessAnalyzer.Result facts = LivenessAnalyzer.analyze("t/Emit", m, hierarchy);
        List<List<LivenessAnalyzer.Saved>> saved = new ArrayList<>();
        for (LivenessAnalyzer.Point p : facts.points()) saved.add(p.saved());
        FrameLayout layout = FrameLayout.of(saved);
        assertEquals("[Field[name=i0, kind=INT, desc=I]]", layout.fields().toString());

        MethodNode body = StateMachineEmitter.emit(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, m, "t/Emit-m-Coro", facts,
                layout);
        assertEquals("(ILdev/coro/internal/CoroFrame;ILjava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;",
                body.desc);
        assertEquals("""
                L0
                ALOAD 1
                CHECKCAST t/Emit-m-Coro
                ASTORE 1
                ILOAD 2
                TABLESWITCH
                0: L1
                1: L2
                default: L3
                L3
                NEW java/lang/IllegalStateException
                DUP
                LDC "corrupt coroutine state"
                INVOKESPECIAL java/lang/IllegalStateException.<init> (Ljava/lang/String;)V
                ATHROW
                L1
                L4
                LINENUMBER 11 L4
                LDC "d"
                ASTORE 5
                L5
                LINENUMBER 12 L5
                ILOAD 0
                ICONST_1
                IADD
                ISTORE 6
                L6
                LINENUMBER 13 L6
                ILOAD 6
                INVOKESTATIC java/lang/Integer.valueOf (I)Ljava/lang/Integer;
                L7
                ALOAD 1
                ILOAD 6
                PUTFIELD t/Emit-m-Coro.i0 : I
                ALOAD 1
                ICONST_1
                INVOKESTATIC t/Emit-m-Coro.label (Lt/Emit-m-Coro;I)V
                ARETURN
                L8
                ALOAD 4
                INVOKESTATIC t/Emit-m-Coro.check (Ljava/lang/Throwable;)V
                ALOAD 3
                ASTORE 7
                L9
                LINENUMBER 14 L9
                LDC "again"
                ASTORE 5
                L10
                L11
                LINENUMBER 15 L11
                ALOAD 7
                ALOAD 5
                ILOAD 6
                INVOKEDYNAMIC concat(Ljava/lang/Object;Ljava/lang/String;I)Ljava/lang/String; [
                // handle kind 0x6 : INVOKESTATIC
                java/lang/invoke/StringConcatFactory.makeConcatWithConstants(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;
                // arguments:
                "\\u0001\\u0001\\u0001"
                ]
                ARETURN
                L12
                L2
                LINENUMBER 13 L2
                ALOAD 1
                GETFIELD t/Emit-m-Coro.i0 : I
                ISTORE 6
                L13
                GOTO L8
                L14
                L15
                """, PassTesting.text(body));
        List<String> ranges = new ArrayList<>();
        for (LocalVariableNode lv : body.localVariables) {
            ranges.add(lv.name + "@" + lv.index + " " + body.instructions.indexOf(lv.start) + ".."
                    + body.instructions.indexOf(lv.end));
        }
        // dead leaves scope at the suspension (L7) until its next store (L10); k is also in scope in
        // its restore block once loaded (L13..L14); the parameter n everywhere
        assertEquals(List.of("n@0 0..61", "dead@5 17..27", "dead@5 44..52", "k@6 17..52", "k@6 58..60"), ranges);
    }
}
