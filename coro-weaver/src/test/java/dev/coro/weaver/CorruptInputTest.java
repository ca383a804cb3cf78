package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Corrupt input that makes ASM itself throw an {@code Error}, and odd but valid input that ASM
 * reads in a misleading way: a diagnostic for the first, a loadable class for the second.
 */
class CorruptInputTest {
    private final Weaver weaver = new Weaver(ClassHierarchy.ofClassLoader(getClass().getClassLoader()));

    /** A class t/Gen with one {@code @Coroutine static Coro m()} whose code {@code body} writes. */
    static byte[] coroutineClass(Consumer<MethodVisitor> body) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "t/Gen", null, "java/lang/Object", null);
        cw.visitSource("Gen.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_PUBLIC, "m", "()Ldev/coro/Coro;", null, null);
        mv.visitAnnotation("Ldev/coro/Coroutine;", false).visitEnd();
        mv.visitCode();
        Label l = new Label();
        mv.visitLabel(l);
        mv.visitLineNumber(3, l);
        body.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void yieldAndReturn(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "await", "()Ljava/lang/Object;", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/coro/Yield", "done", "()Ldev/coro/Coro;", false);
        mv.visitInsn(Opcodes.ARETURN);
    }

    @Test
    void aMethodDescriptorAsAFieldTypeIsABadClassFileNotAnAssertionError() {
        // ASM's BasicInterpreter.newValue throws AssertionError for a value of a method type; the
        // format check of the constant pool (a Fieldref whose type is a method descriptor) now stops it first
        byte[] b = coroutineClass(mv -> {
            mv.visitFieldInsn(Opcodes.GETSTATIC, "t/Gen", "f", "()V");
            mv.visitInsn(Opcodes.POP);
            yieldAndReturn(mv);
        });
        WeaveResult r = weaver.weave(b);
        assertEquals(WeaveResult.Status.REJECTED, r.status());
        assertEquals(List.of("Gen.class: t.Gen: corrupt class file: constant pool entry 12 (tag 9) names an illegal"
                + " class, member or type"), r.diagnostics().stream().map(Diagnostic::format).toList());
        assertEquals(Diagnostic.Code.BAD_CLASS_FILE, r.diagnostics().get(0).code());
    }

    @Test
    void anErrorThrownWhileReadingTheInputIsADiagnosticNotAnEscapingThrowable() {
        // a String or an Integer in one local: the analysis reads both class files, and here reading throws
        byte[] b = coroutineClass(mv -> {
            Label integer = new Label();
            Label merged = new Label();
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitJumpInsn(Opcodes.IFEQ, integer);
            mv.visitLdcInsn("s");
            mv.visitJumpInsn(Opcodes.GOTO, merged);
            mv.visitLabel(integer);
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
            mv.visitLabel(merged);
            mv.visitVarInsn(Opcodes.ASTORE, 0);
            yieldAndReturn(mv);
        });
        Weaver failing = new Weaver(new ClassHierarchy(name -> {
            throw new AssertionError("the locator failed on " + name);
        }));
        WeaveResult r = failing.weave(b);
        assertEquals(WeaveResult.Status.REJECTED, r.status());
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        assertEquals(Diagnostic.Code.BAD_CLASS_FILE, r.diagnostics().get(0).code());
        assertEquals("corrupt class file: java.lang.AssertionError: the locator failed on java/lang/String",
                r.diagnostics().get(0).message());
    }

    /** An attribute inside {@code Code} that the JVM ignores there, named like a method attribute. */
    private static final class CodeAttribute extends Attribute {
        CodeAttribute(String name) {
            super(name);
        }

        @Override
        public boolean isCodeAttribute() {
            return true;
        }

        @Override
        protected ByteVector write(ClassWriter cw, byte[] code, int len, int maxStack, int maxLocals) {
            return new ByteVector().putShort(0); // an empty annotation table
        }
    }

    @Test
    void anAnnotationAttributeInsideCodeStaysOutOfTheWovenMethod() throws Exception {
        byte[] b = coroutineClass(mv -> {
            mv.visitAttribute(new CodeAttribute("RuntimeInvisibleAnnotations"));
            yieldAndReturn(mv);
        });
        Class.forName("dev.coro.Coro"); // the original loads: the JVM ignores the attribute inside Code
        assertEquals("t.Gen", new Loader().define(b).getName());
        WeaveResult r = weaver.weave(b);
        assertEquals(WeaveResult.Status.WOVEN, r.status(), r.diagnostics().toString());
        ClassNode woven = new ClassNode();
        new ClassReader(r.bytes()).accept(woven, 0);
        woven.methods.forEach(m -> assertNull(m.attrs, m.name));
        assertEquals("t.Gen", new Loader().define(r.bytes()).getName(), "the woven class is well formed");
    }

    /** Defines one class; everything else from the test's class path. */
    private static final class Loader extends ClassLoader {
        Loader() {
            super(CorruptInputTest.class.getClassLoader());
        }

        Class<?> define(byte[] b) {
            return defineClass(null, b, 0, b.length);
        }
    }
}
