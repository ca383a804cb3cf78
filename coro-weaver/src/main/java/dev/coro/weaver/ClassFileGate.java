package dev.coro.weaver;

import java.nio.charset.StandardCharsets;

/**
 * The cheap first look at a class file: its version, and whether its constant pool mentions coro
 * at all. Most classes an agent sees never get past this, so it reads bytes and parses nothing.
 */
final class ClassFileGate {
    private ClassFileGate() {}

    static final int MIN_MAJOR = 52; // Java 8
    static final int MAX_MAJOR = 69; // Java 25

    private static final byte[] YIELD = Names.YIELD.getBytes(StandardCharsets.UTF_8);
    private static final byte[] COROUTINE = Names.COROUTINE_DESC.getBytes(StandardCharsets.UTF_8);
    private static final byte[] WOVEN = Names.WOVEN_DESC.getBytes(StandardCharsets.UTF_8);

    /** What the constant pool mentions. */
    record Scan(boolean mentionsCoro, boolean woven) {}

    /** The class file's major version, or -1 if the bytes are not a class file header. */
    static int majorVersion(byte[] b) {
        if (b == null || b.length < 10) return -1;
        if ((b[0] & 0xFF) != 0xCA || (b[1] & 0xFF) != 0xFE || (b[2] & 0xFF) != 0xBA || (b[3] & 0xFF) != 0xBE) {
            return -1;
        }
        return ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
    }

    /**
     * Walks the constant pool looking for the UTF8 entries {@code dev/coro/Yield},
     * {@code Ldev/coro/Coroutine;} and the woven marker.
     *
     * @throws WeaveException if the constant pool is truncated or has an unknown tag
     */
    static Scan scan(byte[] b) {
        int count = u2(b, 8);
        int p = 10;
        boolean coro = false;
        boolean woven = false;
        for (int i = 1; i < count; i++) {
            int tag = u1(b, p);
            switch (tag) {
                case 1: { // Utf8
                    int len = u2(b, p + 1);
                    int start = p + 3;
                    if (start + len > b.length) throw truncated();
                    if (equalsAt(b, start, len, YIELD) || equalsAt(b, start, len, COROUTINE)) coro = true;
                    if (equalsAt(b, start, len, WOVEN)) woven = true;
                    p = start + len;
                    break;
                }
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    p += 5;
                    break;
                case 5: case 6: // long, double: two entries
                    p += 9;
                    i++;
                    break;
                case 7: case 8: case 16: case 19: case 20:
                    p += 3;
                    break;
                case 15:
                    p += 4;
                    break;
                default:
                    throw new WeaveException(Diagnostic.Code.BAD_CLASS_FILE,
                            "corrupt class file: unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return new Scan(coro, woven);
    }

    private static boolean equalsAt(byte[] b, int start, int len, byte[] what) {
        if (len != what.length) return false;
        for (int i = 0; i < len; i++) {
            if (b[start + i] != what[i]) return false;
        }
        return true;
    }

    private static int u1(byte[] b, int p) {
        if (p >= b.length) throw truncated();
        return b[p] & 0xFF;
    }

    private static int u2(byte[] b, int p) {
        if (p + 1 >= b.length) throw truncated();
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    private static WeaveException truncated() {
        return new WeaveException(Diagnostic.Code.BAD_CLASS_FILE, "truncated class file: the constant pool ends early");
    }

    /** "Java 25" for 69. */
    static String javaVersion(int major) {
        return major >= 49 ? "Java " + (major - 44) : "Java 1." + (major - 44);
    }
}
