package dev.coro.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated program: one class of {@code @Coroutine} methods, kept as a tree of statements so the
 * minimiser can delete parts of it. It renders as Java source in two flavours that share every body
 * line: {@link Flavor#WOVEN} against {@code dev.coro}, and {@link Flavor#REFERENCE}, where
 * {@code Yield} and {@code Coroutine} come from {@code dev.coro.fuzz.ref} and each coroutine method
 * becomes a wrapper handing its (renamed, unchanged) body to the thread-backed {@code RefCoro}.
 */
public final class Program {
    /** Which implementation of the protocol a rendering compiles against. */
    public enum Flavor {
        WOVEN("fz.w"), REFERENCE("fz.r");

        /** The package of the rendered class. */
        public final String pkg;

        Flavor(String pkg) {
            this.pkg = pkg;
        }
    }

    /** A statement: one line of text, or a compound of header lines and nested bodies. */
    public abstract static class Stmt {}

    /** A simple statement (a line, or a few lines that only make sense together). */
    public static final class Line extends Stmt {
        final String text;

        Line(String text) {
            this.text = text;
        }
    }

    /** A compound statement: its parts are header/footer lines ({@code String}) and bodies ({@code List<Stmt>}). */
    public static final class Compound extends Stmt {
        final List<Object> parts;

        Compound(List<Object> parts) {
            this.parts = parts;
        }
    }

    /** Where a coroutine method lives. */
    public enum Host {
        /** A static method of the program class. */
        STATIC,
        /** An instance method of the program class (it may use the field {@code acc}). */
        INSTANCE,
        /** A default method of the interface the program class implements. */
        DEFAULT,
        /** A static method of that interface. */
        INTERFACE_STATIC;

        boolean inInterface() {
            return this == DEFAULT || this == INTERFACE_STATIC;
        }

        boolean isStatic() {
            return this == STATIC || this == INTERFACE_STATIC;
        }
    }

    /** One {@code @Coroutine} method. */
    public static final class Method {
        final String name;
        final Host host;
        /** The last parameter, an {@code int[]}, is declared {@code int...}. */
        final boolean varargs;
        final boolean primed;
        final String resultType;
        /** {@code "int p0"}, ... (after {@code List<String> log}). */
        final List<String> params;
        final List<Stmt> body = new ArrayList<>();
        /** The generic interface this coroutine implements (javac bridges it), or null. */
        String iface;
        /** Which parameter the interface declares with its type parameter {@code X}. */
        int generic = -1;
        /** The type argument the program class gives {@code X}. */
        String typeArg;

        Method(String name, Host host, boolean varargs, boolean primed, String resultType, List<String> params) {
            this.name = name;
            this.host = host;
            this.varargs = varargs;
            this.primed = primed;
            this.resultType = resultType;
            this.params = params;
        }

        void bridge(String iface, int generic, String typeArg) {
            this.iface = iface;
            this.generic = generic;
            this.typeArg = typeArg;
        }

        /** The parameter list with parameter {@code generic} typed {@code X}: the interface's method. */
        String genericParamList() {
            StringBuilder sb = new StringBuilder("List<String> log");
            for (int i = 0; i < params.size(); i++) {
                String p = params.get(i);
                sb.append(", ").append(i == generic ? "X" + p.substring(p.lastIndexOf(' ')) : p);
            }
            return sb.toString();
        }

        String returnType() {
            return "Coro<Object, Integer, " + resultType + ">";
        }

        String paramList() {
            StringBuilder sb = new StringBuilder("List<String> log");
            for (int i = 0; i < params.size(); i++) {
                String p = params.get(i);
                if (varargs && i == params.size() - 1) p = p.replace("int[] ", "int... ");
                sb.append(", ").append(p);
            }
            return sb.toString();
        }

        String argList() {
            StringBuilder sb = new StringBuilder("log");
            for (String p : params) sb.append(", ").append(p.substring(p.lastIndexOf(' ') + 1));
            return sb.toString();
        }
    }

    final long seed;
    final String className;
    final List<Method> methods = new ArrayList<>();
    /** The expression {@code start(log)} returns: the top coroutine. */
    final String startCall;

    Program(long seed, String className, String startCall) {
        this.seed = seed;
        this.className = className;
        this.startCall = startCall;
    }

    public long seed() {
        return seed;
    }

    public String className() {
        return className;
    }

    /** The binary name of the rendered class. */
    public String binaryName(Flavor f) {
        return f.pkg + "." + className;
    }

    public String render(Flavor f) {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(f.pkg).append(";\n\n");
        sb.append("import dev.coro.Coro;\n");
        sb.append("import dev.coro.CoroutineExit;\n");
        sb.append("import dev.coro.StopIteration;\n");
        if (f == Flavor.WOVEN) {
            sb.append("import dev.coro.Coroutine;\n");
            sb.append("import dev.coro.Yield;\n");
        } else {
            sb.append("import dev.coro.fuzz.ref.Coroutine;\n");
            sb.append("import dev.coro.fuzz.ref.RefCoro;\n");
            sb.append("import dev.coro.fuzz.ref.Yield;\n");
        }
        sb.append("import dev.coro.fuzz.lib.*;\n");
        sb.append("import java.util.*;\n");
        sb.append("import static dev.coro.fuzz.lib.Fz.*;\n\n");
        boolean anyInterface = methods.stream().anyMatch(m -> m.host.inInterface());
        if (anyInterface) {
            sb.append("/** Coroutines of program seed ").append(seed).append(" that live in an interface. */\n");
            sb.append("interface ").append(className).append("I {\n");
            for (Method m : methods) if (m.host.inInterface()) renderMethod(sb, m, f);
            sb.append("}\n\n");
        }
        List<String> implemented = new ArrayList<>();
        if (anyInterface) implemented.add(className + "I");
        for (Method m : methods) {
            if (m.iface == null) continue;
            implemented.add(m.iface + "<" + m.typeArg + ">");
            sb.append("/** Implemented with X = ").append(m.typeArg).append(": javac bridges ").append(m.name).append(". */\n");
            sb.append("interface ").append(m.iface).append("<X> {\n");
            sb.append("    ").append(m.returnType()).append(' ').append(m.name).append('(').append(m.genericParamList())
                    .append(");\n}\n\n");
        }
        sb.append("/** Program seed ").append(seed).append(". */\n");
        sb.append("public class ").append(className)
                .append(implemented.isEmpty() ? "" : " implements " + String.join(", ", implemented)).append(" {\n");
        sb.append("    int acc;\n\n");
        sb.append("    ").append(className).append("(int acc) {\n        this.acc = acc;\n    }\n\n");
        sb.append("    /** Java runs its static initializer at the first new K(...), before the arguments are evaluated. */\n");
        sb.append("    static final class K {\n        static {\n            event(\"K init\");\n        }\n\n");
        sb.append("        final int a;\n        final Object b;\n\n");
        sb.append("        K(int a, Object b) {\n            this.a = a;\n            this.b = b;\n        }\n\n");
        sb.append("        @Override\n        public String toString() {\n            return \"K(\" + a + \",\" + b + \")\";\n        }\n    }\n\n");
        sb.append("    public static Coro<Object, Integer, ?> start(List<String> log) {\n");
        sb.append("        return ").append(startCall).append(";\n    }\n");
        for (Method m : methods) if (!m.host.inInterface()) renderMethod(sb, m, f);
        sb.append("}\n");
        return sb.toString();
    }

    private static void renderMethod(StringBuilder sb, Method m, Flavor f) {
        sb.append('\n');
        String mods = m.host == Host.DEFAULT ? "default " : m.host.isStatic() ? "static " : m.iface != null ? "public " : "";
        if (m.iface != null) sb.append("    @Override\n");
        sb.append("    @Coroutine").append(m.primed ? "(primed = true)" : "").append('\n');
        sb.append("    ").append(mods).append(m.returnType()).append(' ').append(m.name)
                .append('(').append(m.paramList()).append(") {\n");
        if (f == Flavor.REFERENCE) {
            sb.append("        return RefCoro.start(\"").append(m.name).append("\", ").append(m.primed)
                    .append(", () -> ").append(m.name).append("$body(").append(m.argList()).append("));\n");
            sb.append("    }\n\n");
            sb.append("    ").append(mods.equals("public ") ? "" : mods).append(m.returnType()).append(' ').append(m.name)
                    .append("$body(").append(m.paramList()).append(") {\n");
        }
        renderBody(sb, m.body, 2);
        sb.append("    }\n");
    }

    /** Statements as source text, indented {@code indent} levels. */
    static String renderStatements(List<Stmt> stmts, int indent) {
        StringBuilder sb = new StringBuilder();
        renderBody(sb, stmts, indent);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void renderBody(StringBuilder sb, List<Stmt> body, int indent) {
        for (Stmt s : body) {
            if (s instanceof Line) {
                for (String line : ((Line) s).text.split("\n")) indent(sb, indent).append(line).append('\n');
            } else {
                for (Object part : ((Compound) s).parts) {
                    if (part instanceof String) {
                        indent(sb, indent).append((String) part).append('\n');
                    } else {
                        renderBody(sb, (List<Stmt>) part, indent + 1);
                    }
                }
            }
        }
    }

    private static StringBuilder indent(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) sb.append("    ");
        return sb;
    }

    /** A place in the tree where a statement can be deleted: {@code list.get(index)}. */
    record Site(List<Stmt> list, int index) {}

    /** Every statement of every method, parents before their children (so whole subtrees go first). */
    @SuppressWarnings("unchecked")
    List<Site> sites() {
        List<Site> out = new ArrayList<>();
        for (Method m : methods) collect(m.body, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collect(List<Stmt> body, List<Site> out) {
        for (int i = 0; i < body.size(); i++) {
            out.add(new Site(body, i));
            if (body.get(i) instanceof Compound) {
                for (Object part : ((Compound) body.get(i)).parts) {
                    if (part instanceof List) collect((List<Stmt>) part, out);
                }
            }
        }
    }

    /** The number of statements (for reports). */
    int size() {
        return sites().size();
    }
}
