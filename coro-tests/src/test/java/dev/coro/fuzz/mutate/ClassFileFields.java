package dev.coro.fuzz.mutate;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the interesting fields of a class file are: the version, constant pool indexes and
 * lengths, access flags, attribute lengths, the Code attribute's sizes and exception table. A
 * plain walk over the JVMS §4 layout; a file it cannot walk to the end just yields the fields found
 * before the problem.
 */
final class ClassFileFields {
    private ClassFileFields() {}

    /** What a field holds, for the mutator's choice of values. */
    enum Kind { VERSION, CP_COUNT, CP_INDEX, LENGTH, ACCESS, ATTRIBUTE_LENGTH, CODE_SIZE, CODE_OFFSET }

    /** A field at {@code offset} of {@code size} bytes (2 or 4). */
    record Field(int offset, int size, Kind kind) {}

    static List<Field> of(byte[] b) {
        List<Field> out = new ArrayList<>();
        try {
            walk(b, out);
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            // a corrupt file: the fields found so far
        }
        return out;
    }

    private static int u1(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int u2(byte[] b, int i) {
        return (u1(b, i) << 8) | u1(b, i + 1);
    }

    private static int u4(byte[] b, int i) {
        return (u2(b, i) << 16) | u2(b, i + 2);
    }

    private static void walk(byte[] b, List<Field> out) {
        out.add(new Field(4, 2, Kind.VERSION));
        out.add(new Field(6, 2, Kind.VERSION));
        out.add(new Field(8, 2, Kind.CP_COUNT));
        int count = u2(b, 8);
        int p = 10;
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = u1(b, p);
            switch (tag) {
                case 1 -> { // Utf8
                    out.add(new Field(p + 1, 2, Kind.LENGTH));
                    int len = u2(b, p + 1);
                    utf8[i] = new String(b, p + 3, len, java.nio.charset.StandardCharsets.ISO_8859_1);
                    p += 3 + len;
                }
                case 3, 4 -> p += 5; // Integer, Float
                case 5, 6 -> { // Long, Double: two slots
                    p += 9;
                    i++;
                }
                case 7, 8, 16, 19, 20 -> { // Class, String, MethodType, Module, Package
                    out.add(new Field(p + 1, 2, Kind.CP_INDEX));
                    p += 3;
                }
                case 9, 10, 11, 12, 17, 18 -> { // refs, NameAndType, Dynamic, InvokeDynamic
                    out.add(new Field(p + 1, 2, Kind.CP_INDEX));
                    out.add(new Field(p + 3, 2, Kind.CP_INDEX));
                    p += 5;
                }
                case 15 -> { // MethodHandle
                    out.add(new Field(p + 2, 2, Kind.CP_INDEX));
                    p += 4;
                }
                default -> throw new IllegalStateException("tag " + tag);
            }
        }
        out.add(new Field(p, 2, Kind.ACCESS));
        out.add(new Field(p + 2, 2, Kind.CP_INDEX));
        out.add(new Field(p + 4, 2, Kind.CP_INDEX));
        int interfaces = u2(b, p + 6);
        p += 8;
        for (int i = 0; i < interfaces; i++, p += 2) out.add(new Field(p, 2, Kind.CP_INDEX));
        for (int members = 0; members < 2; members++) {
            int n = u2(b, p);
            p += 2;
            for (int m = 0; m < n; m++) {
                out.add(new Field(p, 2, Kind.ACCESS));
                out.add(new Field(p + 2, 2, Kind.CP_INDEX));
                out.add(new Field(p + 4, 2, Kind.CP_INDEX));
                p = attributes(b, p + 6, utf8, out);
            }
        }
        attributes(b, p, utf8, out);
    }

    private static int attributes(byte[] b, int p, String[] utf8, List<Field> out) {
        int n = u2(b, p);
        p += 2;
        for (int a = 0; a < n; a++) {
            out.add(new Field(p, 2, Kind.CP_INDEX));
            out.add(new Field(p + 2, 4, Kind.ATTRIBUTE_LENGTH));
            int nameIndex = u2(b, p);
            int len = u4(b, p + 2);
            int body = p + 6;
            if (nameIndex < utf8.length && "Code".equals(utf8[nameIndex])) {
                out.add(new Field(body, 2, Kind.CODE_SIZE)); // max_stack
                out.add(new Field(body + 2, 2, Kind.CODE_SIZE)); // max_locals
                out.add(new Field(body + 4, 4, Kind.CODE_SIZE)); // code_length
                int codeLength = u4(b, body + 4);
                int q = body + 8 + codeLength;
                int handlers = u2(b, q);
                out.add(new Field(q, 2, Kind.CODE_SIZE));
                q += 2;
                for (int h = 0; h < handlers; h++, q += 8) {
                    out.add(new Field(q, 2, Kind.CODE_OFFSET));
                    out.add(new Field(q + 2, 2, Kind.CODE_OFFSET));
                    out.add(new Field(q + 4, 2, Kind.CODE_OFFSET));
                    out.add(new Field(q + 6, 2, Kind.CP_INDEX));
                }
                attributes(b, q, utf8, out);
            }
            p = body + len;
        }
        return p;
    }
}
