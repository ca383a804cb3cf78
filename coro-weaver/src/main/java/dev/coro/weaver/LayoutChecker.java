package dev.coro.weaver;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Input check, after the constant pool's: the layout of the class file's members and attributes,
 * which ASM reads by trusting counts and offsets and the JVM checks. Each member's name and type are
 * Utf8 entries; each attribute has a name and ends inside the file; attributes of a known fixed shape
 * ({@code InnerClasses}, {@code Exceptions}, {@code LineNumberTable}, ...) have the length their
 * counts give; a {@code Code} attribute's parts add up, its code decodes ({@link InstructionStarts}),
 * its exception ranges lie on instructions and name Class entries, its local variables lie in the code
 * and the locals, and its stack map sits where instructions start and covers every jump of a method
 * the weaver copies unchanged ({@link StackMapCoverage}). A failure is a
 * {@link Diagnostic.Code#BAD_CLASS_FILE} naming the method and source file; reads only.
 */
final class LayoutChecker {
    private LayoutChecker() {}

    /**
     * Where a problem lies, for its diagnostic: what it is in ("the class", "field f", "method m()V"),
     * the method's name (or null), the source file (or null), and the code's LineNumberTable (or -1).
     */
    record Where(String subject, String method, String sourceFile, ClassReader reader, int lineTable) {
        Where(String subject, String method, String sourceFile) {
            this(subject, method, sourceFile, null, -1);
        }

        void bad(String what) {
            bad(0, what);
        }

        /** The line of the code at {@code offset}, from the method's LineNumberTable; 0 when it has none. */
        int lineAt(int offset) {
            if (lineTable < 0) return 0;
            int line = 0;
            int best = -1;
            for (int e = 0, n = reader.readUnsignedShort(lineTable); e < n; e++) {
                int start = reader.readUnsignedShort(lineTable + 2 + 4 * e);
                if (start <= offset && start > best) {
                    best = start;
                    line = reader.readUnsignedShort(lineTable + 4 + 4 * e);
                }
            }
            return line;
        }

        void bad(int line, String what) {
            throw new WeaveException(Diagnostic.Code.BAD_CLASS_FILE, line, "corrupt class file: " + subject + " " + what,
                    method, sourceFile);
        }
    }

    /**
     * Attributes whose length follows from their first count, where the JVM reads them (by
     * {@code C}lass, {@code F}ield, {@code M}ethod or {@code K} code, then name): {fixed part, bytes
     * per entry, bytes of the count}. Elsewhere the JVM skips an attribute of such a name, and so
     * does this check.
     */
    private static final Map<String, int[]> SHAPES = shapes();

    private static Map<String, int[]> shapes() {
        Map<String, int[]> m = new HashMap<>();
        for (String where : List.of("C", "F", "M")) {
            m.put(where + "Signature", new int[] {2, 0, 0});
            m.put(where + "Synthetic", new int[] {0, 0, 0});
            m.put(where + "Deprecated", new int[] {0, 0, 0});
        }
        m.put("CSourceFile", new int[] {2, 0, 0});
        m.put("CNestHost", new int[] {2, 0, 0});
        m.put("CEnclosingMethod", new int[] {4, 0, 0});
        m.put("CInnerClasses", new int[] {2, 8, 2});
        m.put("CNestMembers", new int[] {2, 2, 2});
        m.put("CPermittedSubclasses", new int[] {2, 2, 2});
        m.put("FConstantValue", new int[] {2, 0, 0});
        m.put("MExceptions", new int[] {2, 2, 2});
        m.put("MMethodParameters", new int[] {1, 4, 1});
        m.put("KLineNumberTable", new int[] {2, 4, 2});
        m.put("KLocalVariableTable", new int[] {2, 10, 2});
        m.put("KLocalVariableTypeTable", new int[] {2, 10, 2});
        return Map.copyOf(m);
    }

    /** @throws WeaveException {@code BAD_CLASS_FILE} naming what is wrong, and where */
    static void check(ClassReader r, int length) {
        Where inClass = new Where("the class", null, sourceFile(r, length));
        int p = r.header;
        if (ConstantPoolChecker.tagAt(r, r.readUnsignedShort(p + 2)) != ConstantPoolChecker.CLASS) {
            inClass.bad("has a this_class that is not a Class constant");
        }
        int sup = r.readUnsignedShort(p + 4);
        if (sup != 0 && ConstantPoolChecker.tagAt(r, sup) != ConstantPoolChecker.CLASS) {
            inClass.bad("has a super_class that is not a Class constant");
        }
        int interfaces = r.readUnsignedShort(p + 6);
        p += 8;
        for (int i = 0; i < interfaces; i++, p += 2) {
            if (ConstantPoolChecker.tagAt(r, r.readUnsignedShort(p)) != ConstantPoolChecker.CLASS) {
                inClass.bad("implements an interface that is not a Class constant");
            }
        }
        boolean frames = r.readUnsignedShort(6) >= Opcodes.V1_6; // the major version
        char[] buf = new char[r.getMaxStringLength()];
        for (int members = 0; members < 2; members++) {
            int n = r.readUnsignedShort(p);
            p += 2;
            for (int i = 0; i < n; i++) {
                int access = r.readUnsignedShort(p);
                if (ConstantPoolChecker.tagAt(r, r.readUnsignedShort(p + 2)) != ConstantPoolChecker.UTF8
                        || ConstantPoolChecker.tagAt(r, r.readUnsignedShort(p + 4)) != ConstantPoolChecker.UTF8) {
                    inClass.bad("has a " + (members == 0 ? "field" : "method") + " whose name or type is not a Utf8 constant");
                }
                String name = r.readUTF8(p + 2, buf);
                Where where = members == 0 ? new Where("field " + name, null, inClass.sourceFile())
                        : new Where("method " + name + r.readUTF8(p + 4, buf), name, inClass.sourceFile());
                Member m = new Member(where, members == 1, frames && (access & Opcodes.ACC_BRIDGE) == 0);
                p = attributes(r, p + 6, length, buf, m);
                m.checkCoverage();
            }
        }
        Member cls = new Member(inClass, false, false);
        cls.isClass = true;
        attributes(r, p, length, buf, cls);
    }

    /** What the walk learns about one member's attributes; a method's coverage is checked once all are read. */
    private static final class Member {
        final Where where;
        final boolean method;
        final boolean framesRequired;
        boolean isClass;
        boolean coroutine;
        StackMapCoverage.Code code;

        Member(Where where, boolean method, boolean framesRequired) {
            this.where = where;
            this.method = method;
            this.framesRequired = framesRequired;
        }

        void checkCoverage() {
            // a coroutine's frames are computed anew when it is woven; every other method is copied with its own
            if (code != null && framesRequired && !coroutine) code.checkCovered();
        }
    }

    /** Checks the attribute table at {@code p} of a class, field or method; returns its end. */
    private static int attributes(ClassReader r, int p, int length, char[] buf, Member member) {
        int n = r.readUnsignedShort(p);
        p += 2;
        for (int a = 0; a < n; a++) {
            String name = name(r, p, buf, member.where);
            int end = end(r, p, length, name, member.where);
            int body = p + 6;
            checkShape(r, (member.isClass ? "C" : member.method ? "M" : "F") + name, body, end, member.where);
            if (member.isClass) checkClassReferences(r, name, body, member.where);
            if (member.method && "Code".equals(name)) {
                if (member.code != null) member.where.bad("has two Code attributes");
                member.code = code(r, body, end, buf, member.where);
            } else if (member.method && ("RuntimeInvisibleAnnotations".equals(name)
                    || "RuntimeVisibleAnnotations".equals(name))) {
                member.coroutine |= Annotations.names(r, body, end, buf, Names.COROUTINE_DESC);
            }
            p = end;
        }
        return p;
    }

    /** A Code attribute's parts: its own attributes, its code, its exception table. */
    private static StackMapCoverage.Code code(ClassReader r, int body, int end, char[] buf, Where method) {
        int maxLocals = r.readUnsignedShort(body + 2);
        int codeLength = r.readInt(body + 4);
        if (codeLength <= 0 || codeLength > 65535 || body + 8L + codeLength + 2 > end) method.bad("has a bad code length");
        int codeStart = body + 8;
        int table = codeStart + codeLength;
        int handlers = r.readUnsignedShort(table);
        int q = table + 2 + 8 * handlers;
        if (q + 2L > end) method.bad("has a Code attribute with the wrong length");
        int n = r.readUnsignedShort(q);
        q += 2;
        int[] at = new int[n];
        String[] names = new String[n];
        int lines = -1;
        int stackMap = -1;
        int stackMapEnd = -1;
        for (int a = 0; a < n; a++) { // first the attributes, so that what follows can name a line
            names[a] = name(r, q, buf, method);
            int stop = end(r, q, end, names[a], method);
            checkShape(r, "K" + names[a], q + 6, stop, method);
            at[a] = q + 6;
            if ("LineNumberTable".equals(names[a])) lines = q + 6;
            if ("StackMapTable".equals(names[a])) {
                stackMap = q + 6;
                stackMapEnd = stop;
            }
            q = stop;
        }
        if (q != end) method.bad("has a Code attribute with the wrong length");
        Where where = new Where(method.subject(), method.method(), method.sourceFile(), r, lines);
        InstructionStarts insns = InstructionStarts.of(r, codeStart, codeLength, where);
        BitSet handlerStarts = new BitSet();
        for (int h = 0; h < handlers; h++) {
            int e = table + 2 + 8 * h;
            int start = r.readUnsignedShort(e);
            int stop = r.readUnsignedShort(e + 2);
            int handler = r.readUnsignedShort(e + 4);
            int type = r.readUnsignedShort(e + 6);
            if (start >= stop || !insns.starts().get(start) || stop < codeLength && !insns.starts().get(stop)
                    || stop > codeLength || handler >= codeLength || !insns.starts().get(handler)) {
                where.bad(where.lineAt(start), "has an exception handler whose range or target is not on its instructions");
            }
            if (type != 0 && ConstantPoolChecker.tagAt(r, type) != ConstantPoolChecker.CLASS) {
                where.bad(where.lineAt(handler), "has an exception handler whose catch type " + type
                        + " is not a Class constant");
            }
            handlerStarts.set(handler);
        }
        for (int a = 0; a < n; a++) {
            if (!"LocalVariableTable".equals(names[a]) && !"LocalVariableTypeTable".equals(names[a])) continue;
            for (int e = 0, entries = r.readUnsignedShort(at[a]); e < entries; e++) {
                int entry = at[a] + 2 + 10 * e;
                int start = r.readUnsignedShort(entry);
                int span = r.readUnsignedShort(entry + 2);
                if (start >= codeLength || start + span > codeLength || r.readUnsignedShort(entry + 8) >= maxLocals) {
                    where.bad("has a " + names[a] + " entry outside its code or its locals");
                }
            }
        }
        return StackMapCoverage.of(r, stackMap, stackMapEnd, insns, handlerStarts, where);
    }

    /**
     * The class-level attributes that name classes (JVMS 4.7.6-4.7.7, 4.7.28-4.7.29, 4.7.31) name Class
     * entries: ASM reads whatever entry an index gives as a class name, and writes that name back.
     */
    private static void checkClassReferences(ClassReader r, String name, int body, Where where) {
        int n = "NestMembers".equals(name) || "PermittedSubclasses".equals(name) ? r.readUnsignedShort(body) : 0;
        for (int i = 0; i < n; i++) requireClass(r, r.readUnsignedShort(body + 2 + 2 * i), false, name, where);
        if ("NestHost".equals(name)) requireClass(r, r.readUnsignedShort(body), false, name, where);
        if ("EnclosingMethod".equals(name)) {
            requireClass(r, r.readUnsignedShort(body), false, name, where);
            int method = r.readUnsignedShort(body + 2);
            if (method != 0 && ConstantPoolChecker.tagAt(r, method) != ConstantPoolChecker.NAME_AND_TYPE) {
                where.bad("has an EnclosingMethod attribute whose method is not a NameAndType constant");
            }
        }
        if ("InnerClasses".equals(name)) {
            for (int i = 0, classes = r.readUnsignedShort(body); i < classes; i++) {
                int entry = body + 2 + 8 * i;
                requireClass(r, r.readUnsignedShort(entry), false, name, where);
                requireClass(r, r.readUnsignedShort(entry + 2), true, name, where);
                int simpleName = r.readUnsignedShort(entry + 4);
                if (simpleName != 0 && ConstantPoolChecker.tagAt(r, simpleName) != ConstantPoolChecker.UTF8) {
                    where.bad("has an InnerClasses entry whose name is not a Utf8 constant");
                }
            }
        }
    }

    private static void requireClass(ClassReader r, int index, boolean optional, String attribute, Where where) {
        if (optional && index == 0 || ConstantPoolChecker.tagAt(r, index) == ConstantPoolChecker.CLASS) return;
        where.bad("has a " + attribute + " attribute naming entry " + index + ", which is not a Class constant");
    }

    private static String name(ClassReader r, int p, char[] buf, Where where) {
        int index = r.readUnsignedShort(p);
        if (ConstantPoolChecker.tagAt(r, index) != ConstantPoolChecker.UTF8) {
            where.bad("has an attribute whose name index " + index + " is not a Utf8 constant");
        }
        return r.readUTF8(p, buf);
    }

    private static int end(ClassReader r, int p, int limit, String name, Where where) {
        long end = p + 6L + (r.readInt(p + 2) & 0xFFFFFFFFL);
        if (end > limit) where.bad("has an attribute " + name + " that runs past the end of where it lies");
        return (int) end;
    }

    private static void checkShape(ClassReader r, String key, int body, int end, Where where) {
        int[] shape = SHAPES.get(key);
        String name = key.substring(1);
        if (shape == null) return;
        long count = shape[2] == 0 || body + shape[2] > end ? 0
                : shape[2] == 1 ? r.readByte(body) & 0xFF : r.readUnsignedShort(body);
        if (end - body != shape[0] + shape[1] * count) where.bad("has an attribute " + name + " of the wrong length");
    }

    /** The SourceFile attribute's value, for diagnostics, or null when it is absent or cannot be found. */
    private static String sourceFile(ClassReader r, int length) {
        try {
            int p = r.header + 8 + 2 * r.readUnsignedShort(r.header + 6);
            for (int members = 0; members < 2; members++) {
                int n = r.readUnsignedShort(p);
                p += 2;
                for (int i = 0; i < n; i++) p = skipAttributes(r, p + 6, length);
            }
            char[] buf = new char[r.getMaxStringLength()];
            for (int a = 0, n = r.readUnsignedShort(p); a < n; a++) {
                int at = p + 2 + skipped(r, p + 2, a, length);
                if ("SourceFile".equals(r.readUTF8(at, buf)) && r.readInt(at + 2) == 2) return r.readUTF8(at + 6, buf);
            }
        } catch (RuntimeException e) {
            return null; // the walk proper says what is wrong
        }
        return null;
    }

    private static int skipAttributes(ClassReader r, int p, int length) {
        return p + 2 + skipped(r, p + 2, r.readUnsignedShort(p), length);
    }

    /** The bytes taken by the first {@code n} attributes from {@code p}. */
    private static int skipped(ClassReader r, int p, int n, int length) {
        int q = p;
        for (int a = 0; a < n; a++) {
            long end = q + 6L + (r.readInt(q + 2) & 0xFFFFFFFFL);
            if (end > length) throw new IllegalArgumentException("past the end");
            q = (int) end;
        }
        return q - p;
    }
}
