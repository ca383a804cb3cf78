package dev.coro.weaver;

import org.objectweb.asm.ClassReader;

/** Reads a raw {@code Runtime[In]VisibleAnnotations} attribute (JVMS 4.7.16) for the input checks, before ASM does. */
final class Annotations {
    private Annotations() {}

    /** True when the annotation table at {@code p} has an annotation of type {@code desc}; false when it is malformed. */
    static boolean names(ClassReader r, int p, int end, char[] buf, String desc) {
        try {
            int n = r.readUnsignedShort(p);
            p += 2;
            for (int i = 0; i < n && p < end; i++) {
                if (desc.equals(r.readUTF8(p, buf))) return true;
                p = skipAnnotation(r, p);
            }
        } catch (RuntimeException e) {
            return false; // ASM or the JVM says what is wrong with it
        }
        return false;
    }

    private static int skipAnnotation(ClassReader r, int p) {
        int pairs = r.readUnsignedShort(p + 2);
        p += 4;
        for (int i = 0; i < pairs; i++) p = skipValue(r, p + 2);
        return p;
    }

    private static int skipValue(ClassReader r, int p) {
        int tag = r.readByte(p);
        return switch (tag) {
            case 'e' -> p + 5;
            case '@' -> skipAnnotation(r, p + 1);
            case '[' -> {
                int n = r.readUnsignedShort(p + 1);
                int q = p + 3;
                for (int i = 0; i < n; i++) q = skipValue(r, q);
                yield q;
            }
            default -> p + 3;
        };
    }
}
