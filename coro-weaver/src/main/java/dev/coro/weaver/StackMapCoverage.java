package dev.coro.weaver;

import org.objectweb.asm.ClassReader;

import java.util.BitSet;

/**
 * Input check: one walk over a method's raw StackMapTable (JVMS 4.7.4). Each frame must sit where an
 * instruction starts: ASM skips a frame elsewhere when it reads the class and its neighbours' offsets
 * shift when it writes it back. Each verification type must be well formed, an object type naming a
 * Class entry. The walk's result, the frame offsets, then answers the second question: a method the
 * weaver copies unchanged (all but the coroutines, whose frames it computes anew) needs a frame at
 * every jump target and exception handler, as the JVM's type-checking verifier requires from version
 * 50 on. ASM reads whatever frames a class file has and writes them back without checking they sit
 * where the JVM needs them; a StackMapTable whose name was damaged is no StackMapTable to the JVM.
 */
final class StackMapCoverage {
    private StackMapCoverage() {}

    /** A method's code, as the coverage question needs it. */
    record Code(BitSet frames, BitSet targets, BitSet handlers, LayoutChecker.Where where) {
        /** @throws WeaveException {@code BAD_CLASS_FILE} at the line of the first target without a frame */
        void checkCovered() {
            BitSet needed = (BitSet) targets.clone();
            needed.or(handlers);
            needed.andNot(frames);
            int missing = needed.nextSetBit(0);
            if (missing >= 0) {
                where.bad(where.lineAt(missing), "has a branch target (offset " + missing
                        + ") without a stack map frame (a damaged StackMapTable)");
            }
        }
    }

    /**
     * Walks the StackMapTable at {@code p} (to {@code end}; -1 when the code has none).
     *
     * @throws WeaveException {@code BAD_CLASS_FILE} for a frame off an instruction, or a malformed table
     */
    static Code of(ClassReader r, int p, int end, InstructionStarts insns, BitSet handlers, LayoutChecker.Where where) {
        BitSet frames = new BitSet();
        if (p >= 0) {
            int count = r.readUnsignedShort(p);
            p += 2;
            int offset = -1;
            for (int f = 0; f < count; f++) {
                if (p >= end) where.bad("has a truncated StackMapTable");
                int type = r.readByte(p++);
                if (type >= 128 && type < 247) where.bad("has a StackMapTable with a reserved frame type " + type);
                int delta = type < 64 ? type : type < 128 ? type - 64 : r.readUnsignedShort(p);
                offset += delta + 1;
                if (!insns.starts().get(offset)) {
                    where.bad(where.lineAt(offset), "has a StackMapTable with a frame at offset " + offset
                            + ", where no instruction starts");
                }
                frames.set(offset);
                int types = type < 128 ? type / 64 : type == 247 ? 1 : type < 255 ? Math.max(0, type - 251) : -1;
                if (type >= 247) p += 2;
                if (types < 0) { // full_frame: locals, then stack
                    p = verificationTypes(r, p + 2, r.readUnsignedShort(p), end, where);
                    types = r.readUnsignedShort(p);
                    p += 2;
                }
                p = verificationTypes(r, p, types, end, where);
            }
            if (p != end) where.bad("has a StackMapTable with the wrong length");
        }
        return new Code(frames, insns.targets(), handlers, where);
    }

    private static int verificationTypes(ClassReader r, int p, int n, int end, LayoutChecker.Where where) {
        for (int i = 0; i < n; i++) {
            if (p >= end) where.bad("has a truncated StackMapTable");
            int tag = r.readByte(p++);
            if (tag > 8) where.bad("has a StackMapTable with a bad verification type " + tag);
            if (tag == 7 && ConstantPoolChecker.tagAt(r, r.readUnsignedShort(p)) != ConstantPoolChecker.CLASS) {
                where.bad("has a StackMapTable naming a class that is not a Class constant");
            }
            if (tag == 7 || tag == 8) p += 2;
        }
        return p;
    }
}
