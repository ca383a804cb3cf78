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
    /**
     * No synchronized blocks here: inside a switch expression among constructor arguments (javac 17
     * does not spill the stack for them). Try statements are fine there: only references are on the stack.
     */
    boolean noSync;
    /** Every coroutine of the program (to see which calls need their arguments cast). */
    List<Sig> all = List.of();
    /** The local types the options allow. */
    final Ty[] localTypes;
    /** In a case's guard, which may assign nothing declared outside it (not even the field {@code acc}). */
    boolean inGuard;
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
        this.localTypes = ProgramGenerator.localTypes(options);
    }

    /** Appends one random statement (the statement half: {@link BodyGenerator}). */
    abstract void stmt(List<Stmt> out);

    /** A switch expression of type {@code t}; arms may hold statements (no jumps out, no return). */
    String switchExpr(Ty t, boolean statementLevel) {
        if (options.patterns() && r.nextInt(3) == 0) return patternSwitchExpr(t, statementLevel);
        return switchExpr(t, statementLevel ? Stack.EMPTY : Stack.ANY, false);
    }

    /** What may be on the operand stack under a switch expression (javac's bugs depend on it). */
    enum Stack {
        /** Nothing: a declaration's initializer. */
        EMPTY,
        /** References and ints only: constructor arguments (try arms fine, synchronized not). */
        REFERENCES,
        /** Anything, longs and doubles included (no try, no synchronized). */
        ANY
    }

    /** An int switch expression; {@code tryArms}: some arms are try statements that suspend in the try. */
    String switchExpr(Ty t, Stack stack, boolean tryArms) {
        StringBuilder sb = new StringBuilder();
        sb.append("(switch (").append(expr(Ty.INT, 1)).append(" & 3) {\n");
        int cases = 1 + r.nextInt(3);
        boolean[] saved = enterSwitch(stack);
        List<Target> savedTargets = targets;
        targets = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            if (c == 0 && r.nextInt(3) == 0) {
                sb.append("    case 0, 1 -> ");
            } else {
                sb.append("    case ").append(c + 2).append(" -> ");
            }
            if (tryArms && (c == 0 || r.nextBoolean())) tryArmTo(sb, t);
            else armTo(sb, t);
        }
        sb.append("    default -> ");
        if (r.nextInt(6) == 0) sb.append("throw new FuzzException(").append(30 + r.nextInt(5)).append(");\n");
        else if (tryArms && r.nextInt(3) == 0) tryArmTo(sb, t);
        else armTo(sb, t);
        sb.append("})");
        targets = savedTargets;
        leaveSwitch(saved);
        return sb.toString();
    }

    /** Sets the flags for the arms of a switch expression; returns what {@link #leaveSwitch} restores. */
    boolean[] enterSwitch(Stack stack) {
        boolean[] saved = {noReturn, noTry, noSync};
        noReturn = true;
        if (stack != Stack.EMPTY) noSync = true;
        if (stack == Stack.ANY) noTry = true;
        return saved;
    }

    void leaveSwitch(boolean[] saved) {
        noReturn = saved[0];
        noTry = saved[1];
        noSync = saved[2];
    }

    /** A pattern switch expression (PatternGenerator). */
    abstract String patternSwitchExpr(Ty t, boolean statementLevel);

    /**
     * An arm that is a try statement: statements and a suspension in the try, a catch that logs,
     * both ending in {@code yield}; sometimes a finally.
     */
    void tryArmTo(StringBuilder sb, Ty t) {
        depth++;
        tryDepth++;
        scopes.push(new ArrayList<>());
        int savedYields = yieldsInStmt;
        List<Stmt> stmts = new ArrayList<>();
        int n = r.nextInt(3);
        for (int i = 0; i < n && budget > 0; i++) stmt(stmts);
        String suspend = noYield ? expr(t, 1) : t == Ty.STRING ? "String.valueOf(" + yieldLeaf(Ty.INTEGER) + ")"
                : yieldLeaf(Ty.INT);
        scopes.pop(); // the try block's locals are not in scope in the catch block
        String ex = fresh("ex");
        String type = pick("FuzzException", "FuzzException | IllegalStateException", "RuntimeException", "CoroutineExit");
        scopes.push(new ArrayList<>(List.of(new Var(ex, Ty.THROWABLE, false))));
        List<Stmt> handler = new ArrayList<>();
        if (r.nextBoolean() && budget > 0) stmt(handler);
        String caught = expr(t, 1);
        scopes.pop();
        yieldsInStmt = savedYields;
        tryDepth--;
        depth--;
        sb.append("{\n        try {\n").append(Program.renderStatements(stmts, 3));
        sb.append("            yield ").append(yieldable(suspend, t)).append(";\n");
        sb.append("        } catch (").append(type).append(' ').append(ex).append(") {\n");
        sb.append("            log.add(\"").append(ex).append(" \" + d(").append(ex).append("));\n");
        sb.append(Program.renderStatements(handler, 3));
        sb.append("            yield ").append(yieldable(caught, t)).append(";\n");
        if (r.nextInt(3) == 0) sb.append("        } finally {\n            log.add(\"finally ").append(fresh("F")).append("\");\n");
        sb.append("        }\n    }\n");
    }

    /** {@code e} as the operand of {@code yield}: "yield (" would parse as a call of a method named yield. */
    static String yieldable(String e, Ty t) {
        return e.startsWith("(") ? (t == Ty.STRING ? "\"\" + " : "0 + ") + e : e;
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
        String result = yieldable(expr(t, 2), t);
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
                    case 6: return r.nextBoolean() ? arrayRead(Ty.STR_ARR, d) : featureString(d);
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
            case OBJ_ARR: case ANY_ARR: case CLONEABLE: case SERIAL: case HIDDEN: case HIDDEN_ARR: case SHAPE:
                return featureExpr(t, d);
            default:
                return leaf(t);
        }
    }

    /** {@code v++}, {@code ++v}, {@code v += e} on an int local, or the same on {@code acc}, as a value. */
    String sideEffect(int d) {
        Var v = pickVar(x -> x.mutable() && x.type() == Ty.INT);
        String target = v != null ? v.name() : sig.hasAcc() && !inGuard ? "acc" : null;
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
            case SHAPE:
                return "Sh.of(nz(" + yieldLeaf(Ty.INTEGER) + "))";
            case HIDDEN:
                return "Hid.make(String.valueOf(" + yieldLeaf(Ty.INTEGER) + "))";
            default:
                return null;
        }
    }

    /** An expression of one of the features' types (PatternGenerator). */
    abstract String featureExpr(Ty t, int d);

    /** A String computed from the features' values, some held on the stack across a suspension; or any String. */
    abstract String featureString(int d);

    /** A condition with a record pattern; or any condition. */
    abstract String featureCond(int d);

    /** A literal of one of the features' types. */
    abstract String featureLiteral(Ty t);

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
            case OBJ_ARR: case ANY_ARR: case CLONEABLE: case SERIAL: case HIDDEN: case HIDDEN_ARR: case SHAPE:
                return featureLiteral(t);
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
            case 9: return r.nextBoolean() ? featureCond(d) : leaf(Ty.BOOLEAN);
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
                String receiver = thisWorks && r.nextBoolean() ? "this" : "new " + className + "(" + r.nextInt(10) + ")";
                if (s.iface() != null && r.nextBoolean()) { // through the generic interface: javac calls the bridge
                    sb.append("((").append(s.iface()).append('<').append(s.params().get(s.generic()).java).append(">) ")
                            .append(receiver).append(").");
                } else if (!receiver.equals("this") || r.nextBoolean()) {
                    sb.append(receiver).append('.');
                }
            }
        }
        sb.append(s.name()).append("(log");
        List<Ty> ps = s.params();
        boolean cast = ProgramGenerator.sameArityOverload(all, s); // standalone arguments of exact types
        for (int i = 0; i < ps.size(); i++) {
            Ty p = ps.get(i);
            String arg;
            if (i == 0 && s.recursive()) {
                arg = depth != null ? depth : String.valueOf(r.nextInt(3));
            } else if (i == ps.size() - 1 && s.varargs() && r.nextBoolean()) {
                for (int k = 0; k < 3; k++) sb.append(", ").append(literalArgs ? literal(Ty.INT) : expr(Ty.INT, 1));
                arg = literalArgs ? literal(Ty.INT) : expr(Ty.INT, 1);
            } else {
                arg = literalArgs ? literal(p) : expr(p, 1);
            }
            sb.append(", ").append(cast ? "(" + p.java + ") (" + arg + ")" : arg);
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
        return switch (t) {
            case INT_ARR, LONG_ARR, STR_ARR -> "Arrays.toString(" + name + ")";
            case THROWABLE -> "d(" + name + ")";
            case OBJ_ARR, ANY_ARR, CLONEABLE, SERIAL -> "deep(" + name + ")";
            case HIDDEN -> "Hid.desc(" + name + ")";
            case HIDDEN_ARR -> "Hid.descAll(" + name + ")";
            default -> name;
        };
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
        if (options.has(ProgramGenerator.Feature.PATTERNS) && r.nextInt(24) == 0) return Ty.SHAPE;
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
