package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link ConstantPoolChecker}: the constant pool as the JVM checks it when it parses a class file
 * (ASM reads entries lazily and trusts their tags), each problem a BAD_CLASS_FILE naming the entry.
 */
class ConstantPoolCheckerTest {
    /** Class t/Pool with a method m whose code is {@code body}. */
    private static byte[] cls(Consumer<MethodVisitor> body) {
        return PassTesting.plainClass("t/Pool", cw -> PassTesting.voidMethod(cw, body));
    }

    /** What the check says: {@code ok}, or its message. */
    private static String check(byte[] classFile) {
        try {
            ConstantPoolChecker.check(new ClassReader(classFile));
            return "ok";
        } catch (WeaveException e) {
            assertEquals(Diagnostic.Code.BAD_CLASS_FILE, e.code);
            return e.getMessage();
        }
    }

    /** The index of the Utf8 entry {@code text} in the pool. */
    private static int utf8(byte[] classFile, String text) {
        ClassReader r = new ClassReader(classFile);
        for (int i = 1; i < r.getItemCount(); i++) {
            int at = r.getItem(i);
            if (at != 0 && r.readByte(at - 1) == 1
                    && text.equals(new String(classFile, at + 2, r.readUnsignedShort(at), StandardCharsets.UTF_8))) {
                return i;
            }
        }
        throw new AssertionError(text);
    }

    private static Consumer<MethodVisitor> ldc(Handle h) {
        return mv -> {
            mv.visitLdcInsn(h);
            mv.visitInsn(POP);
        };
    }

    @Test
    void aPoolAsJavacWritesItPasses() {
        assertEquals("ok", check(cls(mv -> {
            mv.visitLdcInsn("text");
            mv.visitLdcInsn(2.5);
            mv.visitInsn(POP2);
            mv.visitInsn(POP);
            mv.visitFieldInsn(GETSTATIC, "java/lang/System", "out", "Ljava/io/PrintStream;");
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "hashCode", "()I", false);
            mv.visitInsn(POP);
            mv.visitLdcInsn(new Handle(H_INVOKEINTERFACE, "java/lang/Runnable", "run", "()V", true));
            mv.visitLdcInsn(new Handle(H_INVOKESTATIC, "java/util/List", "of", "()Ljava/util/List;", true));
            mv.visitLdcInsn(new Handle(H_NEWINVOKESPECIAL, "java/lang/Object", "<init>", "()V", false));
            mv.visitInsn(POP);
            mv.visitInsn(POP);
            mv.visitInsn(POP);
        })));
    }

    @Test
    void aUtf8EntryThatIsNotModifiedUtf8() {
        byte[] b = cls(mv -> {
            mv.visitLdcInsn("zzzz");
            mv.visitInsn(POP);
        });
        int index = utf8(b, "zzzz");
        int at = new ClassReader(b).getItem(index);
        byte[] zero = b.clone();
        zero[at + 3] = 0;
        byte[] high = b.clone();
        high[at + 3] = (byte) 0xF0;
        byte[] cut = b.clone();
        cut[at + 5] = (byte) 0xE0; // a three-byte sequence with one byte left
        String bad = "corrupt class file: constant pool entry " + index + " (tag 1) is malformed or refers to the wrong kind"
                + " of entry";
        assertEquals(List.of(bad, bad, bad), List.of(check(zero), check(high), check(cut)));
    }

    @Test
    void aMethodReferenceToAClassInitialiserNamesAnIllegalMember() {
        byte[] b = cls(mv -> mv.visitMethodInsn(INVOKESTATIC, "t/Pool", "<clinit>", "()V", false));
        String message = check(b);
        assertTrue(message.matches("corrupt class file: constant pool entry \\d+ \\(tag 10\\) names an illegal"
                + " class, member or type"), message);
    }

    /**
     * JVMS 4.4.8: REF_invokeVirtual and REF_newInvokeSpecial name a Methodref, REF_invokeInterface an
     * InterfaceMethodref. The JVM refuses a class whose handle names the other kind; so does the check.
     */
    @Test
    void aMethodHandleMustNameTheKindOfReferenceItsKindCalls() throws Exception {
        byte[] interfaceAsClass = cls(ldc(new Handle(H_INVOKEINTERFACE, "java/lang/Runnable", "run", "()V", false)));
        byte[] virtualOnInterface = cls(ldc(new Handle(H_INVOKEVIRTUAL, "java/lang/Runnable", "run", "()V", true)));
        byte[] constructorOnInterface = cls(ldc(new Handle(H_NEWINVOKESPECIAL, "java/lang/Runnable", "<init>", "()V", true)));
        for (byte[] b : List.of(interfaceAsClass, virtualOnInterface, constructorOnInterface)) {
            assertTrue(check(b).matches("corrupt class file: constant pool entry \\d+ \\(tag 15\\) is malformed or"
                    + " refers to the wrong kind of entry"), check(b));
            assertThrows(ClassFormatError.class, () -> new ClassLoader(getClass().getClassLoader()) {
                Class<?> define() {
                    return defineClass("t.Pool", b, 0, b.length);
                }
            }.define(), "the JVM refuses it too");
        }
        // and newInvokeSpecial calls a constructor, the other method kinds never one
        byte[] staticInit = cls(ldc(new Handle(H_INVOKESTATIC, "java/lang/Object", "<init>", "()V", false)));
        byte[] newHash = cls(ldc(new Handle(H_NEWINVOKESPECIAL, "java/lang/Object", "hashCode", "()I", false)));
        for (byte[] b : List.of(staticInit, newHash)) {
            assertTrue(check(b).matches("corrupt class file: constant pool entry \\d+ \\(tag 15\\) names an illegal"
                    + " class, member or type"), check(b));
            assertThrows(ClassFormatError.class, () -> new ClassLoader(getClass().getClassLoader()) {
                Class<?> define() {
                    return defineClass("t.Pool", b, 0, b.length);
                }
            }.define(), "the JVM refuses it too");
        }
        // in a coroutine's class: rejected, where it used to be woven into a class the JVM refuses
        byte[] coroutine = PassTesting.coroutineClass("Handles", "", mv -> {
            ldc(new Handle(H_INVOKEINTERFACE, "java/lang/Runnable", "run", "()V", false)).accept(mv);
            mv.visitInsn(ACONST_NULL);
            PassTesting.done(mv);
        });
        WeaveResult r = new Weaver(ClassHierarchy.ofClassLoader(getClass().getClassLoader())).weave(coroutine);
        assertEquals(WeaveResult.Status.REJECTED, r.status());
        assertEquals(1, r.diagnostics().size());
        assertTrue(r.diagnostics().get(0).format().matches("Handles.class: t.Handles: corrupt class file: constant pool"
                + " entry \\d+ \\(tag 15\\) is malformed or refers to the wrong kind of entry"), r.diagnostics().toString());
    }
}
