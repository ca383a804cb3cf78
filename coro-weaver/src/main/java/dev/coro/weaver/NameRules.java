package dev.coro.weaver;

/**
 * The JVM's rules for names and descriptors (JVMS 4.2, 4.3), as predicates the input checks share:
 * {@link ConstantPoolChecker} applies them to the constant pool, {@link FormatChecker} to what ASM
 * read from it. Pure functions of their argument.
 */
final class NameRules {
    private NameRules() {}

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

    /** What a Class constant may name: a class in internal form or an array descriptor. */
    static boolean isClassOrArray(String s) {
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

    /** The end of the field type starting at {@code i}, or -1 (at most 255 array dimensions). */
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
}
