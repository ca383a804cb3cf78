package dev.coro.fuzz;

import dev.coro.fuzz.Program.Host;
import dev.coro.fuzz.Program.Line;
import dev.coro.fuzz.Program.Stmt;
import dev.coro.fuzz.ProgramGenerator.Options;
import dev.coro.fuzz.ProgramGenerator.Sig;
import dev.coro.fuzz.ProgramGenerator.Target;
import dev.coro.fuzz.ProgramGenerator.Ty;
import dev.coro.fuzz.ProgramGenerator.Var;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * The expression half of writing one coroutine body, and the state both halves share: the random
 * source, the locals in scope, the jump targets, and the flags that say what may not appear at the
 * current point. Every expression is typed ({@link Ty}); a leaf may suspend ({@code Yield.value},
 * {@code Yield.await}, {@code Yield.from}) unless {@link #noYield}. Switch expressions are the one
 * place where expressions hold statements: their arms call back into {@link #stmt}.
 */
abstract class ExpressionGenerator {
    final Random r;
    final Sig sig;
    final List<Sig> callees;
    final Options options;
    final String className;
    final Deque<List<Var>> scopes = new ArrayDeque<>();
    /** Jump targets, innermost last; a switch expression starts a fresh list (nothing jumps out of one). */
    List<Target> targets = new ArrayList<>();
    /** The last number used in a fresh name (v3, i4, L5...): names are unique in a method, nothing shadows. */
    int ids;
    /** Statements left to write in this body. */
    int budget;
    /** Nesting of compound statements (and switch expression arms) at the current point. */
    int depth;
    /** Yield calls are not allowed here (the top call's arguments; an excluded construct). */
    boolean noYield;
    /** return is not allowed here (inside a switch expression; an excluded construct). */
    boolean noReturn;
    /**
     * No try statements and no synchronized blocks here: inside a switch expression that is part
     * of a larger expression. javac (17 and 25) crashes generating a switch expression that
     * contains a try while a long or double is on the operand stack (it spills the stack and trips
     * over the second slot); javac 17 does not spill the stack for a synchronized block there, and
     * its catch-any handler fails verification.
     */
    boolean noTry;
    /** Try statements being generated around the current point. */
    int tryDepth;
    /** Yield calls in the statement being generated: a few at most, so statements stay readable. */
    int yieldsInStmt;

    ExpressionGenerator(Random r, Sig sig, List<Sig> callees, Options options, String className) {
        this.r = r;
        this.sig = sig;
        this.callees = callees;
        this.options = options;
        this.className = className;
    }

    /** Appends one random statement (the statement half: {@link BodyGenerator}). */
    abstract void stmt(List<Stmt> out);

    /** A switch expression of type {@code t}; arms may hold statements (no jumps out, no return). */
    String switchExpr(Ty t, boolean statementLevel) {
        StringBuilder sb = new StringBuilder();
        sb.append("(switch (").append(expr(Ty.INT, 1)).append(" & 3) {\n");
        int cases = 1 + r.nextInt(3);
        List<Target> saved = targets;
        boolean savedNoReturn = noReturn;
        boolean savedNoTry = noTry;
        targets = new ArrayList<>();
        noReturn = true;
        if (!statementLevel) noTry = true;
        for (int c = 0; c < cases; c++) {
            if (c == 0 && r.nextInt(3) == 0) {
                sb.append("    case 0, 1 -> ");
            } else {
                sb.append("    case ").append(c + 2).append(" -> ");
            }
            armTo(sb, t);
        }
        sb.append("    default -> ");
        if (r.nextInt(6) == 0) sb.append("throw new FuzzException(").append(30 + r.nextInt(5)).append(");\n");
        else armTo(sb, t);
        sb.append("})");
        targets = saved;
        noReturn = savedNoReturn;
        noTry = savedNoTry;
        return sb.toString();
    }

    void armTo(StringBuilder sb, Ty t) {
        if (r.nextInt(3) != 0 || depth >= options.maxDepth()) {
            sb.append(expr(t, 2)).append(";\n");
            return;
        }
        depth++;
        scopes.push(new ArrayList<>());
        List<Stmt> stmts = new ArrayList<>();
        int n = 1 + r.nextInt(2);
        int savedYields = yieldsInStmt;
        for (int i = 0; i < n && budget > 0; i++) stmt(stmts);
        yieldsInStmt = savedYields;
        String inner = Program.renderStatements(stmts, 2);
        String result = expr(t, 2);
        // "yield (" would parse as a call of a method named yield
        if (result.startsWith("(")) result = (t == Ty.STRING ? "\"\" + " : "0 + ") + result;
        scopes.pop();
        depth--;
        sb.append("{\n").append(inner).append("        yield ").append(result).append(";\n    }\n");
    }

    // -------------------------------------------------------------------------- expressions

    /** An expression of type {@code t}, nested at most {@code d} deep. */
    String expr(Ty t, int d) {
        if (d <= 0 || r.nextInt(3) == 0) return leaf(t);
        d--;
        switch (t) {
            case INT:
                switch (r.nextInt(16)) {
                    case 0: case 1: case 2:
                        return "(" + expr(Ty.INT, d) + " " + pick("+", "-", "*", "^", "&", "|", "+") + " " + expr(Ty.INT, d) + ")";
                    case 3: return "mix(" + expr(Ty.INT, d) + ", " + expr(Ty.INT, d) + ")";
                    case 4: return "sum(" + expr(Ty.INT, d) + ", " + expr(Ty.INT, d) + ", " + expr(Ty.INT, d) + ")";
                    case 5: return "(" + cond() + " ? " + expr(Ty.INT, d) + " : " + expr(Ty.INT, d) + ")";
                    case 6: return "(int) " + expr(pick(Ty.LONG, Ty.DOUBLE, Ty.FLOAT), d);
                    case 7: return expr(pick(Ty.SHORT, Ty.BYTE, Ty.CHAR), d);
                    case 8: return expr(pick(Ty.STRING, Ty.CHARSEQ), d) + ".length()";
                    case 9: return expr(Ty.BOX, d) + pick(".a", ".sum()");
                    case 10: return expr(Ty.ENUM, d) + ".ordinal()";
                    case 11: return arrayRead(Ty.INT_ARR, d);
                    case 12: return "nz(" + expr(Ty.INTEGER, d) + ")";
                    case 13: return r.nextInt(4) == 0 && depth < options.maxDepth() ? switchExpr(Ty.INT, false) : "(-" + expr(Ty.INT, d) + ")";
                    case 14: return sideEffect(d);
                    default: return "Math.max(" + expr(Ty.INT, d) + ", " + expr(Ty.INT, d) + ")";
                }
            case LONG:
                switch (r.nextInt(6)) {
                    case 0: case 1: return "(" + expr(Ty.LONG, d) + " " + pick("+", "-", "*", "^") + " " + expr(pick(Ty.LONG, Ty.INT), d) + ")";
                    case 2: return r.nextBoolean() ? "(long) " + expr(Ty.INT, d) : expr(Ty.NUMBER, d) + ".longValue()";
                    case 3: return "mixl(" + expr(Ty.LONG, d) + ", " + expr(Ty.INT, d) + ", " + expr(Ty.DOUBLE, d) + ")";
                    case 4: return arrayRead(Ty.LONG_ARR, d);
                    default: return "(" + cond() + " ? " + expr(Ty.LONG, d) + " : " + expr(Ty.LONG, d) + ")";
                }
            case DOUBLE:
                switch (r.nextInt(4)) {
                    case 0: return "(" + expr(Ty.DOUBLE, d) + " " + pick("+", "-", "*") + " " + expr(pick(Ty.DOUBLE, Ty.INT, Ty.LONG), d) + ")";
                    case 1: return "(double) " + expr(Ty.INT, d);
                    case 2: return expr(Ty.BOX, d) + ".d";
                    default: return "Math.abs(" + expr(Ty.DOUBLE, d) + ")";
                }
            case FLOAT:
                return r.nextBoolean() ? "(" + expr(Ty.FLOAT, d) + " " + pick("+", "*") + " " + expr(Ty.FLOAT, d) + ")"
                        : "(float) " + expr(Ty.INT, d);
            case SHORT:
                return "(short) " + expr(Ty.INT, d);
            case BYTE:
                return "(byte) " + expr(Ty.INT, d);
            case CHAR:
                return r.nextBoolean() ? "(char) ('a' + (" + expr(Ty.INT, d) + " & 15))" : "ch(" + expr(Ty.STRING, d) + ")";
            case BOOLEAN:
                return cond(d);
            case STRING:
                switch (r.nextInt(8)) {
                    case 0: case 1: case 2: {
                        int n = 2 + r.nextInt(3);
                        StringBuilder sb = new StringBuilder("(\"" + pick("", "s", "<", "k=") + "\"");
                        for (int i = 0; i < n; i++) sb.append(" + ").append(expr(pickYieldable(), d));
                        return sb.append(")").toString();
                    }
                    case 3: return "String.valueOf(" + expr(pickYieldable(), d) + ")";
                    case 4: return "str(" + expr(pickYieldable(), d) + ", " + expr(pickYieldable(), d) + ")";
                    case 5: return expr(Ty.STRING, d) + ".concat(" + expr(Ty.STRING, d) + ")";
                    case 6: return arrayRead(Ty.STR_ARR, d);
                    default: return r.nextInt(3) == 0 && depth < options.maxDepth() ? switchExpr(Ty.STRING, false)
                            : "(" + cond() + " ? " + expr(Ty.STRING, d) + " : " + expr(Ty.STRING, d) + ")";
                }
            case INTEGER:
                switch (r.nextInt(4)) {
                    case 0: return "Integer.valueOf(" + expr(Ty.INT, d) + ")";
                    case 1: return expr(Ty.BOX, d) + ".b";
                    case 2: return "(" + cond() + " ? " + expr(Ty.INTEGER, d) + " : " + expr(Ty.INTEGER, d) + ")";
                    default: return leaf(Ty.INTEGER);
                }
            case BOX:
                switch (r.nextInt(6)) {
                    case 0: case 1: return "new Box(" + expr(Ty.INT, d) + ", " + expr(Ty.INTEGER, d) + ")";
                    case 2: return "new Box(" + expr(Ty.STRING, d) + ", " + expr(Ty.INT, d) + ")";
                    case 3: return "new Box(" + expr(Ty.LONG, d) + ", " + expr(Ty.DOUBLE, d) + ", " + expr(Ty.INTEGER, d) + ")";
                    case 4: return expr(Ty.BOX, d) + ".with(" + expr(Ty.INT, d) + ", " + expr(Ty.STRING, d) + ")";
                    default: return expr(Ty.BOX, d) + ".add(" + expr(Ty.INT, d) + ")";
                }
            case ENUM:
                return "E.of(" + expr(Ty.INT, d) + ")";
            case CHARSEQ:
                switch (r.nextInt(3)) {
                    case 0: return "new StringBuilder(" + expr(Ty.STRING, d) + ").append(" + expr(pickYieldable(), d) + ")";
                    case 1: return "(" + cond() + " ? (CharSequence) " + expr(Ty.STRING, d) + " : new StringBuilder("
                            + expr(Ty.STRING, d) + "))";
                    default: return expr(Ty.STRING, d);
                }
            case NUMBER:
                switch (r.nextInt(4)) {
                    case 0: return "Integer.valueOf(" + expr(Ty.INT, d) + ")";
                    case 1: return "Long.valueOf(" + expr(Ty.LONG, d) + ")";
                    case 2: return "Double.valueOf(" + expr(Ty.DOUBLE, d) + ")";
                    default: return "(" + cond() + " ? (Number) " + expr(Ty.NUMBER, d) + " : (Number) " + expr(Ty.NUMBER, d) + ")";
                }
            case INT_ARR:
                return "new int[] {" + expr(Ty.INT, d) + ", " + expr(Ty.INT, d) + ", " + expr(Ty.INT, d) + ", "
                        + expr(Ty.INT, d) + "}";
            case LONG_ARR:
                return r.nextBoolean() ? "new long[4]" : "new long[] {" + expr(Ty.LONG, d) + ", " + expr(Ty.LONG, d) + ", 3L, "
                        + expr(Ty.LONG, d) + "}";
            case STR_ARR:
                return "new String[] {" + expr(Ty.STRING, d) + ", \"b\", " + expr(Ty.STRING, d) + ", " + expr(Ty.STRING, d) + "}";
            default:
                return leaf(t);
        }
    }

    /** {@code v++}, {@code ++v}, {@code v += e} on an int local, or the same on {@code acc}, as a value. */
    String sideEffect(int d) {
        Var v = pickVar(x -> x.mutable() && x.type() == Ty.INT);
        String target = v != null ? v.name() : sig.hasAcc() ? "acc" : null;
        if (target == null) return expr(Ty.INT, d);
        return switch (r.nextInt(3)) {
            case 0 -> "(" + target + "++)";
            case 1 -> "(++" + target + ")";
            default -> "(" + target + " += " + expr(Ty.INT, d) + ")";
        };
    }

    String arrayRead(Ty arr, int d) {
        Var a = pickVar(x -> x.type() == arr);
        String array = a != null && r.nextInt(4) != 0 ? a.name() : "(" + expr(arr, d) + ")";
        return array + "[" + index() + "]";
    }

    String index() {
        return r.nextInt(3) == 0 ? String.valueOf(r.nextInt(4)) : "(" + expr(Ty.INT, 1) + " & 3)";
    }

    String leaf(Ty t) {
        if (canYield() && r.nextInt(100) < 28) {
            String y = yieldLeaf(t);
            if (y != null) {
                yieldsInStmt++;
                return y;
            }
        }
        if (t == Ty.INT && sig.hasAcc() && r.nextInt(8) == 0) return "acc";
        Var v = pickVar(x -> x.type() == t);
        if (v != null && r.nextInt(4) != 0) return v.name();
        return literal(t);
    }

    boolean canYield() {
        return !noYield && yieldsInStmt < 3;
    }

    /** An expression of type {@code t} that suspends, or null when none fits. */
    String yieldLeaf(Ty t) {
        switch (t) {
            case INTEGER: {
                int k = r.nextInt(6);
                if (k == 0) return "Yield.<Integer>await()";
                if (k == 1 || k == 2) {
                    Sig s = pickCallee(Ty.INTEGER);
                    if (s != null) return "Yield.from(" + call(s, false) + ")";
                }
                yieldsInStmt++;
                return "Yield.<Integer>value(" + expr(pickYieldable(), 1) + ")";
            }
            case INT:
                return "nz(" + yieldLeaf(Ty.INTEGER) + ")";
            case LONG:
                return "(long) nz(" + yieldLeaf(Ty.INTEGER) + ")";
            case DOUBLE:
                return "(nz(" + yieldLeaf(Ty.INTEGER) + ") * 0.5)";
            case STRING: {
                int k = r.nextInt(5);
                if (k == 0) {
                    Sig s = pickCallee(Ty.STRING);
                    if (s != null) return "Yield.from(" + call(s, false) + ")";
                }
                if (k == 1 && r.nextInt(4) == 0) return "String.valueOf(Yield.from(List.of(" + expr(pickYieldable(), 0) + ")))";
                if (k == 2) return "(\"\" + Yield.value(" + expr(pickYieldable(), 1) + "))";
                return "String.valueOf(" + yieldLeaf(Ty.INTEGER) + ")";
            }
            case BOOLEAN:
                return r.nextBoolean() ? "(" + yieldLeaf(Ty.INTEGER) + " != null)" : "(nz(" + yieldLeaf(Ty.INTEGER) + ") > " + r.nextInt(60) + ")";
            case BOX:
                return "new Box(" + expr(Ty.INT, 0) + ", " + yieldLeaf(Ty.INTEGER) + ")";
            case CHARSEQ:
                return "new StringBuilder(String.valueOf(" + yieldLeaf(Ty.INTEGER) + "))";
            case NUMBER:
                return "Integer.valueOf(nz(" + yieldLeaf(Ty.INTEGER) + "))";
            case ENUM:
                return "E.of(nz(" + yieldLeaf(Ty.INTEGER) + "))";
            default:
                return null;
        }
    }

    String literal(Ty t) {
        switch (t) {
            case INT: return pick("0", "1", "2", "3", "5", "7", "(-1)", "(-4)", "100", "2147483647", "(-2147483648)");
            case LONG: return pick("0L", "3L", "(-7L)", "9000000000L", "1L");
            case DOUBLE: return pick("0.5", "1.25", "(-2.0)", "1e10", "3.0");
            case FLOAT: return pick("1.5f", "(-0.25f)", "2f");
            case SHORT: return pick("(short) 7", "(short) -300");
            case BYTE: return pick("(byte) 3", "(byte) -128");
            case CHAR: return pick("'x'", "'0'", "'#'");
            case BOOLEAN: {
                Var v = pickVar(x -> x.type() == Ty.INT || x.type() == Ty.CHAR || x.type() == Ty.SHORT);
                if (v == null || r.nextInt(5) == 0) return pick("true", "false");
                return "((" + v.name() + " & " + pick("1", "2", "3") + ") " + pick("==", "!=") + " 0)";
            }
            case STRING: return pick("\"a\"", "\"bc\"", "\"\"", "\"0\"", "\"1\"", "\"null\"");
            case INTEGER: return pick("Integer.valueOf(4)", "Integer.valueOf(-9)", "Integer.valueOf(300)", "(Integer) null");
            case BOX: return pick("new Box(1, 2)", "new Box(\"q\", 3)");
            case ENUM: return pick("E.A", "E.B", "E.C", "E.D");
            case CHARSEQ: return pick("\"cs\"", "new StringBuilder(\"sb\")");
            case NUMBER: return pick("Integer.valueOf(7)", "Long.valueOf(8L)", "Double.valueOf(0.5)");
            case INT_ARR: return "new int[] {1, 2, 3, 4}";
            case LONG_ARR: return "new long[4]";
            case STR_ARR: return "new String[] {\"w\", \"x\", \"y\", \"z\"}";
            default: return "\"o\"";
        }
    }

    String cond() {
        return cond(1);
    }

    /** A condition that holds less often: for throws and early returns, so bodies run on. */
    String rareCond() {
        return r.nextInt(3) == 0 ? cond() : "(" + cond() + " && " + cond() + ")";
    }

    /** A boolean expression; may suspend (including in the right operand of && and ||, which may not run). */
    String cond(int d) {
        if (d <= 0) return leaf(Ty.BOOLEAN);
        switch (r.nextInt(10)) {
            case 0: case 1: return "(" + expr(Ty.INT, d) + " " + pick("<", ">", "==", "!=", "<=") + " " + expr(Ty.INT, d) + ")";
            case 8: { // a pattern binding, used in the same condition
                String b = fresh("b");
                return "(((Object) " + expr(pickYieldable(), d - 1) + ") instanceof Integer " + b + " && " + b + " > "
                        + r.nextInt(40) + ")";
            }
            case 2: return "(" + cond(d - 1) + " && " + cond(d - 1) + ")";
            case 3: return "(" + cond(d - 1) + " || " + cond(d - 1) + ")";
            case 4: return "!" + cond(d - 1);
            case 5: return expr(Ty.STRING, d - 1) + pick(".isEmpty()", ".equals(\"a\")", ".startsWith(\"1\")");
            case 6: return "(" + expr(Ty.ENUM, d - 1) + " == E." + pick("A", "B") + ")";
            case 7: return "(" + expr(Ty.LONG, d - 1) + " > " + expr(Ty.LONG, d - 1) + ")";
            default: return leaf(Ty.BOOLEAN);
        }
    }

    // -------------------------------------------------------------------------- calls and results

    /** A call of coroutine {@code s} from this method; {@code literalArgs} for start(). */
    String call(Sig s, boolean literalArgs) {
        return call(s, literalArgs, null);
    }

    /**
     * A call of {@code s}, qualified as its host and this method's host require; {@code depth}
     * is the first argument of a recursive coroutine (null: a small literal).
     */
    String call(Sig s, boolean literalArgs, String depth) {
        StringBuilder sb = new StringBuilder();
        Host from = literalArgs ? Host.STATIC : sig.host();
        switch (s.host()) {
            case STATIC -> { if (from.inInterface() || r.nextInt(4) == 0) sb.append(className).append('.'); }
            case INTERFACE_STATIC -> sb.append(className).append("I.");
            case INSTANCE, DEFAULT -> {
                boolean thisWorks = s.host() == Host.DEFAULT ? !from.isStatic() : from == Host.INSTANCE;
                if (thisWorks && r.nextBoolean()) sb.append(r.nextBoolean() ? "this." : "");
                else sb.append("new ").append(className).append('(').append(r.nextInt(10)).append(").");
            }
        }
        sb.append(s.name()).append("(log");
        List<Ty> ps = s.params();
        for (int i = 0; i < ps.size(); i++) {
            Ty p = ps.get(i);
            if (i == 0 && s.recursive()) {
                sb.append(", ").append(depth != null ? depth : String.valueOf(r.nextInt(3)));
            } else if (i == ps.size() - 1 && s.varargs() && r.nextBoolean()) {
                for (int k = 0; k < 4; k++) sb.append(", ").append(literalArgs ? literal(Ty.INT) : expr(Ty.INT, 1));
            } else {
                sb.append(", ").append(literalArgs ? literal(p) : expr(p, 1));
            }
        }
        return sb.append(')').toString();
    }

    Sig pickCallee() {
        return callees.isEmpty() ? null : callees.get(r.nextInt(callees.size()));
    }

    Sig pickCallee(Ty result) {
        List<Sig> fit = new ArrayList<>();
        for (Sig s : callees) if (s.result() == result) fit.add(s);
        return fit.isEmpty() ? null : fit.get(r.nextInt(fit.size()));
    }

    String doneExpr() {
        if (r.nextInt(8) == 0) return "Yield.done()";
        return "Yield.done(" + expr(sig.result(), 2) + ")";
    }

    String returnDone() {
        return "return " + doneExpr() + ";";
    }

    // -------------------------------------------------------------------------- helpers

    String logOf(String name, Ty t) {
        return "log.add(\"" + name + "=\" + " + show(name, t) + ");";
    }

    static String show(String name, Ty t) {
        return t.isArray() ? "Arrays.toString(" + name + ")" : t == Ty.THROWABLE ? "d(" + name + ")" : name;
    }

    /** {@code + " v1=" + v1 + ...} over every variable in scope (so a wrongly restored local shows). */
    String varsSuffix() {
        StringBuilder sb = new StringBuilder();
        for (List<Var> scope : scopes) {
            for (Var v : scope) {
                if (v.type() == Ty.RESOURCE) continue;
                sb.append(" + \" ").append(v.name()).append("=\" + ").append(show(v.name(), v.type()));
            }
        }
        return sb.toString();
    }

    Var pickVar(java.util.function.Predicate<Var> p) {
        List<Var> fit = new ArrayList<>();
        for (List<Var> scope : scopes) for (Var v : scope) if (p.test(v)) fit.add(v);
        return fit.isEmpty() ? null : fit.get(r.nextInt(fit.size()));
    }

    Ty pickYieldable() {
        return ProgramGenerator.YIELDABLE[r.nextInt(ProgramGenerator.YIELDABLE.length)];
    }

    String fresh(String prefix) {
        return prefix + (++ids);
    }

    @SafeVarargs
    final <T> T pick(T... xs) {
        return xs[r.nextInt(xs.length)];
    }

    static Line line(String s) {
        return new Line(s);
    }

    /** Header strings may hold several lines (a fall-through label): split them so each renders indented. */
    static List<Object> fixMultiline(List<Object> parts) {
        List<Object> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String && ((String) p).contains("\n")) out.addAll(List.of(((String) p).split("\n")));
            else out.add(p);
        }
        return out;
    }
}
