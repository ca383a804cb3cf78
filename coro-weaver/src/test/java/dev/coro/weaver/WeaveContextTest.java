package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link WeaveContext}: whatever a step throws becomes one diagnostic naming the class, the method
 * being handled and its source file as far as they are known, at the line known or the method's first.
 */
class WeaveContextTest {
    private static final byte[] CLASS_FILE = PassTesting.coroutineClass("Ctx", "", mv -> {
        PassTesting.line(mv, 5);
        mv.visitInsn(org.objectweb.asm.Opcodes.ACONST_NULL);
        PassTesting.done(mv);
    });

    /** A context past parsing, handling method m (first line 5). */
    private static WeaveContext handlingM() {
        WeaveContext at = new WeaveContext(CLASS_FILE);
        at.cls = new ClassNode();
        new ClassReader(CLASS_FILE).accept(at.cls, 0);
        at.readingInput = false;
        at.handling(at.cls.methods.stream().filter(m -> m.name.equals("m")).findFirst().orElseThrow());
        return at;
    }

    @Test
    void aWeaveExceptionGetsTheMethodAndItsFirstLineWhenItHasNoLine() {
        WeaveContext at = handlingM();
        assertEquals("Ctx.java:9: t.Ctx.m(): at nine", at.diagnostic(
                new WeaveException(Diagnostic.Code.UNSUPPORTED_CODE, 9, "at nine")).format());
        Diagnostic d = at.diagnostic(new WeaveException(Diagnostic.Code.MISSING_CLASS, "no line"));
        assertEquals(new Diagnostic(Diagnostic.Code.MISSING_CLASS, "t.Ctx", "m", "Ctx.java", 5, "no line"), d);
        at.handling(null);
        assertEquals("Ctx.java: t.Ctx: about the class", at.diagnostic(
                new WeaveException(Diagnostic.Code.NAME_CLASH, "about the class")).format());
    }

    @Test
    void anInputCheckThatKnowsWhereItIsIsTakenAtItsWord() {
        WeaveContext before = new WeaveContext(CLASS_FILE);
        assertEquals(new Diagnostic(Diagnostic.Code.BAD_CLASS_FILE, "t.Ctx", "x", "X.java", 3, "bad"),
                before.diagnostic(new WeaveException(Diagnostic.Code.BAD_CLASS_FILE, 3, "bad", "x", "X.java")));
    }

    @Test
    void otherThrowablesByWhatTheyMean() {
        WeaveContext reading = new WeaveContext(CLASS_FILE);
        assertEquals("Ctx.class: t.Ctx: corrupt class file: java.lang.ArrayIndexOutOfBoundsException: Array index out of range: 7",
                reading.diagnostic(new ArrayIndexOutOfBoundsException(7)).format());
        assertEquals(Diagnostic.Code.BAD_CLASS_FILE, reading.diagnostic(new ArrayIndexOutOfBoundsException(7)).code());
        WeaveContext at = handlingM();
        Diagnostic internal = at.diagnostic(new IllegalStateException("oops"));
        assertEquals(Diagnostic.Code.INTERNAL_ERROR, internal.code());
        assertEquals("Ctx.java:5: t.Ctx.m(): internal error in the coro weaver (please report it):"
                + " java.lang.IllegalStateException: oops", internal.format());
        Diagnostic stack = at.diagnostic(new StackOverflowError());
        assertEquals(Diagnostic.Code.OUT_OF_STACK, stack.code());
        assertEquals("Ctx.java:5: t.Ctx.m(): the weaver ran out of thread stack (StackOverflowError): weave on a thread"
                + " with a larger stack", stack.format());
        assertEquals(Diagnostic.Code.INTERNAL_ERROR, reading.diagnostic(new NoClassDefFoundError("x")).code(),
                "a LinkageError is the JVM's, not the input's");
    }

    @Test
    void aClassFileThatDoesNotParseIsNamedAsUnreadable() {
        WeaveContext at = new WeaveContext(new byte[] {1, 2, 3});
        assertEquals("<unreadable class file>.class: <unreadable class file>: corrupt class file: java.lang.RuntimeException: x",
                at.diagnostic(new RuntimeException("x")).format());
    }
}
