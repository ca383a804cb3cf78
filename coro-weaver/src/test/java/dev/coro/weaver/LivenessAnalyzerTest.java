package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

import static dev.coro.weaver.PassTesting.OBJ;
import static dev.coro.weaver.PassTesting.done;
import static dev.coro.weaver.PassTesting.line;
import static dev.coro.weaver.PassTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link LivenessAnalyzer} alone: each suspension point's facts as one line,
 * {@code label line Yield.name saves [slot:descriptor, ...]} (a {@code !} after a type the woven
 * class may not name); the weave of the same class run where the facts decide what comes back.
 */
class LivenessAnalyzerTest {
    private static List<String> facts(String owner, byte[] classFile) {
        MethodNode m = PassTesting.method(classFile);
        LivenessAnalyzer.Result r = LivenessAnalyzer.analyze(owner, m,
                ClassHierarchy.ofClassLoader(LivenessAnalyzerTest.class.getClassLoader()));
        List<String> out = new ArrayList<>();
        for (LivenessAnalyzer.Point p : r.points()) {
            List<String> saved = new ArrayList<>();
            for (LivenessAnalyzer.Saved s : p.saved()) {
                saved.add(s.slot() + ":" + s.type().getDescriptor() + (s.nameable() ? "" : "!"));
            }
            out.add(p.label() + " " + p.line() + " " + p.kind().display() + " saves " + saved);
        }
        return out;
    }

