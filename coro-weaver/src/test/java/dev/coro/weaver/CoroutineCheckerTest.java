package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;
import java.util.function.Consumer;

import static dev.coro.weaver.PassTesting.await;
import static dev.coro.weaver.PassTesting.line;
import static dev.coro.weaver.PassTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link CoroutineChecker} alone on a class built with ASM: every problem it finds before weaving,
 * each with its code, line and message, sorted by line; and what it takes for a {@code @Coroutine}.
 */
class CoroutineCheckerTest {
    private static final String CORO = "Ldev/coro/Coro;";
    private static final String COROUTINE = "Ldev/coro/Coroutine;";

    /** Builds class {@code t/Checked} (Checked.java) method by method. */
    private static final class Builder {
        final ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);

        Builder() {
            cw.visit(V11, ACC_PUBLIC | ACC_SUPER, "t/Checked", null, "java/lang/Object", null);
            cw.visitSource("Checked.java", null);
        }

        Builder method(int access, String name, String desc, boolean coroutine, Consumer<MethodVisitor> body) {
            MethodVisitor mv = cw.visitMethod(access, name, desc, null, null);
            if (coroutine) mv.visitAnnotation(COROUTINE, false).visitEnd();
            if (body != null) {
                mv.visitCode();
                body.accept(mv);
                mv.visitMaxs(0, 0);
            }
            mv.visitEnd();
            return this;
        }

