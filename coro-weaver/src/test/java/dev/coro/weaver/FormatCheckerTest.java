package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link FormatChecker#check}: the JVM's format rules on what ASM read (names, descriptors, modifiers,
 * code where it belongs, operands), each broken rule a BAD_CLASS_FILE shown as
 * {@code method@line: message} ({@code -} for a class-level problem).
 */
class FormatCheckerTest {
    /** Class t/Fmt (Fmt.java), {@code access} (an interface when it says so), changed by {@code members}. */
    private static ClassNode cls(int access, Consumer<ClassNode> members) {
        ClassNode cn = new ClassNode();
        cn.visit(V11, access, "t/Fmt", null, "java/lang/Object", null);
        cn.visitSource("Fmt.java", null);
        members.accept(cn);
        return cn;
    }

    private static void method(ClassNode cn, int access, String name, String desc, Consumer<MethodVisitor> body) {
        MethodVisitor mv = cn.visitMethod(access, name, desc, null, null);
        if (body != null) {
            mv.visitCode();
            body.accept(mv);
            mv.visitMaxs(2, 2);
        }
        mv.visitEnd();
    }

    private static String check(ClassNode cn) {
        try {
            FormatChecker.check(cn);
            return "ok";
        } catch (WeaveException e) {
            assertEquals(Diagnostic.Code.BAD_CLASS_FILE, e.code);
            return (e.method == null ? "-" : e.method + "@" + e.line) + ": " + e.getMessage();
        }
    }

    private static Consumer<MethodVisitor> returns(int line) {
        return mv -> {
            PassTesting.line(mv, line);
            mv.visitInsn(RETURN);
        };
    }

    @Test
    void aClassAsJavacWritesItPasses() {
        assertEquals("ok", check(cls(ACC_PUBLIC | ACC_SUPER, cn -> {
            cn.visitField(ACC_PRIVATE | ACC_FINAL, "x", "I", null, null).visitEnd();
            method(cn, ACC_PUBLIC, "<init>", "()V", returns(1));
            method(cn, ACC_STATIC, "<clinit>", "()V", returns(2));
            method(cn, ACC_PUBLIC | ACC_ABSTRACT, "a", "()V", null);
            method(cn, ACC_PRIVATE | ACC_STATIC, "lambda$a$0", "([Ljava/lang/String;)Ljava/lang/Object;", mv -> {
                mv.visitLdcInsn(Type.getType("[Ljava/lang/String;"));
                mv.visitInsn(ARETURN);
            });
        })));
    }

    @Test
    void classAndFieldModifiers() {
        assertEquals("-: corrupt class file: an interface must be abstract, not final, and extend java.lang.Object",
                check(cls(ACC_PUBLIC | ACC_INTERFACE, cn -> {})));
        assertEquals("-: corrupt class file: illegal class modifiers 0x411",
                check(cls(ACC_PUBLIC | ACC_FINAL | ACC_ABSTRACT, cn -> {})));
        assertEquals("-: corrupt class file: field x has illegal modifiers 0x1",
                check(cls(ACC_PUBLIC | ACC_INTERFACE | ACC_ABSTRACT, cn -> cn.visitField(ACC_PUBLIC, "x", "I", null, null))));
        assertEquals("-: corrupt class file: field x has illegal modifiers 0x50",
                check(cls(ACC_PUBLIC, cn -> cn.visitField(ACC_FINAL | ACC_VOLATILE, "x", "I", null, null))));
        assertEquals("-: corrupt class file: field \"a.b\" has an illegal name or type \"I\"",
                check(cls(ACC_PUBLIC, cn -> cn.visitField(0, "a.b", "I", null, null))));
    }

    @Test
    void methodNamesModifiersAndCodeWhereItBelongs() {
        assertEquals("<clinit>@3: corrupt class file: method \"<clinit>\" has an illegal name or descriptor \"(I)V\"",
                check(cls(ACC_PUBLIC, cn -> method(cn, ACC_STATIC, "<clinit>", "(I)V", returns(3)))));
        assertEquals("a@0: corrupt class file: method a has illegal modifiers 0x402",
                check(cls(ACC_PUBLIC, cn -> method(cn, ACC_PRIVATE | ACC_ABSTRACT, "a", "()V", null))));
        assertEquals("a@4: corrupt class file: method a is abstract or native but has code",
                check(cls(ACC_PUBLIC, cn -> method(cn, ACC_PUBLIC | ACC_ABSTRACT, "a", "()V", returns(4)))));
        assertEquals("b@0: corrupt class file: method b has no code",
                check(cls(ACC_PUBLIC, cn -> method(cn, ACC_PUBLIC, "b", "()V", null))));
        // in an interface (Java 8 on): a private method needs code, every method is public or private
        assertEquals("c@0: corrupt class file: method c has no code",
                check(cls(ACC_PUBLIC | ACC_INTERFACE | ACC_ABSTRACT, cn -> method(cn, ACC_PRIVATE, "c", "()V", null))));
        assertEquals("d@0: corrupt class file: method d has illegal modifiers 0x400",
                check(cls(ACC_PUBLIC | ACC_INTERFACE | ACC_ABSTRACT, cn -> method(cn, ACC_ABSTRACT, "d", "()V", null))));
    }

    @Test
    void anInstructionNamingAnIllegalClassIsReportedAtItsLine() {
        assertEquals("m@7: corrupt class file: method m has an instruction naming an illegal class, member or type",
                check(cls(ACC_PUBLIC, cn -> method(cn, ACC_STATIC, "m", "()V", mv -> {
                    PassTesting.line(mv, 6);
                    mv.visitInsn(NOP);
                    PassTesting.line(mv, 7);
                    mv.visitTypeInsn(NEW, "a.b.C");
                    mv.visitInsn(POP);
                    mv.visitInsn(RETURN);
                }))));
        assertEquals("m@8: corrupt class file: method m has an instruction naming an illegal class, member or type",
                check(cls(ACC_PUBLIC, cn -> method(cn, ACC_STATIC, "m", "()V", mv -> {
                    PassTesting.line(mv, 8);
                    mv.visitMethodInsn(INVOKESTATIC, "t/Fmt", "<clinit>", "()V", false);
                    mv.visitInsn(RETURN);
                }))));
    }
}
