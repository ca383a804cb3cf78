package dev.coro.weaver;

import org.objectweb.asm.ClassReader;

/**
 * The offsets where instructions start in a method's raw code, decoded from the class file's bytes
 * (ASM offers no such view). A stack map frame must sit on one: a frame elsewhere, in a damaged
 * StackMapTable, is skipped by ASM when it reads the class and its neighbours shift when it writes
 * it back, so the woven class would fail the JVM's verifier instead of being reported.
 */
final class InstructionStarts {
    private InstructionStarts() {}

    /** {@code starts[i]} is true where an instruction begins; null when the code does not decode. */
    static boolean[] of(ClassReader r, int codeStart, int codeLength) {
        boolean[] starts = new boolean[codeLength];
        int pc = 0;
        while (pc < codeLength) {
            starts[pc] = true;
            int op = r.readByte(codeStart + pc) & 0xFF;
            int len = length(r, codeStart, pc, op);
            if (len <= 0) return null;
            pc += len;
        }
        return pc == codeLength ? starts : null;
    }

    private static int length(ClassReader r, int codeStart, int pc, int op) {
        if (op == 16 || op == 18 || op >= 21 && op <= 25 || op >= 54 && op <= 58 || op == 169 || op == 188) return 2;
        if (op == 17 || op == 19 || op == 20 || op == 132 || op >= 153 && op <= 168 || op >= 178 && op <= 184
                || op == 187 || op == 189 || op == 192 || op == 193 || op == 198 || op == 199) return 3;
        if (op == 197) return 4;
        if (op == 185 || op == 186 || op == 200 || op == 201) return 5;
        if (op == 196) return (r.readByte(codeStart + pc + 1) & 0xFF) == 132 ? 6 : 4; // wide
        if (op == 170 || op == 171) { // tableswitch, lookupswitch: padded to 4 bytes from the code's start
            int p = (pc + 4) & ~3;
            if (op == 170) {
                int low = r.readInt(codeStart + p + 4);
                int high = r.readInt(codeStart + p + 8);
                long n = (long) high - low + 1;
                return n < 0 || n > 65536 ? -1 : (int) (p - pc + 12 + 4 * n);
            }
            int pairs = r.readInt(codeStart + p + 4);
            return pairs < 0 || pairs > 65536 ? -1 : p - pc + 8 + 8 * pairs;
        }
        return op <= 201 ? 1 : -1;
    }
}
