package dev.coro.weaver;

import org.objectweb.asm.ClassReader;

/**
 * Input check, first of all: the constant pool as the JVM checks it when it parses a class file and
 * ASM (which reads entries lazily, only those it is asked for, and without looking at their tags)
 * does not. Each Utf8 entry is legal modified UTF-8; each entry refers to entries of the kinds it
 * must; each Class, member reference and MethodType names a legal class, member or type. A failure
 * is a {@link Diagnostic.Code#BAD_CLASS_FILE}. Reads only; throws on the first problem.
 */
final class ConstantPoolChecker {
    private ConstantPoolChecker() {}

    static final int UTF8 = 1;
    static final int CLASS = 7;
    static final int FIELDREF = 9;
    static final int METHODREF = 10;
    static final int INTERFACE_METHODREF = 11;
    static final int NAME_AND_TYPE = 12;

    /** @throws WeaveException {@code BAD_CLASS_FILE} naming the entry */
    static void check(ClassReader r) {
        int count = r.getItemCount();
        for (int i = 1; i < count; i++) {
            int at = r.getItem(i);
            if (at == 0) continue; // the second slot of a Long or Double
            int tag = r.readByte(at - 1);
            boolean ok = switch (tag) {
                case UTF8 -> isModifiedUtf8(r, at + 2, r.readUnsignedShort(at));
                case CLASS, 8, 16, 19, 20 -> tagAt(r, r.readUnsignedShort(at)) == UTF8;
                case FIELDREF, METHODREF, INTERFACE_METHODREF -> tagAt(r, r.readUnsignedShort(at)) == CLASS
                        && tagAt(r, r.readUnsignedShort(at + 2)) == NAME_AND_TYPE;
                case NAME_AND_TYPE -> tagAt(r, r.readUnsignedShort(at)) == UTF8
                        && tagAt(r, r.readUnsignedShort(at + 2)) == UTF8;
                case 15 -> { // JVMS 4.4.8: the kind of reference each kind of handle names
                    int ref = tagAt(r, r.readUnsignedShort(at + 1));
                    yield switch (r.readByte(at)) {
                        case 1, 2, 3, 4 -> ref == FIELDREF;
                        case 5, 8 -> ref == METHODREF;
                        case 6, 7 -> ref == METHODREF || ref == INTERFACE_METHODREF;
                        case 9 -> ref == INTERFACE_METHODREF;
                        default -> false;
                    };
                }
                case 17, 18 -> tagAt(r, r.readUnsignedShort(at + 2)) == NAME_AND_TYPE;
                default -> true;
            };
            if (!ok) bad("constant pool entry " + i + " (tag " + tag + ") is malformed or refers to the wrong kind of entry");
        }
        // names and types, as the JVM checks them when it parses the pool (all kinds are right by now)
        char[] buf = new char[r.getMaxStringLength()];
        for (int i = 1; i < count; i++) {
            int at = r.getItem(i);
            if (at == 0) continue;
            int tag = r.readByte(at - 1);
            boolean ok = switch (tag) {
                case CLASS -> NameRules.isClassOrArray(r.readUTF8(at, buf));
                case FIELDREF, METHODREF, INTERFACE_METHODREF -> {
                    int nat = r.getItem(r.readUnsignedShort(at + 2));
                    String name = r.readUTF8(nat, buf);
                    String desc = r.readUTF8(nat + 2, buf);
                    yield tag == FIELDREF ? NameRules.isUnqualified(name, false) && NameRules.isFieldDescriptor(desc)
                            : ("<init>".equals(name) || NameRules.isUnqualified(name, true))
                                    && NameRules.isMethodDescriptor(desc);
                }
                case 15 -> { // JVMS 4.4.8: newInvokeSpecial calls <init>, the other method kinds never an initialiser
                    int kind = r.readByte(at);
                    String name = r.readUTF8(r.getItem(r.readUnsignedShort(r.getItem(r.readUnsignedShort(at + 1)) + 2)), buf);
                    boolean initialiser = "<init>".equals(name) || "<clinit>".equals(name);
                    yield kind < 5 || (kind == 8 ? "<init>".equals(name) : !initialiser);
                }
                case 16 -> NameRules.isMethodDescriptor(r.readUTF8(at, buf));
                default -> true;
            };
            if (!ok) bad("constant pool entry " + i + " (tag " + tag + ") names an illegal class, member or type");
        }
    }

    /** The tag of constant pool entry {@code index}, or -1 when there is no such entry. */
    static int tagAt(ClassReader r, int index) {
        if (index <= 0 || index >= r.getItemCount() || r.getItem(index) == 0) return -1;
        return r.readByte(r.getItem(index) - 1);
    }

    /** JVMS 4.4.7: no zero byte, no byte from 0xF0 up, every sequence of one to three bytes complete. */
    private static boolean isModifiedUtf8(ClassReader r, int from, int length) {
        int end = from + length;
        for (int i = from; i < end; ) {
            int c = r.readByte(i);
            int more = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : -1;
            if (c == 0 || more < 0) return false;
            for (int k = 1; k <= more; k++) {
                if (i + k >= end || (r.readByte(i + k) & 0xC0) != 0x80) return false;
            }
            i += 1 + more;
        }
        return true;
    }

    private static void bad(String what) {
        throw new WeaveException(Diagnostic.Code.BAD_CLASS_FILE, "corrupt class file: " + what);
    }
}
