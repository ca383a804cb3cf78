package dev.coro.weaver;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.ClassNode;

/**
 * Input pass, first of all: the format rules of JVMS §4 that ASM does not check when it reads a
 * class file and the JVM does when it loads one (legal names and descriptors, legal combinations of
 * access flags, a Code attribute exactly where one belongs, exception ranges that cover code). A
 * corrupt file that breaks one is a {@link Diagnostic.Code#BAD_CLASS_FILE}, instead of a woven class
 * the JVM then rejects with a ClassFormatError. Reads only; throws on the first problem.
 */
final class FormatChecker {
    private FormatChecker() {}

    /**
     * The constant pool as the JVM checks it when it parses a class file and ASM (which reads entries
     * lazily, and only those it is asked for) does not: each Utf8 entry is legal modified UTF-8, and
     * each entry refers to entries of the kinds it must.
     */
    static void checkConstantPool(ClassReader r) {
        int count = r.getItemCount();
        for (int i = 1; i < count; i++) {
            int at = r.getItem(i);
            if (at == 0) continue; // the second slot of a Long or Double
            int tag = r.readByte(at - 1);
            boolean ok = switch (tag) {
                case 1 -> isModifiedUtf8(r, at + 2, r.readUnsignedShort(at));
                case 7, 8, 16, 19, 20 -> tagAt(r, r.readUnsignedShort(at)) == 1;
                case 9, 10, 11 -> tagAt(r, r.readUnsignedShort(at)) == 7 && tagAt(r, r.readUnsignedShort(at + 2)) == 12;
                case 12 -> tagAt(r, r.readUnsignedShort(at)) == 1 && tagAt(r, r.readUnsignedShort(at + 2)) == 1;
                case 15 -> {
                    int kind = r.readByte(at);
                    int ref = tagAt(r, r.readUnsignedShort(at + 1));
                    yield kind >= 1 && kind <= 9 && (kind <= 4 ? ref == 9 : ref == 10 || ref == 11);
                }
                case 17, 18 -> tagAt(r, r.readUnsignedShort(at + 2)) == 12;
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
                case 7 -> isClassOrArray(r.readUTF8(at, buf));
                case 9, 10, 11 -> {
                    int nat = r.getItem(r.readUnsignedShort(at + 2));
                    String name = r.readUTF8(nat, buf);
                    String desc = r.readUTF8(nat + 2, buf);
                    yield tag == 9 ? isUnqualified(name, false) && isFieldDescriptor(desc)
                            : ("<init>".equals(name) || isUnqualified(name, true)) && isMethodDescriptor(desc);
                }
                case 16 -> isMethodDescriptor(r.readUTF8(at, buf));
                default -> true;
            };
            if (!ok) bad("constant pool entry " + i + " (tag " + tag + ") names an illegal class, member or type");
        }
    }

    /**
     * The lengths the JVM checks and ASM skips: each attribute ends inside the file; a Code
     * attribute's parts add up to its length; LineNumberTable, LocalVariableTable and
     * LocalVariableTypeTable have the length their counts give, and their entries lie in the code
     * and the method's locals; a StackMapTable's object types name Class entries.
     */
    static void checkLengths(ClassReader r, int length) {
        char[] buf = new char[r.getMaxStringLength()];
        int p = r.header + 6;
        p += 2 + 2 * r.readUnsignedShort(p);
        for (int members = 0; members < 2; members++) {
            int n = r.readUnsignedShort(p);
            p += 2;
            for (int i = 0; i < n; i++) p = attributes(r, p + 6, length, buf, -1, -1, -1);
        }
        attributes(r, p, length, buf, -1, -1, -1);
    }