    /**
     * <pre>
     *   static Coro m(int n) {
     *     String s = "s";                     // 10
     *     Yield.value(s);                     // 11: s is dead after this point
     *     int i = 0; long total = 0;          // 12
     *     String last = "start";
     *     while (i < n) {                     // 13: last.length() at the top of every turn
     *       Yield.value(i);                   // 14: i, total, and last (read on the back edge) are live
     *       total += i; i++;                  // 15
     *     }
     *     return Yield.done(total);           // 16
     *   }
     * </pre>
     */
    @Test
    void aLocalDeadAfterAPointIsNotSavedOneReadAcrossTheBackEdgeIs() throws Exception {
        byte[] c = PassTesting.coroutineClass("Loop", "I", mv -> {
            Label top = new Label();
            Label end = new Label();
            line(mv, 10);
            mv.visitLdcInsn("s");
            mv.visitVarInsn(ASTORE, 1);
            line(mv, 11);
            mv.visitVarInsn(ALOAD, 1);
            value(mv);
            mv.visitInsn(POP);
            line(mv, 12);
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ISTORE, 2);
            mv.visitInsn(LCONST_0);
            mv.visitVarInsn(LSTORE, 3);
            mv.visitLdcInsn("start");
            mv.visitVarInsn(ASTORE, 5);
            mv.visitLabel(top);
            line(mv, 13);
            mv.visitVarInsn(ALOAD, 5);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
            mv.visitInsn(POP);
            mv.visitVarInsn(ILOAD, 2);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitJumpInsn(IF_ICMPGE, end);
            line(mv, 14);
            mv.visitVarInsn(ILOAD, 2);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
            value(mv);
            mv.visitInsn(POP);
            line(mv, 15);
            mv.visitVarInsn(LLOAD, 3);
            mv.visitVarInsn(ILOAD, 2);
            mv.visitInsn(I2L);
            mv.visitInsn(LADD);
            mv.visitVarInsn(LSTORE, 3);
            mv.visitIincInsn(2, 1);
            mv.visitJumpInsn(GOTO, top);
            mv.visitLabel(end);
            line(mv, 16);
            mv.visitVarInsn(LLOAD, 3);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
            done(mv);
        });
        assertEquals(List.of("1 11 Yield.value saves []", "2 14 Yield.value saves [2:I, 3:J, 5:Ljava/lang/String;]"),
                facts("t/Loop", c));
        assertEquals("next -> s; send a -> 0; send b -> 1; send c -> 2; send d -> !StopIteration(3)",
                PassTesting.run(PassTesting.weaveAndLoad(c), new Object[] {3}, "a", "b", "c", "d"));
    }

    /**
     * A parameter the method writes is saved at every point, live or not (a long's both halves are
     * marked; only the first holds a value); one it never writes comes back from the frame's own field.
     */
    @Test
    void writtenParametersAreSavedEverywhereUnwrittenOnesNever() throws Exception {
        byte[] c = PassTesting.coroutineClass("Params", "IJ" + OBJ, mv -> {
            line(mv, 20);
            mv.visitVarInsn(ALOAD, 3);
            value(mv);
            mv.visitInsn(POP);
            line(mv, 21);
            mv.visitIincInsn(0, 1);
            mv.visitVarInsn(LLOAD, 1);
            mv.visitInsn(LCONST_1);
            mv.visitInsn(LADD);
            mv.visitVarInsn(LSTORE, 1);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitInsn(I2L);
            mv.visitVarInsn(LLOAD, 1);
            mv.visitInsn(LADD);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
            value(mv);
            mv.visitInsn(POP);
            line(mv, 22);
            mv.visitVarInsn(ALOAD, 3);
            done(mv);
        });
        assertEquals(List.of("1 20 Yield.value saves [0:I, 1:J]", "2 21 Yield.value saves [0:I, 1:J]"),
                facts("t/Params", c));
        assertEquals("next -> p; send x -> 14; send y -> !StopIteration(p)",
                PassTesting.run(PassTesting.weaveAndLoad(c), new Object[] {2, 10L, "p"}, "x", "y"));
    }

    /** A local read only by a handler covering the point is live there: a value thrown in resumes into the handler. */
    @Test
    void aLocalReadOnlyOnTheExceptionPathIsSaved() throws Exception {
        byte[] c = PassTesting.coroutineClass("Handler", "", mv -> {
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            mv.visitTryCatchBlock(start, end, handler, "java/lang/RuntimeException");
            line(mv, 30);
            mv.visitLdcInsn("fallback");
            mv.visitVarInsn(ASTORE, 0);
            mv.visitLabel(start);
            line(mv, 31);
            mv.visitLdcInsn("try");
            value(mv);
            mv.visitVarInsn(ASTORE, 1);
            mv.visitLabel(end);
            line(mv, 32);
            mv.visitVarInsn(ALOAD, 1);
            done(mv);
            mv.visitLabel(handler);
            line(mv, 33);
            mv.visitInsn(POP);
            mv.visitVarInsn(ALOAD, 0);
            done(mv);
        });
        assertEquals(List.of("1 31 Yield.value saves [0:Ljava/lang/String;]"), facts("t/Handler", c));
        Class<?> woven = PassTesting.weaveAndLoad(c);
        assertEquals("next -> try; send ok -> !StopIteration(ok)", PassTesting.run(woven, new Object[0], "ok"));
        @SuppressWarnings("unchecked")
        dev.coro.Coro<Object, Object, Object> g = (dev.coro.Coro<Object, Object, Object>) woven.getMethod("m").invoke(null);
        g.next();
        dev.coro.StopIteration stop = org.junit.jupiter.api.Assertions.assertThrows(dev.coro.StopIteration.class,
                () -> g.raise(new IllegalStateException("in")));
        assertEquals("fallback", stop.value());
    }

    /**
     * An always-null local is saved as the null type (restored as null, no field); a StringBuilder or
     * StringBuffer meets at the package-private AbstractStringBuilder, which code in package t may not name.
     */
    @Test
    void theNullTypeAndATypeTheWovenClassMayNotName() throws Exception {
        byte[] c = PassTesting.coroutineClass("Types", "Z", mv -> {
            line(mv, 40);
            mv.visitInsn(ACONST_NULL);
            mv.visitVarInsn(ASTORE, 1);
            PassTesting.newEither(mv, 0, PassTesting.SB, "java/lang/StringBuffer");
            mv.visitVarInsn(ASTORE, 2);
            mv.visitInsn(DCONST_1);
            mv.visitVarInsn(DSTORE, 3);
            line(mv, 41);
            mv.visitInsn(ACONST_NULL);
            value(mv);
            mv.visitInsn(POP);
            line(mv, 42);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "equals", "(Ljava/lang/Object;)Z", false);
            mv.visitInsn(POP);
            mv.visitVarInsn(DLOAD, 3);
            mv.visitInsn(POP2);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "toString", "()Ljava/lang/String;", false);
            done(mv);
        });
        assertEquals(List.of("1 41 Yield.value saves [1:Lnull;, 2:Ljava/lang/AbstractStringBuilder;!, 3:D]"),
                facts("t/Types", c));
        assertEquals("next -> null; send x -> !StopIteration()",
                PassTesting.run(PassTesting.weaveAndLoad(c), new Object[] {true}, "x"));
    }
}
