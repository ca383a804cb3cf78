package dev.coro.weaver;

import dev.coro.testkit.ClassFiles;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets one clear diagnostic and the class back unchanged: never an exception, never a partial class. */
class BadInputTest {
    private final Weaver weaver = new Weaver(ClassHierarchy.ofClassLoader(getClass().getClassLoader()));

    private static Diagnostic only(WeaveResult r) {
        assertEquals(WeaveResult.Status.REJECTED, r.status());
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        return r.diagnostics().get(0);
    }

    @Test
    void aClassThatMentionsNoCoroutineIsReturnedAsItIs() throws Exception {
        byte[] plain = ClassFiles.bytesOf(dev.coro.weaver.fixture.Plain.class);
        assertFalse(Weaver.needsWeaving(plain));
        WeaveResult r = weaver.weave(plain);
        assertEquals(WeaveResult.Status.UNTOUCHED, r.status());
        assertSame(plain, r.bytes());
    }

    @Test
    void aCoroutineClassIsWovenOnceAndThenLeftAlone() throws Exception {
        byte[] counter = ClassFiles.bytesOf(dev.coro.weaver.fixture.Counter.class);
        assertTrue(Weaver.needsWeaving(counter));
        WeaveResult r = weaver.weave(counter);
        assertEquals(WeaveResult.Status.WOVEN, r.status());
        assertFalse(Weaver.needsWeaving(r.bytes()), "the woven marker stops the gate");
        WeaveResult again = weaver.weave(r.bytes());
        assertEquals(WeaveResult.Status.ALREADY_WOVEN, again.status());
        assertSame(r.bytes(), again.bytes());
    }

    @Test
    void corosOwnApiIsNeverWoven() throws Exception {
        // Yield's bodies call Yield.notWoven and Coro's call the runtime: checked as user code they
        // would be "Yield outside a @Coroutine method". They are passed through as they are.
        for (Class<?> api : List.of(dev.coro.Yield.class, dev.coro.Coro.class, dev.coro.Coroutine.class)) {
            byte[] bytes = ClassFiles.bytesOf(api);
            WeaveResult r = weaver.weave(bytes);
            assertEquals(WeaveResult.Status.UNTOUCHED, r.status(), api.getName());
            assertEquals(List.of(), r.diagnostics(), api.getName());
            assertSame(bytes, r.bytes());
        }
        assertTrue(Weaver.isCoroApi("dev/coro/Yield"));
        assertTrue(Weaver.isCoroApi("dev/coro/internal/CoroFrame"));
        assertTrue(Weaver.isCoroApi("dev/coro/Coro$State"));
        assertFalse(Weaver.isCoroApi("dev/coro/examples/Seed"), "a user's class under dev.coro is woven");
        assertFalse(Weaver.isCoroApi("dev/coro/MyCoroutines"), "a user's class in package dev.coro is woven");
        assertFalse(Weaver.isCoroApi("dev/corona/Yield"));
    }

    @Test
    void notAClassFile() {
        Diagnostic d = only(weaver.weave("not a class".getBytes()));
        assertEquals(Diagnostic.Code.BAD_CLASS_FILE, d.code());
        assertEquals("not a class file (bad magic number or truncated)", d.message());
    }

    @Test
    void truncatedInTheConstantPool() throws Exception {
        byte[] counter = ClassFiles.bytesOf(dev.coro.weaver.fixture.Counter.class);
        byte[] cut = Arrays.copyOf(counter, 40);
        assertTrue(Weaver.needsWeaving(cut), "a malformed file goes on to weave(), which reports it");
        Diagnostic d = only(weaver.weave(cut));
        assertEquals(Diagnostic.Code.BAD_CLASS_FILE, d.code());
        assertEquals("truncated class file: the constant pool ends early", d.message());
    }

    @Test
    void truncatedAfterTheConstantPool() throws Exception {
        byte[] counter = ClassFiles.bytesOf(dev.coro.weaver.fixture.Counter.class);
        byte[] cut = Arrays.copyOf(counter, counter.length - 40);
        Diagnostic d = only(weaver.weave(cut));
        assertEquals(Diagnostic.Code.BAD_CLASS_FILE, d.code());
        assertTrue(d.message().startsWith("corrupt class file: "), d.message());
        assertEquals("dev.coro.weaver.fixture.Counter", d.className());
    }

    @Test
    void versionsOutside52To69AreReportedNotParsed() throws Exception {
        byte[] counter = ClassFiles.bytesOf(dev.coro.weaver.fixture.Counter.class);
        for (int major : List.of(70, 51)) {
            byte[] b = counter.clone();
            b[6] = (byte) (major >> 8);
            b[7] = (byte) major;
            Diagnostic d = only(weaver.weave(b));
            assertEquals(Diagnostic.Code.UNSUPPORTED_VERSION, d.code());
            assertEquals("class file version " + major + " (Java " + (major - 44) + ") is not supported: coro weaves"
                    + " versions 52 (Java 8) to 69 (Java 25)", d.message());
            assertEquals("Counter.class: dev.coro.weaver.fixture.Counter: " + d.message(), d.format());
        }
    }