        ClassNode build() {
            cw.visitEnd();
            ClassNode cn = new ClassNode();
            new ClassReader(cw.toByteArray()).accept(cn, 0);
            return cn;
        }
    }

    private static Consumer<MethodVisitor> returnsNull(int line) {
        return mv -> {
            line(mv, line);
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(ARETURN);
        };
    }

    private static List<Diagnostic> check(ClassNode cn) {
        return CoroutineChecker.check(cn, ClassHierarchy.ofClassLoader(CoroutineCheckerTest.class.getClassLoader()));
    }

    @Test
    void everyProblemOfTheClassWithItsCodeAndLineSortedByLine() {
        ClassNode cn = new Builder()
                .method(ACC_STATIC, "unknown", "()" + CORO, true, mv -> {
                    line(mv, 40);
                    mv.visitMethodInsn(INVOKESTATIC, PassTesting.YIELD, "later", "()Ljava/lang/Object;", false);
                    mv.visitInsn(POP);
                    mv.visitInsn(ACONST_NULL);
                    mv.visitInsn(ARETURN);
                })
                .method(ACC_STATIC | ACC_SYNCHRONIZED, "locked", "()" + CORO, true, returnsNull(30))
                .method(ACC_STATIC, "untyped", "()Ljava/lang/Object;", true, returnsNull(35))
                .method(ACC_STATIC, "plain", "()V", false, mv -> {
                    line(mv, 10);
                    await(mv);
                    mv.visitInsn(POP);
                    mv.visitInsn(RETURN);
                })
                .method(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, "lambda$each$0", "(Ljava/lang/Object;)V", false, mv -> {
                    line(mv, 20);
                    mv.visitVarInsn(ALOAD, 0);
                    value(mv);
                    mv.visitInsn(POP);
                    mv.visitInsn(RETURN);
                })
                .build();
        List<Diagnostic> ds = check(cn);
        assertEquals(List.of(
                "Checked.java:10: t.Checked.plain(): Yield.await outside a @Coroutine method",
                "Checked.java:20: t.Checked.lambda$each$0(): Yield.value outside a @Coroutine method",
                "Checked.java:30: t.Checked.locked(): a @Coroutine method cannot be synchronized",
                "Checked.java:35: t.Checked.untyped(): a @Coroutine method must return dev.coro.Coro, not java.lang.Object",
                "Checked.java:40: t.Checked.unknown(): unknown method Yield.later()Ljava/lang/Object; (coro-api and the"
                        + " weaver differ in version?)"), ds.stream().map(Diagnostic::format).toList());
        assertEquals(List.of(Diagnostic.Code.YIELD_OUTSIDE_COROUTINE, Diagnostic.Code.YIELD_OUTSIDE_COROUTINE,
                Diagnostic.Code.SYNCHRONIZED_COROUTINE, Diagnostic.Code.BAD_RETURN_TYPE,
                Diagnostic.Code.UNKNOWN_YIELD_METHOD), ds.stream().map(Diagnostic::code).toList());
    }

    @Test
    void aWellFormedCoroutineAndAPlainMethodHaveNoProblems() {
        ClassNode cn = new Builder()
                .method(ACC_STATIC, "gen", "()" + CORO, true, mv -> {
                    line(mv, 5);
                    mv.visitLdcInsn("v");
                    value(mv);
                    mv.visitMethodInsn(INVOKESTATIC, PassTesting.YIELD, "done", "(Ljava/lang/Object;)" + CORO, false);
                    mv.visitInsn(ARETURN);
                })
                .method(ACC_STATIC, "plain", "()Ljava/lang/Object;", false, returnsNull(6))
                .build();
        assertEquals(List.of(), check(cn));
    }

    /**
     * An abstract or native {@code @Coroutine} has nothing to weave, and a bridge carrying the annotation
     * (javac copies it) is no coroutine: a Yield call in a bridge is outside a coroutine.
     */
    @Test
    void abstractNativeAndBridgeMethodsAreNotWoven() {
        ClassNode cn = new Builder()
                .method(ACC_PUBLIC | ACC_ABSTRACT, "later", "()" + CORO, true, null)
                .method(ACC_PUBLIC | ACC_NATIVE, "elsewhere", "()" + CORO, true, null)
                .method(ACC_PUBLIC | ACC_BRIDGE | ACC_SYNTHETIC, "bridged", "()Ljava/lang/Object;", true, mv -> {
                    line(mv, 7);
                    await(mv);
                    mv.visitInsn(ARETURN);
                })
                .build();
        MethodNode later = cn.methods.get(0);
        MethodNode elsewhere = cn.methods.get(1);
        MethodNode bridge = cn.methods.get(2);
        assertTrue(CoroutineChecker.isCoroutine(later));
        assertFalse(CoroutineChecker.hasBody(later));
        assertFalse(CoroutineChecker.hasBody(elsewhere));
        assertFalse(CoroutineChecker.isCoroutine(bridge));
        assertEquals(List.of("Checked.java:7: t.Checked.bridged(): Yield.await outside a @Coroutine method"),
                check(cn).stream().map(Diagnostic::format).toList());
    }

    @Test
    void primedIsReadFromTheAnnotationWhetherVisibleOrNot() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(V11, ACC_PUBLIC, "t/Primed", null, "java/lang/Object", null);
        MethodVisitor a = cw.visitMethod(ACC_ABSTRACT, "a", "()" + CORO, null, null);
        a.visitAnnotation(COROUTINE, false).visit("primed", true);
        MethodVisitor b = cw.visitMethod(ACC_ABSTRACT, "b", "()" + CORO, null, null);
        b.visitAnnotation(COROUTINE, true).visit("primed", true);
        MethodVisitor c = cw.visitMethod(ACC_ABSTRACT, "c", "()" + CORO, null, null);
        c.visitAnnotation(COROUTINE, false).visit("primed", false);
        cw.visitMethod(ACC_ABSTRACT, "d", "()" + CORO, null, null).visitAnnotation(COROUTINE, false);
        ClassNode cn = new ClassNode();
        new ClassReader(cw.toByteArray()).accept(cn, 0);
        assertEquals(List.of(true, true, false, false), cn.methods.stream().map(CoroutineChecker::isPrimed).toList());
        assertEquals(List.of(true, true, true, true), cn.methods.stream().map(CoroutineChecker::isCoroutine).toList());
    }
}