    /** Checks the attribute table at {@code p}; returns its end. {@code codeLength} is -1 outside a Code attribute. */
    private static int attributes(ClassReader r, int p, int length, char[] buf, int codeLength, int maxLocals,
            int codeStart) {
        int n = r.readUnsignedShort(p);
        p += 2;
        for (int a = 0; a < n; a++) {
            int nameIndex = r.readUnsignedShort(p);
            if (nameIndex == 0 || nameIndex >= r.getItemCount() || r.readByte(r.getItem(nameIndex) - 1) != 1) {
                bad("an attribute's name index " + nameIndex + " is not a UTF8 constant");
            }
            String name = r.readUTF8(p, buf);
            long len = r.readInt(p + 2) & 0xFFFFFFFFL;
            int body = p + 6;
            if (body + len > length) bad("attribute " + name + " runs past the end of the file");
            int end = (int) (body + len);
            if ("Code".equals(name) && codeLength < 0) {
                int locals = r.readUnsignedShort(body + 2);
                int code = r.readInt(body + 4);
                if (code <= 0 || code > 65535 || body + 8L + code + 2 > end) bad("a Code attribute has a bad code length");
                int q = body + 8 + code;
                q += 2 + 8 * r.readUnsignedShort(q);
                if (q + 2 > end || attributes(r, q, end, buf, code, locals, body + 8) != end) {
                    bad("a Code attribute has the wrong length");
                }
            } else if (codeLength >= 0 && "LineNumberTable".equals(name)) {
                if (len != 2 + 4L * r.readUnsignedShort(body)) bad("a LineNumberTable has the wrong length");
            } else if (codeLength >= 0 && ("LocalVariableTable".equals(name) || "LocalVariableTypeTable".equals(name))) {
                int entries = r.readUnsignedShort(body);
                if (len != 2 + 10L * entries) bad("a " + name + " has the wrong length");
                for (int e = 0; e < entries; e++) {
                    int at = body + 2 + 10 * e;
                    int start = r.readUnsignedShort(at);
                    int span = r.readUnsignedShort(at + 2);
                    int index = r.readUnsignedShort(at + 8);
                    if (start >= codeLength || start + span > codeLength || index >= maxLocals) {
                        bad("a " + name + " entry lies outside the code or the locals");
                    }
                }
            } else if (codeLength >= 0 && "StackMapTable".equals(name)) {
                checkStackMap(r, body, end, InstructionStarts.of(r, codeStart, codeLength));
            }
            p = end;
        }
        return p;
    }

    /** JVMS 4.7.4: walks the frames; each Object_variable_info names a Class entry. */
    private static void checkStackMap(ClassReader r, int p, int end, boolean[] starts) {
        int frames = r.readUnsignedShort(p);
        p += 2;
        int offset = -1;
        for (int f = 0; f < frames; f++) {
            if (p >= end) bad("a StackMapTable is truncated");
            int type = r.readByte(p++);
            int delta = type < 64 ? type : type < 128 ? type - 64 : type >= 247 && p + 1 < end ? r.readUnsignedShort(p) : 0;
            offset += delta + 1;
            if (starts == null || offset >= starts.length || !starts[offset]) {
                bad("a StackMapTable has a frame at offset " + offset + ", where no instruction starts");
            }
            int types;
            if (type < 64) {
                types = 0;
            } else if (type < 128) {
                types = 1;
            } else if (type < 247) {
                bad("a StackMapTable has a reserved frame type " + type);
                return;
            } else if (type == 247) {
                p += 2;
                types = 1;
            } else if (type < 255) {
                p += 2;
                types = Math.max(0, type - 251);
            } else {
                p += 2;
                int locals = r.readUnsignedShort(p);
                p = verificationTypes(r, p + 2, locals, end);
                types = r.readUnsignedShort(p);
                p += 2;
            }
            p = verificationTypes(r, p, types, end);
        }
        if (p != end) bad("a StackMapTable has the wrong length");
    }

    private static int verificationTypes(ClassReader r, int p, int n, int end) {
        for (int i = 0; i < n; i++) {
            if (p >= end) bad("a StackMapTable is truncated");
            int tag = r.readByte(p++);
            if (tag > 8) bad("a StackMapTable has a bad verification type " + tag);
            if (tag == 7 && tagAt(r, r.readUnsignedShort(p)) != 7) bad("a StackMapTable names a class that is not a Class entry");
            if (tag == 7 || tag == 8) p += 2;
        }
        return p;
    }

    private static int tagAt(ClassReader r, int index) {
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

    static void check(ClassNode cls) {
        if (!isClassName(cls.name)) bad("its class name is not a legal name: " + show(cls.name));
        boolean itf = (cls.access & Opcodes.ACC_INTERFACE) != 0;
        boolean java5 = (cls.version & 0xFFFF) >= Opcodes.V1_5;
        if (cls.superName == null ? !Names.OBJECT.equals(cls.name) : !isClassName(cls.superName)) {
            bad("its superclass is not a legal class name: " + show(cls.superName));
        }
        if (itf && (!Names.OBJECT.equals(cls.superName) || (cls.access & Opcodes.ACC_ABSTRACT) == 0
                || (cls.access & Opcodes.ACC_FINAL) != 0 || java5 && (cls.access & (Opcodes.ACC_SUPER | Opcodes.ACC_ENUM)) != 0)) {
            bad("an interface must be abstract, not final, and extend java.lang.Object");
        }
        if ((cls.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_FINAL)) == (Opcodes.ACC_ABSTRACT | Opcodes.ACC_FINAL)
                || !itf && java5 && (cls.access & Opcodes.ACC_ANNOTATION) != 0) {
            bad("illegal class modifiers 0x" + Integer.toHexString(cls.access));
        }
        for (String i : cls.interfaces) if (!isClassName(i)) bad("an interface name is not legal: " + show(i));
        for (org.objectweb.asm.tree.InnerClassNode ic : cls.innerClasses) {
            if (!isClassName(ic.name) || ic.outerName != null && !isClassName(ic.outerName)) {
                bad("an InnerClasses entry names an illegal class: " + show(ic.name));
            }
        }
        checkAttributes(cls.attrs);
        for (FieldNode f : cls.fields) {
            checkAttributes(f.attrs);
            if (!isUnqualified(f.name, false) || !isFieldDescriptor(f.desc)) {
                bad("field " + show(f.name) + " has an illegal name or type " + show(f.desc));
            }
            int a = f.access;
            if (visibilities(a) > 1 || (a & (Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE)) == (Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE)
                    || itf && (a & (Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL))
                            != (Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL)) {
                bad("field " + f.name + " has illegal modifiers 0x" + Integer.toHexString(a));
            }
        }
        for (MethodNode m : cls.methods) checkMethod(cls, m, itf);
    }

