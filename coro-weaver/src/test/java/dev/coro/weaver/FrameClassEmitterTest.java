package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;

import static dev.coro.weaver.PassTesting.done;
import static dev.coro.weaver.PassTesting.line;
import static dev.coro.weaver.PassTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link FrameClassEmitter}: the shape of a frame class (its header, its fields with their access and
 * exact descriptors, no boxed primitive anywhere, the constructor and {@code clearLocals}), emitted
 * alone and then from a whole coroutine through the weaver's passes, where the footprint of a frame
 * becomes a fact a test can hold: one field per parameter and per pooled saved local, nothing else.
 */
class FrameClassEmitterTest {
    private static final ClassHierarchy HIERARCHY = ClassHierarchy.ofClassLoader(FrameClassEmitterTest.class.getClassLoader());

    private static ClassNode read(byte[] classFile) {
        ClassNode cn = new ClassNode();
        new ClassReader(classFile).accept(cn, 0);
        return cn;
    }

    /** Each field as {@code access name desc}, access being {@code private} or {@code package}. */
    private static List<String> fields(ClassNode cn) {
        return cn.fields.stream().map(FrameClassEmitterTest::field).toList();
    }

    private static String field(FieldNode f) {
        String access = f.access == ACC_PRIVATE ? "private" : f.access == 0 ? "package" : "access 0x" + Integer.toHexString(f.access);
        return access + " " + f.name + " " + f.desc;
    }

