package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.objectweb.asm.Opcodes.*;

/** {@link CatchTypes}: every handler must catch a Throwable; a class the hierarchy cannot find is left to the JVM. */
class CatchTypesTest {
    private static final ClassHierarchy HIERARCHY = HostileHierarchyTest.over(Map.of(
            "t/Oops", HostileHierarchyTest.header("t/Oops", "java/lang/RuntimeException", ACC_PUBLIC)));

    /** Class t/Catch (Catch.java) whose method {@code m} catches {@code type} in a handler at line 8. */
    private static ClassNode catching(String type) {
        ClassNode cn = new ClassNode();
        cn.visit(V11, ACC_PUBLIC | ACC_SUPER, "t/Catch", null, "java/lang/Object", null);
        cn.visitSource("Catch.java", null);
        MethodNode m = (MethodNode) cn.visitMethod(ACC_STATIC, "m", "()V", null, null);
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        m.visitTryCatchBlock(start, end, handler, type);
        m.visitLabel(start);
        PassTesting.line(m, 7);
        m.visitInsn(NOP);
        m.visitLabel(end);
        m.visitInsn(RETURN);
        m.visitLabel(handler);
        PassTesting.line(m, 8);
        m.visitInsn(POP);
        m.visitInsn(RETURN);
        m.visitMaxs(1, 0);
        return cn;
    }

    /** What the check says of a handler of {@code type}: {@code ok}, or the diagnostic's code and line. */
    private static String outcome(String type) {
        try {
            CatchTypes.check(catching(type), HIERARCHY);
            return "ok";
        } catch (WeaveException e) {
            return e.code + "@" + e.line;
        }
    }

    @Test
    void throwablesFinallyAndClassesThatCannotBeFoundPass() {
        assertEquals(List.of("ok", "ok", "ok", "ok", "ok", "ok", "BAD_CLASS_FILE@8", "BAD_CLASS_FILE@8"),
                Stream.of("java/lang/Throwable", "java/io/IOException", "t/Oops", "t/Gone", "[Ljava/lang/String;", null,
                        "java/lang/String", "java/lang/Object").map(CatchTypesTest::outcome).toList());
    }

    @Test
    void aClassThatIsNoThrowableIsABadClassFileAtTheHandlersLine() {
        WeaveException e = assertThrows(WeaveException.class, () -> CatchTypes.check(catching("java/lang/String"), HIERARCHY));
        assertEquals(Diagnostic.Code.BAD_CLASS_FILE, e.code);
        assertEquals(8, e.line);
        assertEquals("m", e.method);
        assertEquals("Catch.java", e.sourceFile);
        assertEquals("corrupt class file: method m()V has an exception handler for java.lang.String, which is not a"
                + " subclass of java.lang.Throwable", e.getMessage());
    }
}
