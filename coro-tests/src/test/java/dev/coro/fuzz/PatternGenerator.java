package dev.coro.fuzz;

import dev.coro.fuzz.Program.Compound;
import dev.coro.fuzz.Program.Stmt;
import dev.coro.fuzz.ProgramGenerator.Feature;
import dev.coro.fuzz.ProgramGenerator.Sig;
import dev.coro.fuzz.ProgramGenerator.Target;
import dev.coro.fuzz.ProgramGenerator.Ty;
import dev.coro.fuzz.ProgramGenerator.Var;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The shapes of issue 17 (docs/fuzzing.md), between the expressions and the statements: merged
 * arrays ({@link Feature#ARRAY_MERGES}), package-private values of another package
 * ({@link Feature#PACKAGE_PRIVATE_VALUES}), switch expressions with try arms among constructor
 * arguments ({@link Feature#SWITCH_TRY_IN_CONSTRUCTOR}), and the sealed records {@code lib.Sh} with,
 * when the compiling javac's release is 21 or later, record patterns, guards that may suspend,
 * exhaustive switches without {@code default} and {@code case null} ({@link Feature#PATTERNS}).
 */
abstract class PatternGenerator extends ExpressionGenerator {

    PatternGenerator(Random r, Sig sig, List<Sig> callees, ProgramGenerator.Options options, String className) {
        super(r, sig, callees, options, className);
    }

    /** Statements of an arm, in the current scope (BodyGenerator). */
    abstract List<Stmt> nestedNoScope(int n);

    // ---------------------------------------------------------------------- values

    @Override
    String featureExpr(Ty t, int d) {
        String c = null;
        switch (t) {
            case OBJ_ARR:
                c = cond();
                switch (r.nextInt(5)) {
                    case 0: return "(" + c + " ? new String[] {" + expr(Ty.STRING, d) + ", \"b\"} : new Integer[][] {{"
                            + expr(Ty.INTEGER, d) + "}, {}})";
                    case 1: return "(" + c + " ? new Box[] {" + expr(Ty.BOX, d) + "} : new int[][] {{" + expr(Ty.INT, d) + ", 2}})";
                    case 2: return "(" + c + " ? new E[] {" + expr(Ty.ENUM, d) + "} : new CharSequence[] {" + expr(Ty.CHARSEQ, d) + "})";
                    case 3: return "new Object[] {" + expr(pickYieldable(), d) + ", " + expr(Ty.ANY_ARR, d) + "}";
                    default: return "(" + c + " ? new long[][] {{" + expr(Ty.LONG, d) + "}} : new String[2][1])";
                }
            case ANY_ARR:
                c = cond();
                switch (r.nextInt(4)) {
                    case 0: return "(" + c + " ? new int[] {" + expr(Ty.INT, d) + "} : new long[] {" + expr(Ty.LONG, d) + ", 2L})";
                    case 1: return "(" + c + " ? new double[] {" + expr(Ty.DOUBLE, d) + "} : new String[][] {{" + expr(Ty.STRING, d) + "}})";
                    case 2: return "(" + c + " ? new char[] {" + expr(Ty.CHAR, d) + "} : new boolean[] {" + expr(Ty.BOOLEAN, d) + "})";
                    default: return "(" + c + " ? " + expr(Ty.OBJ_ARR, d) + " : new byte[] {(byte) 1})";
                }
            case CLONEABLE:
                c = cond();
                switch (r.nextInt(3)) {
                    case 0: return "(" + c + " ? new int[] {" + expr(Ty.INT, d) + "} : new String[] {" + expr(Ty.STRING, d) + "})";
                    case 1: return "(" + c + " ? new ArrayList<String>(List.of(" + expr(Ty.STRING, d) + ")) : new long[] {"
                            + expr(Ty.LONG, d) + "})";
                    default: return "(" + c + " ? new Integer[][] {{" + expr(Ty.INTEGER, d) + "}} : new float[] {" + expr(Ty.FLOAT, d) + "})";
                }
            case SERIAL:
                c = cond();
                switch (r.nextInt(3)) {
                    case 0: return "(" + c + " ? new long[] {" + expr(Ty.LONG, d) + "} : " + expr(Ty.STRING, d) + ")";
                    case 1: return "(" + c + " ? " + expr(Ty.INTEGER, d) + " : new Box[] {" + expr(Ty.BOX, d) + "})";
                    default: return "(" + c + " ? " + expr(Ty.ENUM, d) + " : new int[][] {{" + expr(Ty.INT, d) + "}})";
                }
            case HIDDEN:
                switch (r.nextInt(3)) {
                    case 0: return "Hid.make(" + expr(Ty.STRING, d) + ")";
                    case 1: return "Hid.at(" + expr(Ty.HIDDEN_ARR, d) + ", " + expr(Ty.INT, d) + ")";
                    default: return "(" + cond() + " ? " + expr(Ty.HIDDEN, d) + " : " + expr(Ty.HIDDEN, d) + ")";
                }
            case HIDDEN_ARR:
                return "Hid.many(" + expr(Ty.STRING, d) + ", " + expr(Ty.STRING, d) + ")";
            case SHAPE:
                switch (r.nextInt(5)) {
                    case 0: return "new Pt(" + expr(Ty.INT, d) + ", " + expr(Ty.INT, d) + ")";
                    case 1: return "new Seg(new Pt(" + expr(Ty.INT, d) + ", " + expr(Ty.INT, d) + "), "
                            + (r.nextInt(4) == 0 ? "null" : "new Pt(" + expr(Ty.INT, d) + ", 1)") + ")";
                    case 2: return "new Lbl(" + expr(Ty.STRING, d) + ", "
                            + (r.nextInt(5) == 0 ? "null" : "(Object) " + expr(pickYieldable(), d)) + ")";
                    case 3: return "Sh.of(" + expr(Ty.INT, d) + ")";
                    default: return "(" + cond() + " ? (Sh) " + expr(Ty.SHAPE, d) + " : " + expr(Ty.SHAPE, d) + ")";
                }
            default:
                return leaf(t);
        }
    }

    @Override
    String featureLiteral(Ty t) {
        switch (t) {
            case OBJ_ARR: return pick("new String[] {\"p\", \"q\"}", "new int[][] {{1}, {2, 3}}");
            case ANY_ARR: return pick("new int[] {5, 6}", "new long[] {7L}");
            case CLONEABLE: return "new long[] {8L}";
            case SERIAL: return pick("\"ser\"", "new int[] {9}");
            case HIDDEN: return "Hid.make(\"h\")";
            case HIDDEN_ARR: return "Hid.many(\"x\", \"y\")";
            default: return pick("new Pt(1, 2)", "Sh.of(2)", "new Lbl(\"q\", 5)");
        }
    }

    /** An Integer that suspends when suspensions are allowed here. */
    private String suspendingInteger() {
        if (!canYield()) return expr(Ty.INTEGER, 1);
        yieldsInStmt++;
        return yieldLeaf(Ty.INTEGER);
    }

    @Override
    String featureString(int d) {
        List<Integer> kinds = new ArrayList<>();
        if (options.has(Feature.ARRAY_MERGES)) kinds.addAll(List.of(0, 1));
        if (options.has(Feature.PACKAGE_PRIVATE_VALUES)) kinds.addAll(List.of(2, 3, 4));
        if (options.has(Feature.PATTERNS)) kinds.add(5);
        if (kinds.isEmpty()) return arrayRead(Ty.STR_ARR, d);
        switch (kinds.get(r.nextInt(kinds.size()))) {
            case 0: // a merged array on the operand stack while the next argument suspends
                return "deep(" + expr(pick(Ty.OBJ_ARR, Ty.ANY_ARR, Ty.CLONEABLE, Ty.SERIAL), d) + ", " + suspendingInteger() + ")";
            case 1:
                return "deep(" + expr(pick(Ty.OBJ_ARR, Ty.ANY_ARR), d) + ")";
            case 2: // a package-private value on the operand stack across a suspension
                return "Hid.use(" + expr(Ty.HIDDEN, d) + ", " + suspendingInteger() + ")";
            case 3: // two package-private classes merged to their public base, on the stack
                return "Hid.desc(" + cond() + " ? " + expr(Ty.HIDDEN, d) + " : Hid.other(" + expr(Ty.INT, d) + "), "
                        + suspendingInteger() + ")";
            case 4:
                return r.nextBoolean() ? "Hid.descAll(" + expr(Ty.HIDDEN_ARR, d) + ")" : "Hid.desc(" + expr(Ty.HIDDEN, d) + ")";
            default:
                if (options.patterns() && depth < options.maxDepth() && r.nextInt(3) == 0) return patternSwitchExpr(Ty.STRING, false);
                return "String.valueOf(" + expr(Ty.SHAPE, d) + ")";
        }
    }

    @Override
    String featureCond(int d) {
        if (!options.has(Feature.PATTERNS)) return leaf(Ty.BOOLEAN);
        String s = "((Sh) " + expr(Ty.SHAPE, d) + ")";
        if (!options.patterns()) {
            String p = fresh("q");
            return "(" + s + " instanceof Pt " + p + " && " + p + ".x() > " + r.nextInt(20) + ")";
        }
        String x = fresh("x");
        String y = fresh("y");
        boolean unnamed = options.release() >= 22 && r.nextBoolean();
        switch (r.nextInt(4)) {
            case 0: return clearExits("(" + s + " instanceof Pt(int " + x + ", int " + y + ") && " + x + " "
                    + pick("<", ">", "==") + " " + y + ")");
            case 1: return clearExits("(" + s + " instanceof Seg(Pt(var " + x + ", " + (unnamed ? "_" : "var " + y) + "), Pt "
                    + fresh("b") + ") && " + x + " > " + r.nextInt(10) + ")");
            case 2: return clearExits("(" + s + " instanceof Lbl(String " + x + ", Integer " + y + ") && " + y + " > "
                    + r.nextInt(10) + ")");
            default: return clearExits("!(" + s + " instanceof Lbl(" + (unnamed ? "_" : "var " + x) + ", String " + y + "))");
        }
    }

    /**
     * {@code c} (a condition with record patterns) such that neither of its exits is reached only from
     * where its bindings are assigned: {@code ((c || "x".isEmpty()) && "".isEmpty())}, the same value
     * (the calls are false and true, but not constants to javac), each exit joined by a jump that
     * assigns no binding. Steers around a javac 25 bug (docs/fuzzing.md; not coro's): when code after
     * an {@code if} is reached only from inside a record pattern whose bindings are not in scope there,
     * e.g. {@code if (!(o instanceof Pt(var x, var y)) && true) return;} (or a condition that is so
     * under a {@code !}, or {@code if (true) return;} as the body), a later record-pattern
     * {@code switch} reuses their slots and javac's stack map claims a slot assigned that is not:
     * {@code VerifyError: Inconsistent stackmap frames} in javac's own output (soak 9125).
     */
    private static String clearExits(String c) {
        return "((" + c + " || \"x\".isEmpty()) && \"\".isEmpty())";
    }

    // ---------------------------------------------------------------------- statements

    /** An array-typed local assigned on both branches of an if: the JVM's merge at the join, live after it. */
    void arraysMergedByIf(List<Stmt> out) {
        Ty t = pick(Ty.OBJ_ARR, Ty.ANY_ARR, Ty.CLONEABLE, Ty.SERIAL);
        String n = fresh("a");
        out.add(line(t.java + " " + n + ";\nif (" + cond() + ") {\n    " + n + " = " + arrayValue(t) + ";\n} else {\n    "
                + n + " = " + arrayValue(t) + ";\n}\n" + logOf(n, t)));
        scopes.peek().add(new Var(n, t, true));
    }

    /** A value for a local of type {@code t}: an array (of any dimension, for Object[] of references) or a String. */
    private String arrayValue(Ty t) {
        List<String> v = new ArrayList<>(List.of("new String[] {" + expr(Ty.STRING, 1) + "}",
                "new Integer[][] {{" + expr(Ty.INTEGER, 1) + "}}", "new int[][] {{" + expr(Ty.INT, 1) + "}, {}}",
                "new Box[] {" + expr(Ty.BOX, 1) + "}", "new E[][] {{" + expr(Ty.ENUM, 1) + "}}"));
        if (t != Ty.OBJ_ARR) {
            v.addAll(List.of("new int[] {" + expr(Ty.INT, 1) + "}", "new long[] {" + expr(Ty.LONG, 1) + "}",
                    "new double[] {" + expr(Ty.DOUBLE, 1) + "}"));
        }
        if (t == Ty.CLONEABLE) v.add("new ArrayList<String>(List.of(" + expr(Ty.STRING, 1) + "))");
        if (t == Ty.SERIAL) v.addAll(List.of(expr(Ty.STRING, 1), expr(Ty.INTEGER, 1)));
        return v.get(r.nextInt(v.size()));
    }

    /**
     * {@code new Box(a, switch (k) { case 1 -> { try { ... yield Yield...; } catch ... } ... })}: javac
     * spills the stack, the uninitialised object included, into locals before such a switch.
     */
    void constructorWithSwitch(List<Stmt> out) {
        String n = fresh("n");
        int k = r.nextInt(4);
        if (k == 2 && !options.has(Feature.CLASS_INIT_IN_SUSPENDING_NEW)) k = 3;
        switch (k) {
            case 0 -> {
                String a = expr(Ty.STRING, 1);
                out.add(line("Box " + n + " = new Box(" + a + ", " + switchExpr(Ty.INT, Stack.REFERENCES, true) + ");\n"
                        + logOf(n, Ty.BOX)));
                scopes.peek().add(new Var(n, Ty.BOX, true));
            }
            case 1 -> {
                String sw = switchExpr(Ty.INT, Stack.REFERENCES, true);
                out.add(line("Box " + n + " = new Box(" + sw + ", " + expr(Ty.INTEGER, 1) + ");\n" + logOf(n, Ty.BOX)));
                scopes.peek().add(new Var(n, Ty.BOX, true));
            }
            case 2 -> {
                String a = expr(Ty.INT, 1);
                out.add(line("Object " + n + " = new " + className + ".K(" + a + ", "
                        + switchExpr(Ty.STRING, Stack.REFERENCES, true) + ");\nlog.add(\"" + n + "=\" + " + n + ");"));
            }
            default -> {
                String a = expr(Ty.STRING, 1);
                out.add(line("log.add(\"" + n + " \" + new Box(" + a + ", " + switchExpr(Ty.INT, Stack.REFERENCES, true) + "));"));
            }
        }
    }

    /** A pattern switch statement, exhaustive: over the sealed {@code Sh} (no default) or over Object. */
    void patternSwitchStmt(List<Stmt> out) {
        boolean overShapes = r.nextInt(3) != 0;
        boolean nullable = r.nextInt(3) == 0;
        List<Object> parts = new ArrayList<>();
        parts.add("switch (" + selector(overShapes, nullable) + ") {");
        List<Case> cases = overShapes ? shapeCases(nullable) : objectCases(nullable);
        targets.add(new Target(null, false));
        for (Case c : cases) {
            parts.add(c.label() + " -> {");
            scopes.push(new ArrayList<>(c.bindings()));
            List<Stmt> body = new ArrayList<>();
            if (!c.bindings().isEmpty()) body.add(line("log.add(\"" + c.bindings().get(0).name() + "=\" + "
                    + show(c.bindings().get(0).name(), c.bindings().get(0).type()) + ");"));
            body.addAll(nestedNoScope(1 + r.nextInt(2)));
            scopes.pop();
            parts.add(body);
            parts.add("}");
        }
        targets.remove(targets.size() - 1);
        parts.add("}");
        out.add(new Compound(parts));
    }

    @Override
    String patternSwitchExpr(Ty t, boolean statementLevel) {
        boolean overShapes = r.nextInt(3) != 0;
        boolean nullable = r.nextInt(3) == 0;
        StringBuilder sb = new StringBuilder("(switch (").append(selector(overShapes, nullable)).append(") {\n");
        List<Case> cases = overShapes ? shapeCases(nullable) : objectCases(nullable);
        boolean[] saved = enterSwitch(statementLevel ? Stack.EMPTY : Stack.ANY);
        List<Target> savedTargets = targets;
        targets = new ArrayList<>();
        for (Case c : cases) {
            sb.append("    ").append(c.label()).append(" -> ");
            scopes.push(new ArrayList<>(c.bindings()));
            armTo(sb, t);
            scopes.pop();
        }
        targets = savedTargets;
        leaveSwitch(saved);
        return sb.append("})").toString();
    }

    private String selector(boolean overShapes, boolean nullable) {
        String e = expr(overShapes ? Ty.SHAPE : pickYieldable(), 1);
        String type = overShapes ? "Sh" : "Object";
        return nullable ? "(" + cond() + " ? null : (" + type + ") " + e + ")" : "(" + type + ") " + e;
    }

    /** A case label ({@code case P when G}) and the bindings its arm sees. */
    private record Case(String label, List<Var> bindings) {}

    /**
     * For each record of {@code Sh} in random order, 0–2 guarded cases and then one that matches
     * every instance (the last may leave a null component to the remainder: MatchException).
     */
    private List<Case> shapeCases(boolean nullCase) {
        List<Case> out = new ArrayList<>();
        List<String> kinds = new ArrayList<>(List.of("Pt", "Seg", "Lbl"));
        Collections.shuffle(kinds, r);
        for (String k : kinds) {
            for (int g = r.nextInt(3); g > 0; g--) out.add(guarded(pattern(k, false)));
            if (k.equals("Lbl") && r.nextBoolean()) out.add(pattern(k, false));
            out.add(pattern(k, true));
        }
        if (nullCase) out.add(r.nextInt(out.size() + 1), new Case("case null", List.of()));
        return out;
    }

    /** Type patterns over Object, specific before general, ending in default (or {@code case null, default}). */
    private List<Case> objectCases(boolean nullCase) {
        List<Case> out = new ArrayList<>();
        if (nullCase && r.nextBoolean()) {
            out.add(new Case("case null", List.of()));
            nullCase = false;
        }
        String[][] types = {{"Integer", "INTEGER"}, {"String", "STRING"}, {"Box", "BOX"}, {"E", "ENUM"},
                {"CharSequence", "CHARSEQ"}, {"Number", "NUMBER"}};
        for (String[] ty : types) {
            if (r.nextBoolean()) continue;
            if (r.nextBoolean()) out.add(guarded(typePattern(ty)));
            if (r.nextInt(3) != 0) out.add(typePattern(ty));
        }
        if (r.nextInt(3) == 0) out.add(pattern(pick("Pt", "Seg", "Lbl"), r.nextBoolean()));
        out.add(new Case(nullCase ? "case null, default" : "default", List.of()));
        return out;
    }

    private Case typePattern(String[] ty) {
        String v = fresh("t");
        return new Case("case " + ty[0] + " " + v, List.of(new Var(v, Ty.valueOf(ty[1]), false)));
    }

    /** A pattern for record {@code kind}; {@code total}: one that matches every instance of it. */
    private Case pattern(String kind, boolean total) {
        boolean under = options.release() >= 22;
        List<Var> b = new ArrayList<>();
        String p;
        String x = fresh("x");
        String y = fresh("y");
        switch (kind) {
            case "Pt" -> {
                int f = r.nextInt(under ? 4 : 3);
                if (f == 0) {
                    p = "Pt " + x;
                    b.add(new Var(x, Ty.SHAPE, false));
                } else if (f == 3) {
                    p = "Pt(int " + x + ", _)";
                    b.add(new Var(x, Ty.INT, false));
                } else {
                    String ty = f == 1 ? "int " : "var ";
                    p = "Pt(" + ty + x + ", " + ty + y + ")";
                    b.add(new Var(x, Ty.INT, false));
                    b.add(new Var(y, Ty.INT, false));
                }
            }
            case "Seg" -> {
                int f = r.nextInt(total ? 6 : 4);
                String bb = fresh("b");
                if (f == 0) {
                    p = "Seg " + x;
                    b.add(new Var(x, Ty.SHAPE, false));
                } else if (f == 1) {
                    p = "Seg(Pt(int " + x + ", int " + y + "), Pt " + bb + ")"; // its remainder: a null first end
                    b.add(new Var(x, Ty.INT, false));
                    b.add(new Var(y, Ty.INT, false));
                    b.add(new Var(bb, Ty.OBJECT, false));
                } else if (f == 2 && under) {
                    p = "Seg(_, Pt " + bb + ")";
                    b.add(new Var(bb, Ty.OBJECT, false));
                } else if (f == 3 || f == 5) {
                    p = "Seg(Pt " + x + ", Pt(var " + y + ", var " + bb + "))"; // a null second end: MatchException if total
                    b.add(new Var(x, Ty.SHAPE, false));
                    b.add(new Var(y, Ty.INT, false));
                    b.add(new Var(bb, Ty.INT, false));
                } else {
                    p = "Seg(Pt " + x + ", Pt " + bb + ")";
                    b.add(new Var(x, Ty.SHAPE, false));
                    b.add(new Var(bb, Ty.OBJECT, false));
                }
                if (total && (f == 3 || f == 5) && r.nextInt(3) != 0) { // rarely leave Seg(.., null) to MatchException
                    p = "Seg(Pt " + x + ", Pt " + bb + ")";
                    b.clear();
                    b.add(new Var(x, Ty.SHAPE, false));
                    b.add(new Var(bb, Ty.OBJECT, false));
                }
            }
            default -> {
                if (!total) {
                    switch (r.nextInt(3)) {
                        case 0 -> {
                            p = "Lbl(String " + x + ", Integer " + y + ")";
                            b.add(new Var(x, Ty.STRING, false));
                            b.add(new Var(y, Ty.INTEGER, false));
                        }
                        case 1 -> {
                            p = "Lbl(var " + x + ", String " + y + ")";
                            b.add(new Var(x, Ty.STRING, false));
                            b.add(new Var(y, Ty.STRING, false));
                        }
                        default -> {
                            String z = fresh("z");
                            p = "Lbl(String " + x + ", Pt(int " + y + ", int " + z + "))";
                            b.add(new Var(x, Ty.STRING, false));
                            b.add(new Var(y, Ty.INT, false));
                            b.add(new Var(z, Ty.INT, false));
                        }
                    }
                } else {
                    int f = r.nextInt(under ? 4 : 3);
                    if (f == 0) {
                        p = "Lbl " + x;
                        b.add(new Var(x, Ty.SHAPE, false));
                    } else if (f == 3) {
                        p = "Lbl(String " + x + ", _)";
                        b.add(new Var(x, Ty.STRING, false));
                    } else {
                        p = f == 1 ? "Lbl(String " + x + ", Object " + y + ")" : "Lbl(var " + x + ", var " + y + ")";
                        b.add(new Var(x, Ty.STRING, false));
                        b.add(new Var(y, Ty.OBJECT, false));
                    }
                }
            }
        }
        return new Case("case " + p, b);
    }

    /**
     * The case with a guard on one of its bindings, which may suspend. A guard may not read a local
     * that is not effectively final: it reads bindings, literals and what the coroutine is sent.
     */
    private Case guarded(Case c) {
        Var v = c.bindings().get(r.nextInt(c.bindings().size()));
        String y = null;
        if (canYield() && r.nextInt(3) == 0) {
            List<List<Var>> hidden = new ArrayList<>(scopes); // a guard reads no local that may be reassigned
            scopes.clear();
            inGuard = true;
            y = suspendingInteger();
            inGuard = false;
            for (int i = hidden.size() - 1; i >= 0; i--) scopes.push(hidden.get(i));
        }
        String n = v.name();
        String g = switch (v.type()) {
            case INT -> y != null ? n + " < nz(" + y + ")" : pick(n + " > " + r.nextInt(8), n + " % 2 == 0", n + " != 1");
            case STRING -> y != null ? "!" + n + ".equals(String.valueOf(" + y + "))"
                    : pick(n + ".length() > 1", n + ".startsWith(\"l\")", n + ".isEmpty()");
            case INTEGER -> y != null ? n + " != nz(" + y + ")" : n + " > " + r.nextInt(8);
            case OBJECT -> y != null ? "String.valueOf(" + n + ").length() < nz(" + y + ")" : n + " != null";
            default -> y != null ? n + ".toString().length() < nz(" + y + ")"
                    : n + ".toString().length() > " + (5 + r.nextInt(10));
        };
        return new Case(c.label() + " when " + g, c.bindings());
    }
}
