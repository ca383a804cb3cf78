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
    private static final byte[] INVISIBLE = "RuntimeInvisibleAnnotations".getBytes(StandardCharsets.UTF_8);

    /** What the constant pool mentions. */
    /**
     * What the class file says of coro: whether it mentions it, whether it carries the woven marker,
     * and the contract the marker names (1 for a marker without one, as coro's first versions wrote it).
     */
    record Scan(boolean mentionsCoro, boolean woven, int contract) {}

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
     * {@code Ldev/coro/Coroutine;} and the woven marker's descriptor. Only when that descriptor is
     * there does it walk on (skipping fields and methods by their lengths) to the class's own
     * {@code RuntimeInvisibleAnnotations}: the class is woven only when the marker is really one of
     * them, not merely a string constant that spells it.
     *
     * @throws WeaveException if the constant pool is truncated or has an unknown tag
     */
    static Scan scan(byte[] b) {
        int count = u2(b, 8);
        int[] offsets = new int[count]; // where each constant pool entry starts, for the marker's element value
        int p = 10;
        boolean coro = false;
        int wovenIndex = 0;
        int invisibleIndex = 0;
        for (int i = 1; i < count; i++) {
            int tag = u1(b, p);
            offsets[i] = p;
            switch (tag) {
                case 1: { // Utf8
                    int len = u2(b, p + 1);
                    int start = p + 3;
                    if (start + len > b.length) throw truncated();
                    if (equalsAt(b, start, len, YIELD) || equalsAt(b, start, len, COROUTINE)) coro = true;
                    if (equalsAt(b, start, len, WOVEN)) wovenIndex = i;
                    if (equalsAt(b, start, len, INVISIBLE)) invisibleIndex = i;
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
        int contract = 0;
        if (wovenIndex > 0 && invisibleIndex > 0) {
            try {
                contract = markerContract(b, p, wovenIndex, invisibleIndex, offsets);
            } catch (WeaveException cut) { // the pool was whole: it is what follows that ends early
                throw new WeaveException(Diagnostic.Code.BAD_CLASS_FILE,
                        "truncated class file: it ends after the constant pool, before its attributes");
            }
        }
        return new Scan(coro, contract > 0, contract);
    }

    /**
     * From the end of the constant pool at {@code p}: the contract of annotation {@code marker} among
     * the class's invisible annotations (1 when it has no {@code int} element), or 0 when it is not there.
     */
    private static int markerContract(byte[] b, int p, int marker, int invisible, int[] offsets) {
        p += 6; // access, this, super
        p += 2 + 2 * u2(b, p); // interfaces
        for (int members = 0; members < 2; members++) { // fields, then methods
            int count = u2(b, p);
            p += 2;
            for (int i = 0; i < count; i++) p = skipAttributes(b, p + 6);
        }
        int attributes = u2(b, p);
        p += 2;
        for (int i = 0; i < attributes; i++) {
            int name = u2(b, p);
            int end = p + 6 + u4(b, p + 2);
            if (name == invisible) {
                int q = p + 6;
                int annotations = u2(b, q);
                q += 2;
                for (int a = 0; a < annotations; a++) {
                    if (u2(b, q) == marker) return contractOf(b, q, offsets);
                    q = skipAnnotation(b, q);
                }
            }
            p = end;
        }
        return 0;
    }

    /** The value of the marker annotation at {@code p}'s first {@code int} element, or 1 when it has none. */
    private static int contractOf(byte[] b, int p, int[] offsets) {
        if (u2(b, p + 2) > 0 && u1(b, p + 6) == 'I') {
            int index = u2(b, p + 7);
            if (index > 0 && index < offsets.length && u1(b, offsets[index]) == 3) {
                int v = (u2(b, offsets[index] + 1) << 16) | u2(b, offsets[index] + 3);
                return v > 0 ? v : 1;
            }
        }
        return 1;
    }

    private static int skipAttributes(byte[] b, int p) {
        int count = u2(b, p);
        p += 2;
        for (int i = 0; i < count; i++) p += 6 + u4(b, p + 2);
        return p;
    }

    private static int skipAnnotation(byte[] b, int p) {
        int pairs = u2(b, p + 2);
        p += 4;
        for (int i = 0; i < pairs; i++) p = skipElementValue(b, p + 2);
        return p;
    }

    private static int skipElementValue(byte[] b, int p) {
        int tag = u1(b, p);
        switch (tag) {
            case 'e':
                return p + 5;
            case '@':
                return skipAnnotation(b, p + 1);
            case '[': {
                int n = u2(b, p + 1);
                p += 3;
                for (int i = 0; i < n; i++) p = skipElementValue(b, p);
                return p;
            }
            default: // B C D F I J S Z s c: one constant pool index
                return p + 3;
        }
    }

    private static int u4(byte[] b, int p) {
        int v = (u2(b, p) << 16) | u2(b, p + 2);
        if (v < 0) throw truncated();
        return v;
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
