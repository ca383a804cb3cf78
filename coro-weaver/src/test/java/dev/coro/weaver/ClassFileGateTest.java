package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

import java.util.Arrays;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link ClassFileGate}: the version and what the constant pool mentions, read from bytes; the woven
 * marker counted only as the class's own invisible annotation, with the contract it names.
 */
class ClassFileGateTest {
    private static byte[] cls(Consumer<ClassWriter> members) {
        return PassTesting.plainClass("t/Gate", members);
    }

    private static void method(ClassWriter cw, Consumer<MethodVisitor> body) {
        PassTesting.voidMethod(cw, body);
    }

    @Test
    void theVersionFromTheHeader() {
        byte[] b = cls(cw -> {});
        assertEquals(55, ClassFileGate.majorVersion(b));
        byte[] notAClass = b.clone();
        notAClass[0] = 0;
        assertEquals(-1, ClassFileGate.majorVersion(notAClass));
        assertEquals(-1, ClassFileGate.majorVersion(Arrays.copyOf(b, 9)));
        assertEquals(-1, ClassFileGate.majorVersion(null));
        assertEquals("Java 25", ClassFileGate.javaVersion(69));
        assertEquals("Java 8", ClassFileGate.javaVersion(52));
        assertEquals("Java 1.4", ClassFileGate.javaVersion(48));
    }

    @Test
    void whatTheConstantPoolMentions() {
        assertEquals(new ClassFileGate.Scan(false, false, 0), ClassFileGate.scan(cls(cw -> {})));
        assertEquals(new ClassFileGate.Scan(true, false, 0), ClassFileGate.scan(cls(cw -> method(cw, mv -> {
            mv.visitMethodInsn(INVOKESTATIC, "dev/coro/Yield", "await", "()Ljava/lang/Object;", false);
            mv.visitInsn(POP);
        }))));
        assertEquals(new ClassFileGate.Scan(true, false, 0), ClassFileGate.scan(cls(cw -> {
            MethodVisitor mv = cw.visitMethod(ACC_ABSTRACT, "a", "()V", null, null);
            mv.visitAnnotation("Ldev/coro/Coroutine;", false).visitEnd();
            mv.visitEnd();
        })));
    }

    @Test
    void theWovenMarkerAndItsContract() {
        assertEquals(new ClassFileGate.Scan(false, true, 7), ClassFileGate.scan(cls(cw -> {
            cw.visitAnnotation("Ljava/lang/Deprecated;", false).visitEnd();
            var a = cw.visitAnnotation("Ldev/coro/internal/Woven;", false);
            a.visit("contract", 7);
            a.visitEnd();
            method(cw, mv -> mv.visitLdcInsn(2L));
        })));
        assertEquals(new ClassFileGate.Scan(false, true, 1), ClassFileGate.scan(cls(cw ->
                cw.visitAnnotation("Ldev/coro/internal/Woven;", false).visitEnd())), "a marker of coro's first versions");
        // the marker's descriptor as a string constant, and a visible annotation of that type: not the marker
        assertEquals(new ClassFileGate.Scan(false, false, 0), ClassFileGate.scan(cls(cw -> {
            cw.visitAnnotation("Ljava/lang/Deprecated;", false).visitEnd();
            cw.visitAnnotation("Ldev/coro/internal/Woven;", true).visitEnd();
            method(cw, mv -> {
                mv.visitLdcInsn("Ldev/coro/internal/Woven;");
                mv.visitInsn(POP);
            });
        })));
    }

    @Test
    void anUnknownTagOrAPoolCutShortIsABadClassFile() {
        byte[] b = cls(cw -> {});
        byte[] tag = b.clone();
        tag[10] = 2;
        WeaveException e = assertThrows(WeaveException.class, () -> ClassFileGate.scan(tag));
        assertEquals(Diagnostic.Code.BAD_CLASS_FILE, e.code);
        assertEquals("corrupt class file: unknown constant pool tag 2 at entry 1", e.getMessage());
        WeaveException cut = assertThrows(WeaveException.class, () -> ClassFileGate.scan(Arrays.copyOf(b, 30)));
        assertEquals("truncated class file: the constant pool ends early", cut.getMessage());
    }

    /** A class cut after its constant pool, while the gate looks for the marker among its attributes: said so. */
    @Test
    void aClassCutAfterItsConstantPoolIsNotSaidToEndInIt() {
        byte[] b = cls(cw -> cw.visitAnnotation("Ldev/coro/internal/Woven;", false).visitEnd());
        WeaveException cut = assertThrows(WeaveException.class, () -> ClassFileGate.scan(Arrays.copyOf(b, b.length - 3)));
        assertEquals(Diagnostic.Code.BAD_CLASS_FILE, cut.code);
        assertEquals("truncated class file: it ends after the constant pool, before its attributes", cut.getMessage());
        WeaveResult r = new Weaver(ClassHierarchy.ofClassLoader(getClass().getClassLoader())).weave(Arrays.copyOf(b, b.length - 3));
        assertEquals(WeaveResult.Status.REJECTED, r.status());
        assertEquals(java.util.List.of("Gate.class: t.Gate: truncated class file: it ends after the constant pool, before its"
                + " attributes"), r.diagnostics().stream().map(Diagnostic::format).toList());
    }
}