    private static MethodNode method(ClassNode cn, String name) {
        return cn.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static final List<FrameLayout.Field> LOCALS = List.of(
            new FrameLayout.Field("i0", FrameLayout.Kind.INT, "I"),
            new FrameLayout.Field("j0", FrameLayout.Kind.LONG, "J"),
            new FrameLayout.Field("d0", FrameLayout.Kind.DOUBLE, "D"),
            new FrameLayout.Field("a0", FrameLayout.Kind.REF, "Ljava/lang/Object;"),
            new FrameLayout.Field("t0", FrameLayout.Kind.TYPED, "Ljava/lang/AbstractStringBuilder;"));

    @Test
    void aNestmateFrameOfAnInstanceCoroutine() {
        FrameClassEmitter.Shape shape = new FrameClassEmitter.Shape("t/Host", false, true, "Host.java", "m",
                "(IJLjava/lang/String;)Ldev/coro/Coro;", false, 12, "\f\r");
        ClassNode cn = read(FrameClassEmitter.emit(shape, "t/Host-m-Coro", LOCALS));
        assertEquals(V11, cn.version);
        assertEquals(ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, cn.access);
        assertEquals("dev/coro/internal/CoroFrame", cn.superName);
        assertEquals("t/Host", cn.nestHostClass);
        assertEquals("Host.java", cn.sourceFile);
        assertEquals(List.of("private self Lt/Host;", "private p0 I", "private p1 J", "private p2 Ljava/lang/String;",
                "private i0 I", "private j0 J", "private d0 D", "private a0 Ljava/lang/Object;",
                "private t0 Ljava/lang/AbstractStringBuilder;"), fields(cn));

        MethodNode ctor = method(cn, "<init>");
        assertEquals(ACC_PRIVATE, ctor.access);
        assertEquals("(Lt/Host;IJLjava/lang/String;)V", ctor.desc);
        assertEquals("""
                ALOAD 0
                INVOKESPECIAL dev/coro/internal/CoroFrame.<init> ()V
                ALOAD 0
                ALOAD 1
                PUTFIELD t/Host-m-Coro.self : Lt/Host;
                ALOAD 0
                ILOAD 2
                PUTFIELD t/Host-m-Coro.p0 : I
                ALOAD 0
                LLOAD 3
                PUTFIELD t/Host-m-Coro.p1 : J
                ALOAD 0
                ALOAD 5
                PUTFIELD t/Host-m-Coro.p2 : Ljava/lang/String;
                RETURN
                """, PassTesting.text(ctor));
        // every reference dropped, receiver and parameters included; the primitives stay
        assertEquals("""
                ALOAD 0
                ACONST_NULL
                PUTFIELD t/Host-m-Coro.self : Lt/Host;
                ALOAD 0
                ACONST_NULL
                PUTFIELD t/Host-m-Coro.p2 : Ljava/lang/String;
                ALOAD 0
                ACONST_NULL
                PUTFIELD t/Host-m-Coro.a0 : Ljava/lang/Object;
                ALOAD 0
                ACONST_NULL
                PUTFIELD t/Host-m-Coro.t0 : Ljava/lang/AbstractStringBuilder;
                RETURN
                """, PassTesting.text(method(cn, "clearLocals")));
        assertEquals("LDC \"t.Host.m\"\nARETURN\n", PassTesting.text(method(cn, "methodName")));
        assertEquals("LDC \"Host.java\"\nARETURN\n", PassTesting.text(method(cn, "sourceFile")));
        assertEquals("LDC \"\\u000c\\r\"\nILOAD 1\nINVOKEVIRTUAL java/lang/String.charAt (I)C\nIRETURN\n",
                PassTesting.text(method(cn, "line")));
        assertEquals(ACC_PRIVATE | ACC_STATIC, method(cn, "label").access);
        assertEquals("(Lt/Host-m-Coro;I)V", method(cn, "label").desc);
    }

    @Test
    void outsideANestTheMembersArePackagePrivateAndAStaticCoroutineHasNoReceiver() {
        FrameClassEmitter.Shape shape = new FrameClassEmitter.Shape("t/Old", false, false, null, "gen", "(D)Ldev/coro/Coro;",
                true, 0, "\0");
        ClassNode cn = read(FrameClassEmitter.emit(shape, "t/Old-gen-Coro", List.of()));
        assertNull(cn.nestHostClass);
        assertNull(cn.sourceFile);
        assertEquals(List.of("package p0 D"), fields(cn));
        assertEquals(0, method(cn, "<init>").access);
        assertEquals(ACC_STATIC, method(cn, "label").access);
        assertEquals("RETURN\n", PassTesting.text(method(cn, "clearLocals")));
        assertEquals("ACONST_NULL\nARETURN\n", PassTesting.text(method(cn, "sourceFile")));
        assertNull(OutputVerifier.verifyFrameClass(FrameClassEmitter.emit(shape, "t/Old-gen-Coro", List.of()), HIERARCHY,
                List.of("t/Old-gen-Coro")));
    }

    /**
     * <pre>
     *   static Coro m(int n) {
     *     String s = "text"; long l = 5; int b = 1; float f = 2;   // 50
     *     Yield.value(null);                                       // 51: saves s, l, b, f
     *     int k = s.length();                                      // 52
     *     Yield.value(null);                                       // 53: saves l, b, f, k; s is dead: its field is nulled
     *     return Yield.done(l + b + k + (long) f + n);             // 54
     *   }
     * </pre>
     */
    @Test
    void theFrameOfAWovenCoroutineHoldsItsParametersAndPooledLocalsUnboxed() throws Exception {
        byte[] c = PassTesting.coroutineClass("Frame", "I", mv -> {
            line(mv, 50);
            mv.visitLdcInsn("text");
            mv.visitVarInsn(ASTORE, 1);
            mv.visitLdcInsn(5L);
            mv.visitVarInsn(LSTORE, 2);
            mv.visitInsn(ICONST_1);
            mv.visitVarInsn(ISTORE, 4);
            mv.visitInsn(FCONST_2);
            mv.visitVarInsn(FSTORE, 5);
            line(mv, 51);
            mv.visitInsn(ACONST_NULL);
            value(mv);
            mv.visitInsn(POP);
            line(mv, 52);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
            mv.visitVarInsn(ISTORE, 6);
            line(mv, 53);
            mv.visitInsn(ACONST_NULL);
            value(mv);
            mv.visitInsn(POP);
            line(mv, 54);
            mv.visitVarInsn(LLOAD, 2);
            mv.visitVarInsn(ILOAD, 4);
            mv.visitInsn(I2L);
            mv.visitInsn(LADD);
            mv.visitVarInsn(ILOAD, 6);
            mv.visitInsn(I2L);
            mv.visitInsn(LADD);
            mv.visitVarInsn(FLOAD, 5);
            mv.visitInsn(F2L);
            mv.visitInsn(LADD);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitInsn(I2L);
            mv.visitInsn(LADD);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
            done(mv);
        });
        ClassNode host = read(c);
        MethodNode m = host.methods.stream().filter(x -> x.name.equals("m")).findFirst().orElseThrow();
        CoroutineMethodWeaver.Woven w = CoroutineMethodWeaver.weave(host, m, "t/Frame-m-Coro", true, HIERARCHY);
        ClassNode frame = read(w.frameClassFile());
        assertEquals(List.of("private p0 I", "private i0 I", "private i1 I", "private j0 J", "private f0 F",
                "private a0 Ljava/lang/Object;"), fields(frame));
        List<String> boxes = List.of("Ljava/lang/Boolean;", "Ljava/lang/Byte;", "Ljava/lang/Character;",
                "Ljava/lang/Short;", "Ljava/lang/Integer;", "Ljava/lang/Long;", "Ljava/lang/Float;", "Ljava/lang/Double;");
        for (FieldNode f : frame.fields) assertFalse(boxes.contains(f.desc), f.name + " holds a boxed primitive");
        assertNull(OutputVerifier.verifyFrameClass(w.frameClassFile(), HIERARCHY, List.of("t/Frame-m-Coro")));

        // the second point leaves a0 unused: the body drops its reference when it suspends there, and only there
        String body = PassTesting.text(w.body());
        String nulled = "ALOAD 1\nACONST_NULL\nPUTFIELD t/Frame-m-Coro.a0 : Ljava/lang/Object;\n";
        assertEquals(1, body.split(java.util.regex.Pattern.quote(nulled), -1).length - 1, body);
        int second = body.indexOf("LINENUMBER 53");
        assertTrue(body.indexOf(nulled) > second, body);

        assertEquals("next -> null; send a -> null; send b -> !StopIteration(22)",
                PassTesting.run(PassTesting.weaveAndLoad(c), new Object[] {10}, "a", "b"));
    }
}