    /** A class t/Gen with one @Coroutine method {@code m(Z)} whose code {@code body} writes. */
    private static byte[] coroutineClass(String name, java.util.function.Consumer<MethodVisitor> body) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "t/" + name, null, "java/lang/Object", null);
        cw.visitSource(name + ".java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", "(Z)Ldev/coro/Coro;", null, null);
        mv.visitAnnotation("Ldev/coro/Coroutine;", false).visitEnd();
        mv.visitCode();
        body.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void line(MethodVisitor mv, int line) {
        Label l = new Label();
        mv.visitLabel(l);
        mv.visitLineNumber(line, l);
    }

    @Test
    void aYieldMethodThisWeaverDoesNotKnowIsRejectedAtItsCall() {
        // a class compiled against a newer coro-api, whose Yield has a method this weaver cannot weave
        byte[] b = coroutineClass("Newer", mv -> {
            line(mv, 4);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "await", "()Ljava/lang/Object;", false);
            mv.visitInsn(Opcodes.POP);
            line(mv, 5);
            mv.visitInsn(Opcodes.ICONST_1);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "teleport", "(I)Ljava/lang/Object;", false);
            mv.visitInsn(Opcodes.POP);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "done", "()Ldev/coro/Coro;", false);
            mv.visitInsn(Opcodes.ARETURN);
        });
        Diagnostic d = only(weaver.weave(b));
        assertEquals(Diagnostic.Code.UNKNOWN_YIELD_METHOD, d.code());
        assertEquals(5, d.line());
        assertEquals("Newer.java:5: t.Newer.m(): unknown method Yield.teleport(I)Ljava/lang/Object; (coro-api and the"
                + " weaver differ in version?)", d.format());
    }

    @Test
    void jsrAndRetAreRejectedAtTheirLine() {
        byte[] b = coroutineClass("Jsr", mv -> {
            line(mv, 5);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "await", "()Ljava/lang/Object;", false);
            mv.visitInsn(Opcodes.POP);
            line(mv, 6);
            Label sub = new Label();
            mv.visitJumpInsn(Opcodes.JSR, sub);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "done", "()Ldev/coro/Coro;", false);
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitLabel(sub);
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitVarInsn(Opcodes.RET, 1);
        });
        Diagnostic d = only(weaver.weave(b));
        assertEquals(Diagnostic.Code.UNSUPPORTED_CODE, d.code());
        assertEquals("Jsr.java:6: t.Jsr.m(): JSR/RET subroutines (pre-Java 6 bytecode) cannot be woven", d.format());
    }

    @Test
    void aMethodThatWouldOutgrow64KbIsRejected() {
        int locals = 24;
        int points = 1500;
        byte[] b = coroutineClass("Huge", mv -> {
            line(mv, 3);
            for (int i = 0; i < locals; i++) {
                mv.visitLdcInsn(i);
                mv.visitVarInsn(Opcodes.ISTORE, 1 + i);
            }
            for (int p = 0; p < points; p++) {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "await", "()Ljava/lang/Object;", false);
                mv.visitInsn(Opcodes.POP);
            }
            mv.visitInsn(Opcodes.ICONST_0);
            for (int i = 0; i < locals; i++) {
                mv.visitVarInsn(Opcodes.ILOAD, 1 + i);
                mv.visitInsn(Opcodes.IADD);
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "done", "(Ljava/lang/Object;)Ldev/coro/Coro;", false);
            mv.visitInsn(Opcodes.ARETURN);
        });
        Diagnostic d = only(weaver.weave(b));
        assertEquals(Diagnostic.Code.METHOD_TOO_LARGE, d.code());
        assertEquals(3, d.line());
        assertTrue(d.message().startsWith("after weaving, the method's code would be "), d.message());
        assertTrue(d.message().endsWith(" bytes, over the JVM's limit of 65535: split the method"), d.message());
    }

    @Test
    void aClassMissingFromTheHierarchyIsNamed() {
        byte[] b = coroutineClass("Missing", mv -> {
            line(mv, 7);
            Label otherwise = new Label();
            Label join = new Label();
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            mv.visitJumpInsn(Opcodes.IFEQ, otherwise);
            mv.visitTypeInsn(Opcodes.NEW, "t/MissingA");
            mv.visitInsn(Opcodes.DUP);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "t/MissingA", "<init>", "()V", false);
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitJumpInsn(Opcodes.GOTO, join);
            mv.visitLabel(otherwise);
            mv.visitTypeInsn(Opcodes.NEW, "t/MissingB");
            mv.visitInsn(Opcodes.DUP);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "t/MissingB", "<init>", "()V", false);
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitLabel(join);
            line(mv, 8);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "await", "()Ljava/lang/Object;", false);
            mv.visitInsn(Opcodes.POP);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "done", "(Ljava/lang/Object;)Ldev/coro/Coro;", false);
            mv.visitInsn(Opcodes.ARETURN);
        });
        Diagnostic d = only(weaver.weave(b));
        assertEquals(Diagnostic.Code.MISSING_CLASS, d.code());
        assertEquals("Missing.java:7: t.Missing.m(): cannot find class t.MissingA on the classpath: it is needed to"
                + " compute stack map frames", d.format());
    }
}
