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

    /**
     * t/Gen with the coroutine {@code m()} and a plain {@code static p} of descriptor {@code desc} whose
     * code {@code plain} writes (frames computed when {@code flags} asks), after {@code extra} has added
     * members or attributes to the class.
     */
    static byte[] withPlainMethod(int flags, String desc, Consumer<ClassWriter> extra, Consumer<MethodVisitor> plain) {
        ClassWriter cw = new ClassWriter(flags);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "t/Gen", null, "java/lang/Object", null);
        cw.visitSource("Gen.java", null);
        extra.accept(cw);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_PUBLIC, "m", "()Ldev/coro/Coro;", null, null);
        mv.visitAnnotation("Ldev/coro/Coroutine;", false).visitEnd();
        mv.visitCode();
        line(mv, 3);
        yieldAndReturn(mv);
        mv.visitMaxs(1, 0);
        mv.visitEnd();
        mv = cw.visitMethod(Opcodes.ACC_STATIC, "p", desc, null, null);
        mv.visitCode();
        plain.accept(mv);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    static void line(MethodVisitor mv, int line) {
        Label l = new Label();
        mv.visitLabel(l);
        mv.visitLineNumber(line, l);
    }

    /** {@code b} with the first occurrence of {@code from} replaced by {@code to} (the same length). */
    static byte[] patch(byte[] b, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= b.length; i++) {
            if (java.util.Arrays.equals(b, i, i + from.length, from, 0, from.length)) {
                byte[] out = b.clone();
                System.arraycopy(to, 0, out, i, to.length);
                return out;
            }
        }
        throw new AssertionError("pattern not found");
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    /** The constant pool index of the Utf8 entry {@code value} (ASCII) in {@code b}. */
    static int utf8Index(byte[] b, String value) {
        ClassReader r = new ClassReader(b);
        byte[] entry = (" " + value).getBytes();
        entry[0] = (byte) value.length(); // after the length's high byte, 0 for a short value
        for (int i = 1; i < r.getItemCount(); i++) {
            int at = r.getItem(i);
            if (at > 0 && r.readByte(at - 1) == 1 && java.util.Arrays.equals(b, at + 1, at + 1 + entry.length, entry, 0,
                    entry.length)) {
                return i;
            }
        }
        throw new AssertionError("no Utf8 entry " + value);
    }

    /** The one diagnostic of a rejected weave. */
    private Diagnostic rejected(byte[] b) {
        WeaveResult r = weaver.weave(b);
        assertEquals(WeaveResult.Status.REJECTED, r.status());
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        return r.diagnostics().get(0);
    }

    static void assertDiagnostic(String method, int line, String message, Diagnostic d) {
        assertDiagnostic("Gen.java", method, line, message, d);
    }

    static void assertDiagnostic(String source, String method, int line, String message, Diagnostic d) {
        assertEquals(Diagnostic.Code.BAD_CLASS_FILE, d.code(), d.toString());
        assertEquals(source, d.sourceFile(), d.toString());
        assertEquals(method, d.methodName(), d.toString());
        assertEquals(line, d.line(), d.toString());
        assertEquals(message, d.message());
    }

    /** A plain method {@code p(I)I} that branches on its argument (lines 5, 6, 7), with a stack map frame. */
    static byte[] branchOnFirstArgument() {
        return withPlainMethod(ClassWriter.COMPUTE_FRAMES, "(I)I", cw -> { }, mv -> {
            Label zero = new Label();
            line(mv, 5);
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            mv.visitJumpInsn(Opcodes.IFEQ, zero);
            line(mv, 6);
            mv.visitInsn(Opcodes.ICONST_1);
            mv.visitInsn(Opcodes.IRETURN);
            mv.visitLabel(zero);
            line(mv, 7);
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitInsn(Opcodes.IRETURN);
            mv.visitMaxs(0, 0);
        });
    }

    @Test
    void aDamagedStackMapTableIsABadClassFileAtTheBranchTarget() {
        // mutation soak, seed 1: 586606722987072023, -7699003483412926470, 8494810869322837775. A constant
        // pool index shifted by one named the StackMapTable otherwise: no StackMapTable to the JVM, and ASM
        // wrote the plain method back without frames ("Expecting a stackmap frame at branch target")
        byte[] b = branchOnFirstArgument();
        byte[] damaged = patch(b, "StackMapTable".getBytes(), "StackMapTablf".getBytes());
        assertDiagnostic("p", 7, "corrupt class file: method p(I)I has a branch target (offset 6) without a stack map"
                + " frame (a damaged StackMapTable)", rejected(damaged));
        assertEquals(WeaveResult.Status.WOVEN, weaver.weave(b).status(), "undamaged, it weaves");
    }

    /** p()V: {@code aconst_null; pop} (line 5) guarded by a handler for {@code type} at offset 3 (line 7). */
    private static byte[] catching(String type) {
        return withPlainMethod(ClassWriter.COMPUTE_FRAMES, "()V", cw -> { }, mv -> {
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            mv.visitTryCatchBlock(start, end, handler, type);
            mv.visitLabel(start);
            line(mv, 5);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitInsn(Opcodes.POP);
            mv.visitLabel(end);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitLabel(handler);
            line(mv, 7);
            mv.visitInsn(Opcodes.POP);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
        });
    }

    @Test
    void aCatchTypeThatIsNoThrowableIsABadClassFile() {
        // mutation soak, seed 1: 1320348840984265733 (a catch type shifted to dev.coro.Yield). ASM's verifier
        // does not check catch types; the JVM's said "Catch type is not a subclass of Throwable" of the woven class
        assertDiagnostic("p", 7, "corrupt class file: method p()V has an exception handler for java.lang.String,"
                + " which is not a subclass of java.lang.Throwable", rejected(catching("java/lang/String")));
        assertEquals(WeaveResult.Status.WOVEN, weaver.weave(catching("java/lang/RuntimeException")).status());
    }

    @Test
    void aCatchTypeThatIsNoClassConstantIsABadClassFile() {
        // mutation soak, seed 1: -1112547955954290631 (catch type 0, catch all, set to a Utf8 entry)
        byte[] b = catching("java/lang/RuntimeException");
        ClassReader r = new ClassReader(b);
        int classEntry = r.readUnsignedShort(r.header + 2);
        int utf8 = r.readUnsignedShort(r.getItem(classEntry)); // "t/Gen"
        // the exception table's one entry: start 0, end 2, handler 3, then the catch type
        byte[] damaged = patch(b, bytes(0, 0, 0, 2, 0, 3), bytes(0, 0, 0, 2, 0, 3, utf8 >> 8, utf8 & 0xFF));
        assertDiagnostic("p", 7, "corrupt class file: method p()V has an exception handler whose catch type " + utf8
                + " is not a Class constant", rejected(damaged));
    }

    @Test
    void anInstructionWhoseOperandIsTheWrongKindIsABadClassFile() {
        // mutation soak, seed 1: -5719608225637601941 ("Call to wrong <init> method"), -7341837654855835637. ASM
        // reads a new whose operand is a Methodref as if it were a Class, and wrote out a class naming another
        byte[] b = withPlainMethod(ClassWriter.COMPUTE_MAXS, "()V", cw -> { }, mv -> {
            line(mv, 5);
            mv.visitTypeInsn(Opcodes.NEW, "java/lang/Object");
            mv.visitInsn(Opcodes.DUP);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            mv.visitInsn(Opcodes.POP);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
        });
        int at = 0;
        while (!((b[at] & 0xFF) == Opcodes.NEW && b[at + 3] == Opcodes.DUP && (b[at + 4] & 0xFF) == Opcodes.INVOKESPECIAL)) at++;
        byte[] damaged = b.clone();
        damaged[at + 1] = b[at + 5]; // new #<the Methodref invokespecial names>
        damaged[at + 2] = b[at + 6];
        int methodref = ((b[at + 5] & 0xFF) << 8) | (b[at + 6] & 0xFF);
        assertDiagnostic("p", 5, "corrupt class file: method p()V has an instruction (opcode 187) at offset 0 whose"
                + " constant pool operand " + methodref + " is not of the kind it needs", rejected(damaged));
    }

    @Test
    void aThisClassThatIsNoClassConstantIsABadClassFileNotAnInternalError() {
        // mutation soak, seed 1: 4928132955482267186 (this_class shifted to a Utf8 entry). ASM read the Utf8
        // as the class's name; the woven class's own name then did not match its code: "internal error"
        byte[] b = coroutineClass(CorruptInputTest::yieldAndReturn);
        ClassReader r = new ClassReader(b);
        int classEntry = r.readUnsignedShort(r.header + 2);
        int utf8 = r.readUnsignedShort(r.getItem(classEntry));
        byte[] damaged = b.clone();
        damaged[r.header + 2] = (byte) (utf8 >> 8);
        damaged[r.header + 3] = (byte) utf8;
        assertDiagnostic(null, 0, "corrupt class file: the class has a this_class that is not a Class constant",
                rejected(damaged));
    }

    @Test
    void aFieldWhoseNameIsNoUtf8ConstantIsABadClassFile() {
        // mutation soak, seed 1: 4026354402453542139 (a field's name index shifted to a Class entry)
        byte[] b = withPlainMethod(ClassWriter.COMPUTE_MAXS, "()V", cw -> cw.visitField(Opcodes.ACC_STATIC, "f", "I",
                null, null).visitEnd(), mv -> {
                    mv.visitInsn(Opcodes.RETURN);
                    mv.visitMaxs(0, 0);
                });
        ClassReader r = new ClassReader(b);
        int fields = r.header + 8 + 2 * r.readUnsignedShort(r.header + 6);
        byte[] damaged = b.clone();
        damaged[fields + 4] = b[r.header + 2]; // the field's name: this_class, a Class entry
        damaged[fields + 5] = b[r.header + 3];
        assertDiagnostic(null, 0, "corrupt class file: the class has a field whose name or type is not a Utf8 constant",
                rejected(damaged));
    }

    @Test
    void anInnerClassesAttributeOfTheWrongLengthIsABadClassFile() {
        // mutation soak, seed 1: -3392644315326911818. ASM reads InnerClasses by its count, the JVM checks its
        // length: one byte short, the class's next attribute was read from the wrong place
        byte[] b = withPlainMethod(ClassWriter.COMPUTE_MAXS, "()V",
                cw -> cw.visitInnerClass("t/Gen$In", "t/Gen", "In", Opcodes.ACC_STATIC), mv -> {
                    mv.visitInsn(Opcodes.RETURN);
                    mv.visitMaxs(0, 0);
                });
        ClassReader r = new ClassReader(b);
        int name = utf8Index(b, "InnerClasses");
        byte[] damaged = patch(b, bytes(name >> 8, name & 0xFF, 0, 0, 0, 10, 0, 1), bytes(name >> 8, name & 0xFF, 0, 0, 0, 9));
        // the class's SourceFile attribute follows InnerClasses, so the damage hides it: the class file names the file
        assertDiagnostic(null, null, 0, "corrupt class file: the class has an attribute InnerClasses of the wrong length",
                rejected(damaged));
    }

    @Test
    void aMaxStackOf65535IsLoweredToWhatTheCodeNeeds() throws Exception {
        // mutation soak, seed 1: 1183578885202983380. Valid, but ASM's analyser allocated 65,535 stack slots
        // per instruction in each analysis: the weave took seconds, over the fuzzer's limit under load
        byte[] b = withPlainMethod(0, "()V", cw -> { }, mv -> {
            line(mv, 5);
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitInsn(Opcodes.POP);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(65535, 0);
        });
        WeaveResult r = weaver.weave(b);
        assertEquals(WeaveResult.Status.WOVEN, r.status(), r.diagnostics().toString());
        ClassNode woven = new ClassNode();
        new ClassReader(r.bytes()).accept(woven, 0);
        assertEquals(List.of("p 1"), woven.methods.stream().filter(m -> m.name.equals("p"))
                .map(m -> m.name + " " + m.maxStack).toList());
        Class.forName("t.Gen", true, new Loader().defineLoader(r.bytes())); // verifies
    }

    @Test
    void aNestHostThatIsNoClassConstantIsABadClassFile() {
        // mutation soak, seed 2: -6823772591243580019. ASM read the Utf8 entry as the host's name and wrote it
        // back as a class name the JVM refused ("Illegal class name")
        byte[] b = withPlainMethod(ClassWriter.COMPUTE_MAXS, "()V", cw -> cw.visitNestHost("t/Host"), mv -> {
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
        });
        int name = utf8Index(b, "NestHost");
        int host = utf8Index(b, "t/Host");
        byte[] damaged = patch(b, bytes(name >> 8, name & 0xFF, 0, 0, 0, 2),
                bytes(name >> 8, name & 0xFF, 0, 0, 0, 2, host >> 8, host & 0xFF));
        assertDiagnostic(null, 0, "corrupt class file: the class has a NestHost attribute naming entry " + host
                + ", which is not a Class constant", rejected(damaged));
    }

    @Test
    void aCoroutineDeclaring65535LocalsIsWovenWithinTheJvmsLimit() throws Exception {
        // mutation soak, seed 2: -4668112381291122182. The woven coroutine's temporaries are numbered from its
        // max_locals up: past 65,535, ASM's writer wrapped them (an IllegalArgumentException, "internal error")
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "t/Gen", null, "java/lang/Object", null);
        cw.visitSource("Gen.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_PUBLIC, "m", "()Ldev/coro/Coro;", null, null);
        mv.visitAnnotation("Ldev/coro/Coroutine;", false).visitEnd();
        mv.visitCode();
        line(mv, 3);
        mv.visitLdcInsn("kept"); // on the stack across the suspension: spilled into a temporary local
        yieldAndReturn(mv);
        mv.visitMaxs(2, 65535);
        mv.visitEnd();
        cw.visitEnd();
        WeaveResult r = weaver.weave(cw.toByteArray());
        assertEquals(WeaveResult.Status.WOVEN, r.status(), r.diagnostics().toString());
        ClassNode woven = new ClassNode();
        new ClassReader(r.bytes()).accept(woven, 0);
        assertEquals(List.of("m 0", "m 6"), woven.methods.stream().filter(m -> m.name.equals("m"))
                .map(m -> m.name + " " + m.maxLocals).toList());
        Class.forName("t.Gen", true, new Loader().defineLoader(r.bytes())); // verifies
    }

    @Test
    void aClassThatMerelyContainsTheMarkersDescriptorIsWoven() throws Exception {
        // issue 12, item 14: the gate took any constant spelling the marker for the marker itself
        byte[] b = coroutineClass(mv -> {
            mv.visitLdcInsn("Ldev/coro/internal/Woven;");
            mv.visitInsn(Opcodes.POP);
            yieldAndReturn(mv);
        });
        assertEquals(true, Weaver.needsWeaving(b));
        WeaveResult r = weaver.weave(b);
        assertEquals(WeaveResult.Status.WOVEN, r.status(), r.diagnostics().toString());
        assertEquals(false, Weaver.needsWeaving(r.bytes()), "woven, it carries the real marker");
        assertEquals(WeaveResult.Status.ALREADY_WOVEN, weaver.weave(r.bytes()).status());
    }

    /** Defines one class; everything else from the test's class path. */
    private static final class Loader extends ClassLoader {
        Loader() {
            super(CorruptInputTest.class.getClassLoader());
        }

        Class<?> define(byte[] b) {
            return defineClass(null, b, 0, b.length);
        }

        /** This loader, with {@code b} defined in it. */
        Loader defineLoader(byte[] b) {
            define(b);
            return this;
        }
    }
}
