package dev.coro.weaver;

import org.objectweb.asm.ClassReader;

import java.util.BitSet;

/**
 * Facts about a method's raw code, decoded from the class file's bytes (ASM offers no such view):
 * where instructions start and which offsets its branches and switches jump to. Decoding also
 * checks what ASM takes on trust: every instruction is a known opcode that ends inside the code,
 * every jump lands on an instruction, and every constant pool operand is an entry of the kind its
 * instruction needs (ASM reads a {@code new} whose operand is a Methodref as if it were a Class, and
 * the woven class would name a class the input never did).
 *
 * @param starts {@code starts.get(i)} where an instruction begins
 * @param targets the offsets jumped to (exception handlers are not instructions' targets)
 */
record InstructionStarts(BitSet starts, BitSet targets) {

    /** @throws WeaveException {@code BAD_CLASS_FILE} naming the method and what does not decode */
    static InstructionStarts of(ClassReader r, int codeStart, int codeLength, LayoutChecker.Where where) {
        BitSet starts = new BitSet(codeLength);
        BitSet targets = new BitSet(codeLength);
        int pc = 0;
        while (pc < codeLength) {
            starts.set(pc);
            int op = r.readByte(codeStart + pc) & 0xFF;
            int len = length(r, codeStart, codeLength, pc, op);
            if (len <= 0 || pc + len > codeLength) {
                where.bad(where.lineAt(pc), "has an instruction (opcode " + op + ") at offset " + pc
                        + " that does not decode or runs past the end of its code");
            }
            checkOperand(r, codeStart + pc, op, where, pc);
            if (op >= 153 && op <= 168 || op == 198 || op == 199) {
                targets.set(jump(pc + (short) r.readUnsignedShort(codeStart + pc + 1), codeLength, where, pc));
            } else if (op == 200 || op == 201) {
                targets.set(jump(pc + r.readInt(codeStart + pc + 1), codeLength, where, pc));
            } else if (op == 170 || op == 171) {
                int p = codeStart + ((pc + 4) & ~3);
                targets.set(jump(pc + r.readInt(p), codeLength, where, pc));
                int n = op == 170 ? r.readInt(p + 8) - r.readInt(p + 4) + 1 : r.readInt(p + 4);
                for (int k = 0; k < n; k++) {
                    int at = op == 170 ? p + 12 + 4 * k : p + 12 + 8 * k;
                    targets.set(jump(pc + r.readInt(at), codeLength, where, pc));
                }
            }
            pc += len;
        }
        for (int t = targets.nextSetBit(0); t >= 0; t = targets.nextSetBit(t + 1)) {
            if (!starts.get(t)) where.bad(where.lineAt(t), "jumps to offset " + t + ", where no instruction starts");
        }
        return new InstructionStarts(starts, targets);
    }

    private static int jump(long target, int codeLength, LayoutChecker.Where where, int pc) {
        if (target < 0 || target >= codeLength) {
            where.bad(where.lineAt(pc), "has a jump at offset " + pc + " that leaves its code");
        }
        return (int) target;
    }

    /** JVMS 4.9.1: the constant pool entry an instruction names is of the kind the instruction needs. */
    private static void checkOperand(ClassReader r, int at, int op, LayoutChecker.Where where, int pc) {
        int index = op == 18 ? r.readByte(at + 1) & 0xFF : r.readUnsignedShort(at + 1);
        int tag = op == 18 || op == 19 || op == 20 || op >= 178 && op <= 193 || op == 197
                ? ConstantPoolChecker.tagAt(r, index) : 0;
        boolean ok = switch (op) {
            case 18, 19 -> tag == 3 || tag == 4 || tag == 7 || tag == 8 || tag == 15 || tag == 16 || tag == 17;
            case 20 -> tag == 5 || tag == 6 || tag == 17;
            case 178, 179, 180, 181 -> tag == ConstantPoolChecker.FIELDREF;
            case 182 -> tag == ConstantPoolChecker.METHODREF;
            case 183, 184 -> tag == ConstantPoolChecker.METHODREF || tag == ConstantPoolChecker.INTERFACE_METHODREF;
            case 185 -> tag == ConstantPoolChecker.INTERFACE_METHODREF;
            case 186 -> tag == 18;
            case 187, 189, 192, 193, 197 -> tag == ConstantPoolChecker.CLASS;
            default -> true;
        };
        if (!ok) {
            where.bad(where.lineAt(pc), "has an instruction (opcode " + op + ") at offset " + pc
                    + " whose constant pool operand " + index + " is not of the kind it needs");
        }
    }

    private static int length(ClassReader r, int codeStart, int codeLength, int pc, int op) {
        if (op == 16 || op == 18 || op >= 21 && op <= 25 || op >= 54 && op <= 58 || op == 169 || op == 188) return 2;
        if (op == 17 || op == 19 || op == 20 || op == 132 || op >= 153 && op <= 168 || op >= 178 && op <= 184
                || op == 187 || op == 189 || op == 192 || op == 193 || op == 198 || op == 199) return 3;
        if (op == 197) return 4;
        if (op == 185 || op == 186 || op == 200 || op == 201) return 5;
        if (op == 196) { // wide
            if (pc + 1 >= codeLength) return -1;
            int wide = r.readByte(codeStart + pc + 1) & 0xFF;
            return wide == 132 ? 6 : wide >= 21 && wide <= 25 || wide >= 54 && wide <= 58 || wide == 169 ? 4 : -1;
        }
        if (op == 170 || op == 171) { // tableswitch, lookupswitch: padded to 4 bytes from the code's start
            int p = (pc + 4) & ~3;
            if (p + 12 > codeLength) return -1;
            if (op == 170) {
                long n = (long) r.readInt(codeStart + p + 8) - r.readInt(codeStart + p + 4) + 1;
                return n <= 0 || n > 65536 ? -1 : (int) (p - pc + 12 + 4 * n);
            }
            int pairs = r.readInt(codeStart + p + 4);
            return pairs < 0 || pairs > 65536 ? -1 : p - pc + 8 + 8 * pairs;
        }
        return op <= 201 ? 1 : -1;
    }
}