    private static void checkMethod(ClassNode cls, MethodNode m, boolean itf) {
        boolean special = "<init>".equals(m.name) || "<clinit>".equals(m.name);
        if (!(special || isUnqualified(m.name, true)) || !isMethodDescriptor(m.desc)
                || special && !m.desc.endsWith(")V") || "<clinit>".equals(m.name) && !m.desc.equals("()V")) {
            bad("method " + show(m.name) + " has an illegal name or descriptor " + show(m.desc));
        }
        int a = m.access;
        boolean isAbstract = (a & Opcodes.ACC_ABSTRACT) != 0;
        boolean java8 = (cls.version & 0xFFFF) >= Opcodes.V1_8;
        if (visibilities(a) > 1 || isAbstract && (a & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL
                | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_NATIVE)) != 0
                || "<init>".equals(m.name) && (a & (Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNCHRONIZED
                        | Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) != 0
                || itf && !"<clinit>".equals(m.name) && (java8
                        ? (a & (Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_NATIVE)) != 0
                                || visibilities(a) != 1
                        : (a & (Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT)) != (Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT))) {
            bad("method " + m.name + " has illegal modifiers 0x" + Integer.toHexString(a));
        }
        checkAttributes(m.attrs);
        boolean needsCode = (a & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
        if (needsCode != (m.instructions.size() > 0)) {
            bad("method " + m.name + (needsCode ? " has no code" : " is abstract or native but has code"));
        }
        for (AbstractInsnNode insn : m.instructions) checkInstruction(m, insn);
        if (m.localVariables != null) {
            for (org.objectweb.asm.tree.LocalVariableNode v : m.localVariables) {
                if (!isUnqualified(v.name, false) || !isFieldDescriptor(v.desc)) {
                    bad("method " + m.name + " has a local variable with an illegal name or type " + show(v.desc));
                }
            }
        }
        // a label ASM made for an offset that is not an instruction's start is not in the list
        java.util.Set<AbstractInsnNode> present = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (AbstractInsnNode insn : m.instructions) present.add(insn);
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            if (!present.contains(t.start) || !present.contains(t.end) || !present.contains(t.handler)) {
                bad("method " + m.name + " has an exception handler whose range or target is not an instruction");
            }
        }
        if (m.localVariables != null) {
            for (org.objectweb.asm.tree.LocalVariableNode v : m.localVariables) {
                if (!present.contains(v.start) || !present.contains(v.end)) {
                    bad("method " + m.name + " has a local variable whose range is not in its code");
                }
            }
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            int start = m.instructions.indexOf(t.start);
            int end = m.instructions.indexOf(t.end);
            boolean covers = false;
            for (int i = start; i < end && !covers; i++) covers = m.instructions.get(i).getOpcode() >= 0;
            if (!covers || t.type != null && !isClassName(t.type)) {
                bad("method " + m.name + " has an exception handler with an empty or illegal range or type");
            }
        }
    }

