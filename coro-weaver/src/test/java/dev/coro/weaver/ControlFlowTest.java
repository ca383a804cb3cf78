package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.util.Printer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.objectweb.asm.Opcodes.*;

/**
 * {@link ControlFlow}: one analysis of a method built with ASM, its control-flow graph by instruction
 * index ({@code i OPCODE -> normal successors ! exception successors}), its frames, the lines it
 * reports, and an analysis failure turned into a diagnostic at its line.
 */
class ControlFlowTest {
    private static final ClassHierarchy HIERARCHY = ClassHierarchy.ofClassLoader(ControlFlowTest.class.getClassLoader());

    /**
     * <pre>
     *   static int m(int a) {
     *     if (a != 0) try { return a / 1; } catch (ArithmeticException e) { return -1; }   // 5, 7
     *     return 0;                                                                       // 6
     *   }
     * </pre>
     */
    private static MethodNode branchesAndAHandler() {
        MethodNode m = new MethodNode(ACC_STATIC, "m", "(I)I", null, null);
        Label tryStart = new Label();
        Label tryEnd = new Label();
        Label otherwise = new Label();
        Label handler = new Label();
        m.visitTryCatchBlock(tryStart, tryEnd, handler, "java/lang/ArithmeticException");
        PassTesting.line(m, 5);                      // 0 label, 1 line
        m.visitVarInsn(ILOAD, 0);                    // 2
        m.visitJumpInsn(IFEQ, otherwise);            // 3
        m.visitLabel(tryStart);                      // 4
        m.visitVarInsn(ILOAD, 0);                    // 5
        m.visitInsn(ICONST_1);                       // 6
        m.visitInsn(IDIV);                           // 7
        m.visitInsn(IRETURN);                        // 8
        m.visitLabel(tryEnd);                        // 9
        m.visitLabel(otherwise);                     // 10
        PassTesting.line(m, 6);                      // 11 label, 12 line
        m.visitInsn(ICONST_0);                       // 13
        m.visitInsn(IRETURN);                        // 14
        m.visitLabel(handler);                       // 15
        PassTesting.line(m, 7);                      // 16 label, 17 line
        m.visitInsn(POP);                            // 18
        m.visitInsn(ICONST_M1);                      // 19
        m.visitInsn(IRETURN);                        // 20
        m.visitMaxs(2, 1);
        return m;
    }

    @Test
    void theGraphByInstructionIndex() {
        MethodNode m = branchesAndAHandler();
        ControlFlow<BasicValue> flow = ControlFlow.analyze("t/Flow", m, new TypedInterpreter(HIERARCHY));
        List<String> graph = new ArrayList<>();
        for (int i = 0; i < m.instructions.size(); i++) {
            int op = m.instructions.get(i).getOpcode();
            if (op < 0) continue;
            String s = i + " " + Printer.OPCODES[op] + " -> " + flow.successors.get(i);
            if (!flow.exceptionSuccessors.get(i).isEmpty()) s += " ! " + flow.exceptionSuccessors.get(i);
            graph.add(s);
        }
        assertEquals(List.of("2 ILOAD -> [3]", "3 IFEQ -> [4, 10]", "5 ILOAD -> [6] ! [15]", "6 ICONST_1 -> [7] ! [15]",
                "7 IDIV -> [8] ! [15]", "8 IRETURN -> [] ! [15]", "13 ICONST_0 -> [14]", "14 IRETURN -> []",
                "18 POP -> [19]", "19 ICONST_M1 -> [20]", "20 IRETURN -> []"), graph);
        assertEquals(List.of(15), flow.exceptionSuccessors.get(4), "the try's start label too");
        assertNull(flow.frames[9], "after a return, before any jump target: unreachable");
        assertEquals("Ljava/lang/ArithmeticException;", flow.frames[18].getStack(0).getType().getDescriptor());
        assertEquals(5, ControlFlow.lineOf(m.instructions.get(7)));
        assertEquals(7, ControlFlow.lineOf(m.instructions.get(20)));
        assertEquals(0, ControlFlow.lineOf(m.instructions.get(0)));
        assertEquals(5, ControlFlow.firstLine(m));
    }

    @Test
    void bytecodeThatDoesNotAnalyseIsUnsupportedCodeAtItsLine() {
        MethodNode m = new MethodNode(ACC_STATIC, "m", "()Ljava/lang/Object;", null, null);
        PassTesting.line(m, 8);
        m.visitInsn(ACONST_NULL);
        m.visitInsn(POP);
        PassTesting.line(m, 9);
        m.visitInsn(POP);
        m.visitInsn(ACONST_NULL);
        m.visitInsn(ARETURN);
        m.visitMaxs(1, 0);
        WeaveException e = assertThrows(WeaveException.class,
                () -> ControlFlow.analyze("t/Bad", m, new TypedInterpreter(HIERARCHY)));
        assertEquals(Diagnostic.Code.UNSUPPORTED_CODE, e.code);
        assertEquals(9, e.line);
        assertEquals("cannot analyse the bytecode: Error at instruction 6: Cannot pop operand off an empty stack.",
                e.getMessage());
    }

    /** A diagnostic raised inside the interpreter (a class missing for a merge) keeps its code and gets the line. */
    @Test
    void aDiagnosticFromTheInterpreterKeepsItsCodeAndGetsTheLine() {
        ClassHierarchy missing = HostileHierarchyTest.over(Map.of(
                "t/A", HostileHierarchyTest.header("t/A", "t/Gone", ACC_PUBLIC),
                "t/B", HostileHierarchyTest.header("t/B", "java/lang/Object", ACC_PUBLIC)));
        MethodNode m = PassTesting.eitherArgument("t/A", "t/B", 11);
        WeaveException e = assertThrows(WeaveException.class,
                () -> ControlFlow.analyze("t/Merge", m, new TypedInterpreter(missing)));
        assertEquals(Diagnostic.Code.MISSING_CLASS, e.code);
        assertEquals(11, e.line);
        assertEquals("cannot find class t.Gone on the classpath: it is needed to compute stack map frames", e.getMessage());
    }
}
