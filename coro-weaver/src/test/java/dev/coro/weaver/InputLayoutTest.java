package dev.coro.weaver;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;

import static dev.coro.weaver.CorruptInputTest.assertDiagnostic;
import static dev.coro.weaver.CorruptInputTest.bytes;
import static dev.coro.weaver.CorruptInputTest.line;
import static dev.coro.weaver.CorruptInputTest.patch;
import static dev.coro.weaver.CorruptInputTest.utf8Index;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The raw-file rules of {@link ConstantPoolChecker}, {@link LayoutChecker}, {@link InstructionStarts}
 * and {@link StackMapCoverage}, each broken once in an otherwise valid class: t/Gen, whose plain
 * {@code static int p(int)} is {@code iload_0; ifeq +5; iconst_1; ireturn; iconst_0; ireturn} (offsets
 * 0, 1, 4, 5, 6; lines 5, 5, 6, 6, 7) with one stack map frame, at offset 6.
 */
class InputLayoutTest {
    private final Weaver weaver = new Weaver(ClassHierarchy.ofClassLoader(getClass().getClassLoader()));

    private static byte[] gen() {
        return CorruptInputTest.branchOnFirstArgument();
    }

    private static final int ILOAD_0 = 26;
    private static final byte[] CODE = bytes(ILOAD_0, Opcodes.IFEQ, 0, 5, Opcodes.ICONST_1, Opcodes.IRETURN);

    private Diagnostic rejected(byte[] b) {
        WeaveResult r = weaver.weave(b);
        assertEquals(WeaveResult.Status.REJECTED, r.status());
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        return r.diagnostics().get(0);
    }

    @Test
    void theUndamagedClassWeaves() {
        assertEquals(WeaveResult.Status.WOVEN, weaver.weave(gen()).status());
    }

    @Test
    void aUtf8EntryThatIsNotModifiedUtf8() {
        byte[] b = gen();
        int entry = utf8Index(b, "Gen.java");
        byte[] damaged = patch(b, "Gen.java".getBytes(), bytes('G', 'e', 'n', 0xF8, 'j', 'a', 'v', 'a'));
        assertDiagnostic(null, null, 0, "corrupt class file: constant pool entry " + entry
                + " (tag 1) is malformed or refers to the wrong kind of entry", rejected(damaged));
    }

    @Test
    void aJumpIntoTheMiddleOfAnInstruction() {
        byte[] damaged = patch(gen(), CODE, bytes(ILOAD_0, Opcodes.IFEQ, 0, 2));
        assertDiagnostic("p", 5, "corrupt class file: method p(I)I jumps to offset 3, where no instruction starts",
                rejected(damaged));
    }

    @Test
    void aJumpOutOfTheCode() {
        byte[] damaged = patch(gen(), CODE, bytes(ILOAD_0, Opcodes.IFEQ, 0, 50));
        assertDiagnostic("p", 5, "corrupt class file: method p(I)I has a jump at offset 1 that leaves its code",
                rejected(damaged));
    }

    @Test
    void anOpcodeTheJvmDoesNotHave() {
        byte[] damaged = patch(gen(), CODE, bytes(ILOAD_0, Opcodes.IFEQ, 0, 5, 0xCB));
        assertDiagnostic("p", 6, "corrupt class file: method p(I)I has an instruction (opcode 203) at offset 4 that"
                + " does not decode or runs past the end of its code", rejected(damaged));
    }

    @Test
    void aStackMapFrameWhereNoInstructionStarts() {
        int name = utf8Index(gen(), "StackMapTable");
        // StackMapTable: length 3, one frame, same_frame with offset_delta 6 (moved to 2, inside ifeq)
        byte[] damaged = patch(gen(), bytes(name >> 8, name & 0xFF, 0, 0, 0, 3, 0, 1, 6),
                bytes(name >> 8, name & 0xFF, 0, 0, 0, 3, 0, 1, 2));
        assertDiagnostic("p", 5, "corrupt class file: method p(I)I has a StackMapTable with a frame at offset 2,"
                + " where no instruction starts", rejected(damaged));
    }

    @Test
    void aStackMapFrameOfAReservedType() {
        int name = utf8Index(gen(), "StackMapTable");
        byte[] damaged = patch(gen(), bytes(name >> 8, name & 0xFF, 0, 0, 0, 3, 0, 1, 6),
                bytes(name >> 8, name & 0xFF, 0, 0, 0, 3, 0, 1, 200));
        assertDiagnostic("p", 0, "corrupt class file: method p(I)I has a StackMapTable with a reserved frame type 200",
                rejected(damaged));
    }

    @Test
    void aLineNumberTableOfTheWrongLength() {
        int name = utf8Index(gen(), "LineNumberTable");
        // three entries: 2 + 3 * 4 = 14 bytes, not 13
        byte[] damaged = patch(gen(), bytes(name >> 8, name & 0xFF, 0, 0, 0, 14, 0, 3),
                bytes(name >> 8, name & 0xFF, 0, 0, 0, 13, 0, 3));
        assertDiagnostic("p", 0, "corrupt class file: method p(I)I has an attribute LineNumberTable of the wrong length",
                rejected(damaged));
    }

    @Test
    void anAttributeThatRunsPastItsCodeAttribute() {
        int name = utf8Index(gen(), "LineNumberTable");
        byte[] damaged = patch(gen(), bytes(name >> 8, name & 0xFF, 0, 0, 0, 14, 0, 3),
                bytes(name >> 8, name & 0xFF, 0, 0, 1, 14, 0, 3));
        assertDiagnostic("p", 0, "corrupt class file: method p(I)I has an attribute LineNumberTable that runs past the"
                + " end of where it lies", rejected(damaged));
    }
}
