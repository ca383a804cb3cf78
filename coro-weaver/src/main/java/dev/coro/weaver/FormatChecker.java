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
 * class file and the JVM does when it loads one. The raw file's rules are in
 * {@link ConstantPoolChecker} (the constant pool) and {@link LayoutChecker} (members, attributes,
 * code, stack maps), both run before ASM reads the class; this class checks what ASM read: legal
 * names and descriptors, legal combinations of access flags, a Code attribute exactly where one
 * belongs, exception ranges that cover code. A corrupt file that breaks one is a
 * {@link Diagnostic.Code#BAD_CLASS_FILE}, instead of a woven class the JVM then rejects with a
 * ClassFormatError. Reads only; throws on the first problem.
 */
final class FormatChecker {
    private FormatChecker() {}

    /** The constant pool's rules: {@link ConstantPoolChecker}. */
    static void checkConstantPool(ClassReader r) {
        ConstantPoolChecker.check(r);
    }

    /** The layout of members, attributes, code and stack maps: {@link LayoutChecker}. */
    static void checkLengths(ClassReader r, int length) {
        LayoutChecker.check(r, length);
    }

    /** The rules on what ASM read: names, descriptors, modifiers, code where it belongs, ranges on instructions. */
    static void check(ClassNode cls) {
        if (!NameRules.isClassName(cls.name)) bad("its class name is not a legal name: " + show(cls.name));
        boolean itf = (cls.access & Opcodes.ACC_INTERFACE) != 0;
        boolean java5 = (cls.version & 0xFFFF) >= Opcodes.V1_5;
        if (cls.superName == null ? !Names.OBJECT.equals(cls.name) : !NameRules.isClassName(cls.superName)) {
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
        for (String i : cls.interfaces) if (!NameRules.isClassName(i)) bad("an interface name is not legal: " + show(i));
        for (org.objectweb.asm.tree.InnerClassNode ic : cls.innerClasses) {
            if (!NameRules.isClassName(ic.name) || ic.outerName != null && !NameRules.isClassName(ic.outerName)) {
                bad("an InnerClasses entry names an illegal class: " + show(ic.name));
            }
        }
        checkAttributes(cls.attrs);
        for (FieldNode f : cls.fields) {
            checkAttributes(f.attrs);
            if (!NameRules.isUnqualified(f.name, false) || !NameRules.isFieldDescriptor(f.desc)) {
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
        if (!(special || NameRules.isUnqualified(m.name, true)) || !NameRules.isMethodDescriptor(m.desc)
                || special && !m.desc.endsWith(")V") || "<clinit>".equals(m.name) && !m.desc.equals("()V")) {
            bad(cls, m, 0, "method " + show(m.name) + " has an illegal name or descriptor " + show(m.desc));
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
            bad(cls, m, 0, "method " + m.name + " has illegal modifiers 0x" + Integer.toHexString(a));
        }
        checkAttributes(m.attrs);
        boolean needsCode = (a & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
        if (needsCode != (m.instructions.size() > 0)) {
            bad(cls, m, 0, "method " + m.name + (needsCode ? " has no code" : " is abstract or native but has code"));
        }
        for (AbstractInsnNode insn : m.instructions) checkInstruction(cls, m, insn);
        if (m.localVariables != null) {
            for (org.objectweb.asm.tree.LocalVariableNode v : m.localVariables) {
                if (!NameRules.isUnqualified(v.name, false) || !NameRules.isFieldDescriptor(v.desc)) {
                    bad(cls, m, 0, "method " + m.name + " has a local variable with an illegal name or type "
                            + show(v.desc));
                }
            }
        }
        // a label ASM made for an offset that is not an instruction's start is not in the list
        java.util.Set<AbstractInsnNode> present = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (AbstractInsnNode insn : m.instructions) present.add(insn);
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            if (!present.contains(t.start) || !present.contains(t.end) || !present.contains(t.handler)) {
                bad(cls, m, 0, "method " + m.name
                        + " has an exception handler whose range or target is not an instruction");
            }
        }
        if (m.localVariables != null) {
            for (org.objectweb.asm.tree.LocalVariableNode v : m.localVariables) {
                if (!present.contains(v.start) || !present.contains(v.end)) {
                    bad(cls, m, 0, "method " + m.name + " has a local variable whose range is not in its code");
                }
            }
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            int start = m.instructions.indexOf(t.start);
            int end = m.instructions.indexOf(t.end);
            boolean covers = false;
            for (int i = start; i < end && !covers; i++) covers = m.instructions.get(i).getOpcode() >= 0;
            if (!covers || t.type != null && !NameRules.isClassName(t.type)) {
                bad(cls, m, ControlFlow.lineOf(t.start), "method " + m.name
                        + " has an exception handler with an empty or illegal range or type");
            }
        }
    }

    private static void checkInstruction(ClassNode cls, MethodNode m, AbstractInsnNode insn) {
        boolean ok = true;
        if (insn instanceof MethodInsnNode c) {
            ok = NameRules.isClassOrArray(c.owner) && c.name != null
                    && ("<init>".equals(c.name) || NameRules.isUnqualified(c.name, true)) && NameRules.isMethodDescriptor(c.desc);
        } else if (insn instanceof FieldInsnNode f) {
            ok = NameRules.isClassOrArray(f.owner) && NameRules.isUnqualified(f.name, false) && NameRules.isFieldDescriptor(f.desc);
        } else if (insn instanceof TypeInsnNode t) {
            ok = NameRules.isClassOrArray(t.desc);
        } else if (insn instanceof InvokeDynamicInsnNode d) {
            ok = NameRules.isUnqualified(d.name, true) && NameRules.isMethodDescriptor(d.desc) && isConstant(d.bsm)
                    && java.util.Arrays.stream(d.bsmArgs).allMatch(FormatChecker::isConstant);
        } else if (insn instanceof org.objectweb.asm.tree.LdcInsnNode l) {
            ok = isConstant(l.cst);
        } else if (insn instanceof MultiANewArrayInsnNode a) {
            ok = a.desc != null && a.desc.startsWith("[") && NameRules.isFieldDescriptor(a.desc);
        }
        if (!ok) {
            bad(cls, m, ControlFlow.lineOf(insn), "method " + m.name
                    + " has an instruction naming an illegal class, member or type");
        }
    }

    /** A loadable constant (an LDC operand, a bootstrap method or argument) whose names and types are legal. */
    private static boolean isConstant(Object c) {
        if (c instanceof org.objectweb.asm.Type t) {
            String d = t.getDescriptor();
            return t.getSort() == org.objectweb.asm.Type.METHOD ? NameRules.isMethodDescriptor(d) : NameRules.isFieldDescriptor(d);
        }
        if (c instanceof org.objectweb.asm.Handle h) {
            boolean field = h.getTag() <= Opcodes.H_PUTSTATIC;
            return NameRules.isClassOrArray(h.getOwner()) && h.getName() != null
                    && ("<init>".equals(h.getName()) || NameRules.isUnqualified(h.getName(), !field))
                    && (field ? NameRules.isFieldDescriptor(h.getDesc()) : NameRules.isMethodDescriptor(h.getDesc()));
        }
        if (c instanceof org.objectweb.asm.ConstantDynamic cd) {
            if (!NameRules.isUnqualified(cd.getName(), false) || !NameRules.isFieldDescriptor(cd.getDescriptor())
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

    private static String show(String s) {
        return s == null ? "(none)" : "\"" + s + "\"";
    }

    /** A problem in method {@code m}: the diagnostic names it and its source file (line 0: its first line). */
    private static void bad(ClassNode cls, MethodNode m, int line, String what) {
        throw new WeaveException(Diagnostic.Code.BAD_CLASS_FILE, line > 0 ? line : ControlFlow.firstLine(m),
                "corrupt class file: " + what, m.name, cls.sourceFile);
    }

    private static void bad(String what) {
        throw new WeaveException(Diagnostic.Code.BAD_CLASS_FILE, "corrupt class file: " + what);
    }
}