    private static void checkInstruction(MethodNode m, AbstractInsnNode insn) {
        boolean ok = true;
        if (insn instanceof MethodInsnNode c) {
            ok = isClassOrArray(c.owner) && c.name != null
                    && ("<init>".equals(c.name) || isUnqualified(c.name, true)) && isMethodDescriptor(c.desc);
        } else if (insn instanceof FieldInsnNode f) {
            ok = isClassOrArray(f.owner) && isUnqualified(f.name, false) && isFieldDescriptor(f.desc);
        } else if (insn instanceof TypeInsnNode t) {
            ok = isClassOrArray(t.desc);
        } else if (insn instanceof InvokeDynamicInsnNode d) {
            ok = isUnqualified(d.name, true) && isMethodDescriptor(d.desc) && isConstant(d.bsm)
                    && java.util.Arrays.stream(d.bsmArgs).allMatch(FormatChecker::isConstant);
        } else if (insn instanceof org.objectweb.asm.tree.LdcInsnNode l) {
            ok = isConstant(l.cst);
        } else if (insn instanceof MultiANewArrayInsnNode a) {
            ok = a.desc != null && a.desc.startsWith("[") && isFieldDescriptor(a.desc);
        }
        if (!ok) bad("method " + m.name + " has an instruction naming an illegal class, member or type");
    }

    /** A loadable constant (an LDC operand, a bootstrap method or argument) whose names and types are legal. */
    private static boolean isConstant(Object c) {
        if (c instanceof org.objectweb.asm.Type t) {
            String d = t.getDescriptor();
            return t.getSort() == org.objectweb.asm.Type.METHOD ? isMethodDescriptor(d) : isFieldDescriptor(d);
        }
        if (c instanceof org.objectweb.asm.Handle h) {
            boolean field = h.getTag() <= Opcodes.H_PUTSTATIC;
            return isClassOrArray(h.getOwner()) && h.getName() != null
                    && ("<init>".equals(h.getName()) || isUnqualified(h.getName(), !field))
                    && (field ? isFieldDescriptor(h.getDesc()) : isMethodDescriptor(h.getDesc()));
        }
        if (c instanceof org.objectweb.asm.ConstantDynamic cd) {
            if (!isUnqualified(cd.getName(), false) || !isFieldDescriptor(cd.getDescriptor())
                    || !isConstant(cd.getBootstrapMethod())) {
                return false;
            }
            for (int i = 0; i < cd.getBootstrapMethodArgumentCount(); i++) {
                if (!isConstant(cd.getBootstrapMethodArgument(i))) return false;
            }
            return true;
        }
        return c instanceof String || c instanceof Integer || c instanceof Float || c instanceof Long
                || c instanceof Double;
    }

    /** An attribute ASM does not know, whose name index is not a name. */
    private static void checkAttributes(java.util.List<org.objectweb.asm.Attribute> attrs) {
        if (attrs == null) return;
        for (org.objectweb.asm.Attribute a : attrs) if (a.type == null) bad("an attribute has no name");
    }

    private static int visibilities(int access) {
        return Integer.bitCount(access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED));
    }

    /** JVMS 4.2.2: non-empty, none of {@code . ; [ /}, and for a method name no {@code < >}. */
    static boolean isUnqualified(String s, boolean method) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == ';' || c == '[' || c == '/' || method && (c == '<' || c == '>')) return false;
        }
        return true;
    }

    /** A binary class name in internal form: unqualified names joined by {@code /}. */
    static boolean isClassName(String s) {
        if (s == null || s.isEmpty()) return false;
        for (String part : s.split("/", -1)) if (!isUnqualified(part, false)) return false;
        return true;
    }

    private static boolean isClassOrArray(String s) {
        return s != null && (s.startsWith("[") ? isFieldDescriptor(s) : isClassName(s));
    }

    static boolean isFieldDescriptor(String s) {
        return s != null && fieldEnd(s, 0) == s.length();
    }

    static boolean isMethodDescriptor(String s) {
        if (s == null || !s.startsWith("(")) return false;
        int i = 1;
        while (i < s.length() && s.charAt(i) != ')') {
            i = fieldEnd(s, i);
            if (i < 0) return false;
        }
        if (i >= s.length()) return false;
        i++;
        return i < s.length() && (s.charAt(i) == 'V' && i + 1 == s.length() || fieldEnd(s, i) == s.length());
    }

    /** The end of the field type starting at {@code i}, or -1. */
    private static int fieldEnd(String s, int i) {
        int dims = 0;
        while (i < s.length() && s.charAt(i) == '[') {
            i++;
            if (++dims > 255) return -1;
        }
        if (i >= s.length()) return -1;
        char c = s.charAt(i);
        if ("BCDFIJSZ".indexOf(c) >= 0) return i + 1;
        if (c != 'L') return -1;
        int semi = s.indexOf(';', i);
        return semi > i + 1 && isClassName(s.substring(i + 1, semi)) ? semi + 1 : -1;
    }

    private static String show(String s) {
        return s == null ? "(none)" : "\"" + s + "\"";
    }

    private static void bad(String what) {
        throw new WeaveException(Diagnostic.Code.BAD_CLASS_FILE, "corrupt class file: " + what);
    }
}
