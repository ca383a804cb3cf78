package dev.coro.fuzz;

import dev.coro.fuzz.Program.Compound;
import dev.coro.fuzz.Program.Stmt;
import dev.coro.fuzz.ProgramGenerator.Feature;
import dev.coro.fuzz.ProgramGenerator.Options;
import dev.coro.fuzz.ProgramGenerator.Sig;
import dev.coro.fuzz.ProgramGenerator.Target;
import dev.coro.fuzz.ProgramGenerator.Ty;
import dev.coro.fuzz.ProgramGenerator.Var;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the body of one coroutine: statements until its budget is spent, then a log of every local
 * and {@code return Yield.done(...)}. Loops are bounded by construction (the counter advances in the
 * loop header); break, continue and return are always conditional, so no statement is unreachable.
 */
final class BodyGenerator extends PatternGenerator {

    BodyGenerator(Random r, Sig sig, List<Sig> callees, Options options, String className) {
        super(r, sig, callees, options, className);
    }

    void body(List<Stmt> out, int statements) {
        budget = statements;
        List<Var> params = new ArrayList<>();
        for (int k = 0; k < sig.params().size(); k++) {
            params.add(new Var("p" + k, sig.params().get(k), !(k == 0 && sig.recursive()))); // the depth stays put
        }
        scopes.push(params);
        scopes.push(new ArrayList<>());
        while (budget > 0) stmt(out);
        out.add(line("log.add(\"" + sig.name() + " end\"" + varsSuffix() + ");"));
        yieldsInStmt = 0;
        out.add(line(returnDone()));
    }

    // -------------------------------------------------------------------------- statements

    @Override
    void stmt(List<Stmt> out) {
        budget--;
        yieldsInStmt = 0;
        boolean deep = depth >= options.maxDepth() || budget < 2;
        int k = r.nextInt(100);
        if (k < 12) declare(out);
        else if (k < 21) assign(out);
        else if (k < 30) yieldStmt(out);
        else if (k < 33) storeInto(out);
        else if (k < 35) logVars(out);
        else if (k < 38) throwStmt(out);
        else if (k < 41) returnStmt(out);
        else if (k < 45) jump(out);
        else if (k < 49) fromSub(out);
        else if (k < 50) fromIterable(out);
        else if (k < 51) handleSub(out);
        else if (k < 53) otherStmt(out);
        else if (deep) declare(out);
        else if (k < 59) ifStmt(out);
        else if (k < 67) loop(out);
        else if (k < 73) switchStmt(out);
        else if (k < 77) switchExprDecl(out);
        else if (k < 86 && !noTry) tryStmt(out);
        else if (k < 91 && !noTry) tryWithResources(out);
        else if (k < 94) block(out);
        else if (k < 96) labeledBlock(out);
        else declare(out);
    }

    private void declare(List<Stmt> out) {
        Ty t = localTypes[r.nextInt(localTypes.length)];
        String init = expr(t, 2);
        String name = fresh("v");
        out.add(line(t.java + " " + name + " = " + init + ";\n" + logOf(name, t)));
        scopes.peek().add(new Var(name, t, true));
    }

    private void assign(List<Stmt> out) {
        Var v = pickVar(x -> x.mutable() && !x.type().isArray() && x.type() != Ty.OBJECT && x.type() != Ty.THROWABLE
                && x.type() != Ty.RESOURCE);
        if (v == null) {
            declare(out);
            return;
        }
        Ty t = v.type();
        String s;
        int k = r.nextInt(10);
        if (t.isNumeric() && k < 3) {
            String op = pick("+=", "-=", "*=", "^=", "|=", "&=", "<<=", "+=");
            if ((t == Ty.DOUBLE || t == Ty.FLOAT) && !op.equals("+=") && !op.equals("-=") && !op.equals("*=")) op = "+=";
            Ty rhs = (t == Ty.DOUBLE || t == Ty.FLOAT) ? Ty.DOUBLE : t == Ty.LONG ? pick(Ty.LONG, Ty.INT) : Ty.INT;
            s = v.name() + " " + op + " " + expr(rhs, 2) + ";";
        } else if (t.isNumeric() && k < 4) {
            s = pick(v.name() + "++;", "--" + v.name() + ";");
        } else if (t == Ty.STRING && k < 4) {
            s = v.name() + " += " + expr(pickYieldable(), 2) + ";";
        } else if (t == Ty.BOOLEAN && k < 3) {
            s = v.name() + " = !" + v.name() + ";";
        } else if (t == Ty.BOX && k < 4) {
            s = v.name() + pick(".add(", ".a += (") + expr(Ty.INT, 2) + ");";
        } else {
            s = v.name() + " = " + expr(t, 2) + ";";
        }
        out.add(line(s + "\n" + logOf(v.name(), t)));
    }

    private void yieldStmt(List<Stmt> out) {
        int k = r.nextInt(6);
        String s;
        if (k == 0) s = "Yield.await();";
        else if (k < 3) s = "Yield.value(" + expr(pickYieldable(), 2) + ");";
        else if (k < 5) s = "log.add(\"got \" + Yield.value(" + expr(pickYieldable(), 1) + "));";
        else s = "log.add(\"sent \" + Yield.<Integer>await());";
        yieldsInStmt++;
        if (noYield) {
            logVars(out);
            return;
        }
        out.add(line(s));
    }

    /** Stores into an array element, a Box field, or the instance field {@code acc}. */
    private void storeInto(List<Stmt> out) {
        int k = r.nextInt(3);
        if (k == 0 && sig.hasAcc()) {
            String op = pick(" += ", " = ", " ^= ");
            out.add(line("acc" + op + expr(Ty.INT, 2) + ";\nlog.add(\"acc=\" + acc);"));
            return;
        }
        Var a = pickVar(x -> x.type().isArray());
        Var b = pickVar(x -> x.type() == Ty.BOX);
        if (a != null && (b == null || r.nextBoolean())) {
            Ty e = a.type().element();
            String idx = index();
            String s;
            int f = r.nextInt(4);
            if (f == 0 && e != Ty.STRING) s = a.name() + "[" + idx + "]++;";
            else if (f == 1) s = a.name() + "[" + idx + "] += " + expr(e == Ty.STRING ? pickYieldable() : Ty.INT, 2) + ";";
            else s = a.name() + "[" + idx + "] = " + expr(e, 2) + ";";
            out.add(line(s + "\n" + logOf(a.name(), a.type())));
        } else if (b != null) {
            String s = switch (r.nextInt(5)) {
                case 0 -> b.name() + ".a += " + expr(Ty.INT, 2) + ";";
                case 1 -> b.name() + ".b = " + expr(Ty.INTEGER, 2) + ";";
                case 2 -> b.name() + ".s += " + expr(pickYieldable(), 2) + ";";
                case 3 -> b.name() + ".l *= " + expr(Ty.LONG, 2) + ";";
                default -> b.name() + ".d = " + expr(Ty.DOUBLE, 2) + ";";
            };
            out.add(line(s + "\n" + logOf(b.name(), Ty.BOX)));
        } else {
            declare(out);
        }
    }

    private void logVars(List<Stmt> out) {
        out.add(line("log.add(\"at " + fresh("L") + "\"" + varsSuffix() + ");"));
    }

    private void throwStmt(List<Stmt> out) {
        String ex = switch (r.nextInt(12)) {
            case 0, 1 -> "new FuzzSub(" + (10 + r.nextInt(10)) + ")";
            case 2 -> "new IllegalStateException(\"boom\")";
            case 3 -> "new StopIteration(\"s" + r.nextInt(5) + "\")";
            case 4 -> "new CoroutineExit()";
            case 5 -> "new ArithmeticException()";
            default -> "new FuzzException(" + (10 + r.nextInt(20)) + ")";
        };
        out.add(line("if (" + rareCond() + ") throw " + ex + ";"));
    }

    private void returnStmt(List<Stmt> out) {
        if (noReturn) {
            throwStmt(out);
            return;
        }
        String c = rareCond();
        if (r.nextBoolean()) {
            out.add(line("if (" + c + ") return " + doneExpr() + ";"));
        } else {
            out.add(line("if (" + c + ") {\n    log.add(\"" + sig.name() + " returns early\"" + varsSuffix() + ");\n"
                    + "    return " + doneExpr() + ";\n}"));
        }
    }

    private void jump(List<Stmt> out) {
        if (targets.isEmpty()) {
            logVars(out);
            return;
        }
        List<String> choices = new ArrayList<>();
        boolean anyLoop = false;
        for (Target t : targets) {
            if (t.loop()) anyLoop = true;
            if (t.label() != null) {
                choices.add("break " + t.label() + ";");
                if (t.loop()) choices.add("continue " + t.label() + ";");
            }
        }
        Target inner = targets.get(targets.size() - 1);
        if (inner.loop() || inner.label() == null) choices.add("break;"); // plain break: innermost loop or switch
        if (anyLoop) choices.add("continue;");
        if (choices.isEmpty()) {
            logVars(out);
            return;
        }
        String j = choices.get(r.nextInt(choices.size()));
        out.add(line("if (" + cond() + ") " + j));
    }

    private void fromSub(List<Stmt> out) {
        Sig s = pickCallee();
        if (s == null || noYield) {
            fromIterable(out);
            return;
        }
        String name = fresh("v");
        String call = call(s, false);
        yieldsInStmt++;
        if (r.nextInt(4) == 0) {
            out.add(line("Yield.from(" + call + ");"));
        } else {
            out.add(line(s.result().java + " " + name + " = Yield.from(" + call + ");\n" + logOf(name, s.result())));
            scopes.peek().add(new Var(name, s.result(), true));
        }
    }

    private void fromIterable(List<Stmt> out) {
        if (noYield) {
            logVars(out);
            return;
        }
        yieldsInStmt++;
        int n = r.nextInt(4);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) items.add(expr(pickYieldable(), 1));
        String list = r.nextBoolean() ? "List.of(" + String.join(", ", items) + ")"
                : "Arrays.<Object>asList(" + String.join(", ", items) + ")";
        if (r.nextBoolean() && !noTry) { // a send while it runs throws IllegalStateException here
            String ex = fresh("ex");
            out.add(line("try {\n    Yield.from(" + list + ");\n} catch (IllegalStateException " + ex + ") {\n"
                    + "    log.add(\"" + ex + " \" + d(" + ex + "));\n}"));
        } else if (r.nextBoolean()) {
            out.add(line("Yield.from(" + list + ");"));
        } else {
            String name = fresh("o");
            out.add(line("Object " + name + " = Yield.from(" + list + ");\nlog.add(\"" + name + "=\" + " + name + ");"));
            scopes.peek().add(new Var(name, Ty.OBJECT, false));
        }
    }

    /** A sub-coroutine held in a local: its state logged, maybe advanced by hand, then delegated to. */
    private void handleSub(List<Stmt> out) {
        Sig s = pickCallee();
        if (s == null || noYield) {
            fromSub(out);
            return;
        }
        String h = fresh("h");
        String v = fresh("v");
        String ex = fresh("ex");
        StringBuilder sb = new StringBuilder();
        sb.append("Coro<Object, Integer, ").append(s.result().java).append("> ").append(h).append(" = ")
                .append(call(s, false)).append(";\n");
        sb.append("log.add(\"").append(h).append(" \" + ").append(h).append(".state());\n");
        if (r.nextBoolean() && !noTry) {
            sb.append("try {\n    log.add(\"").append(h).append(" pre \" + ").append(h).append(".next());\n} catch (RuntimeException ")
                    .append(ex).append(") {\n    log.add(\"").append(h).append(" pre \" + d(").append(ex).append("));\n}\n");
        }
        boolean asIterable = r.nextInt(3) == 0;
        Ty vt = asIterable ? Ty.OBJECT : s.result();
        sb.append(vt.java).append(' ').append(v).append(" = Yield.from(")
                .append(asIterable ? "(Iterable<Object>) " : "").append(h).append(");\n");
        sb.append("log.add(\"").append(h).append(" \" + ").append(h).append(".state() + \" \" + result(").append(h)
                .append(") + \" \" + ").append(v).append(");");
        yieldsInStmt++;
        out.add(line(sb.toString()));
        scopes.peek().add(new Var(v, vt, !asIterable));
    }

    /**
     * The rarer statements: self-delegation, a lambda, a synchronized block, iterating or streaming a
     * sub-coroutine, constructing the class whose static initializer logs.
     */
    private void otherStmt(List<Stmt> out) {
        int k = r.nextInt(8);
        if (k == 6 && !noTry && options.has(Feature.SWITCH_TRY_IN_CONSTRUCTOR)) {
            constructorWithSwitch(out);
        } else if (k == 7 && options.has(Feature.ARRAY_MERGES)) {
            arraysMergedByIf(out);
        } else if (k == 0 && sig.recursive() && !noYield) {
            String v = fresh("v");
            yieldsInStmt++;
            out.add(line("if (p0 > 0) {\n    " + sig.result().java + " " + v + " = Yield.from(" + call(sig, false, "p0 - 1")
                    + ");\n    log.add(\"" + v + "=\" + " + v + ");\n}"));
        } else if (k == 1) {
            String c = fresh("k");
            String f = fresh("f");
            out.add(line("final int " + c + " = " + expr(Ty.INT, 1) + ";\n"
                    + "java.util.function.IntUnaryOperator " + f + " = x -> x * 3 + " + c + ";\n"
                    + "log.add(\"" + f + "=\" + " + f + ".applyAsInt(" + expr(Ty.INT, 2) + "));"));
        } else if (k == 2 && !noTry && !noSync && (tryDepth == 0 || !options.excluded().contains(Feature.SYNCHRONIZED_INSIDE_TRY))) {
            List<Object> parts = new ArrayList<>();
            parts.add("synchronized (log) {");
            boolean saved = noYield;
            noYield = true; // a suspension inside synchronized is rejected by the weaver
            parts.add(nested(1 + r.nextInt(2)));
            noYield = saved;
            parts.add("}");
            out.add(new Compound(parts));
        } else if (k == 3 && pickCallee() != null) {
            Sig s = pickCallee();
            String x = fresh("x");
            List<Object> parts = new ArrayList<>();
            parts.add("for (Object " + x + " : " + call(s, false) + ") {"); // a sub-coroutine as a plain Iterable
            scopes.push(new ArrayList<>());
            List<Stmt> body = new ArrayList<>();
            body.add(line("log.add(\"" + x + "=\" + " + x + ");"));
            targets.add(new Target(null, true));
            body.addAll(nestedNoScope(1 + r.nextInt(2)));
            targets.remove(targets.size() - 1);
            scopes.pop();
            parts.add(body);
            parts.add("}");
            out.add(new Compound(parts));
        } else if (k == 5 && !options.excluded().contains(Feature.CLASS_INIT_IN_SUSPENDING_NEW)) {
            // Java initialises K at "new", before evaluating the arguments (which may suspend)
            String v = fresh("k");
            out.add(line("Object " + v + " = new " + className + ".K(" + expr(Ty.INT, 1) + ", " + expr(pickYieldable(), 1)
                    + ");\nlog.add(\"" + v + "=\" + " + v + ");"));
        } else if (k == 4 && pickCallee() != null) {
            out.add(line("log.add(\"stream \" + " + call(pickCallee(), false) + ".stream().limit(" + r.nextInt(4)
                    + ").map(String::valueOf).collect(java.util.stream.Collectors.joining(\",\")));"));
        } else {
            logVars(out);
        }
    }

    private void ifStmt(List<Stmt> out) {
        List<Object> parts = new ArrayList<>();
        parts.add("if (" + cond() + ") {");
        parts.add(nested(1 + r.nextInt(3)));
        int k = r.nextInt(3);
        if (k == 1) {
            parts.add("} else {");
            parts.add(nested(1 + r.nextInt(3)));
        } else if (k == 2) {
            parts.add("} else if (" + cond() + ") {");
            parts.add(nested(1 + r.nextInt(2)));
            parts.add("} else {");
            parts.add(nested(1 + r.nextInt(2)));
        }
        parts.add("}");
        out.add(new Compound(parts));
    }

    private void loop(List<Stmt> out) {
        String label = r.nextInt(3) == 0 ? fresh("L") : null;
        String lab = label == null ? "" : label + ": ";
        int bound = 1 + r.nextInt(3);
        List<Object> parts = new ArrayList<>();
        String counter;
        List<Stmt> body;
        switch (r.nextInt(5)) {
            case 0, 1 -> {
                counter = fresh("i");
                String limit = r.nextInt(4) == 0 ? "(" + expr(Ty.INT, 1) + " & 3)" : String.valueOf(bound);
                String update = r.nextInt(5) == 0 ? counter + " += 1 + (" + expr(Ty.INT, 1) + " & 1)" : counter + "++";
                parts.add(lab + "for (int " + counter + " = 0; " + counter + " < " + limit + "; " + update + ") {");
                body = loopBody(label, new Var(counter, Ty.INT, false));
                parts.add(body);
                parts.add("}");
            }
            case 2 -> {
                counter = fresh("w");
                String extra = r.nextInt(3) == 0 ? " && " + cond() : "";
                parts.add("int " + counter + " = 0;");
                parts.add(lab + "while (" + counter + "++ < " + bound + extra + ") {");
                body = loopBody(label, new Var(counter, Ty.INT, false));
                parts.add(body);
                parts.add("}");
                scopes.peek().add(new Var(counter, Ty.INT, false));
            }
            case 3 -> {
                counter = fresh("d");
                String extra = r.nextInt(3) == 0 ? " && " + cond() : "";
                parts.add("int " + counter + " = 0;");
                parts.add(lab + "do {");
                body = loopBody(label, new Var(counter, Ty.INT, false));
                parts.add(body);
                parts.add("} while (++" + counter + " < " + bound + extra + ");");
                scopes.peek().add(new Var(counter, Ty.INT, false));
            }
            default -> {
                counter = fresh("x");
                Ty et;
                String over;
                int f = r.nextInt(3);
                if (f == 0) {
                    et = Ty.INT;
                    Var a = pickVar(v -> v.type() == Ty.INT_ARR);
                    over = a != null ? a.name() : expr(Ty.INT_ARR, 1);
                } else if (f == 1) {
                    et = Ty.STRING;
                    over = "List.of(" + expr(Ty.STRING, 1) + ", " + expr(Ty.STRING, 1) + ")";
                } else {
                    et = Ty.INTEGER;
                    over = "Arrays.asList(" + expr(Ty.INTEGER, 1) + ", " + expr(Ty.INTEGER, 1) + ", "
                            + expr(Ty.INTEGER, 1) + ")";
                }
                parts.add(lab + "for (" + et.java + " " + counter + " : " + over + ") {");
                body = loopBody(label, new Var(counter, et, false));
                parts.add(body);
                parts.add("}");
            }
        }
        out.add(new Compound(parts));
    }

    private List<Stmt> loopBody(String label, Var counter) {
        targets.add(new Target(label, true));
        scopes.push(new ArrayList<>(List.of(counter)));
        List<Stmt> body = new ArrayList<>();
        body.add(line(logOf(counter.name(), counter.type())));
        List<Stmt> rest = nestedNoScope(1 + r.nextInt(4));
        body.addAll(rest);
        scopes.pop();
        targets.remove(targets.size() - 1);
        return body;
    }

    private void switchStmt(List<Stmt> out) {
        if (options.patterns() && r.nextInt(3) == 0) {
            patternSwitchStmt(out);
            return;
        }
        List<Object> parts = new ArrayList<>();
        int kind = r.nextInt(3);
        boolean arrow = r.nextInt(3) == 0;
        String[] labels;
        if (kind == 0) {
            parts.add("switch (" + expr(Ty.INT, 1) + " & 3) {");
            labels = new String[] {"0", "1", "2", "3"};
        } else if (kind == 1) {
            parts.add("switch (" + pick("String.valueOf(" + expr(Ty.INT, 1) + " & 3)", expr(Ty.STRING, 1),
                    "(" + expr(Ty.BOOLEAN, 1) + " ? \"Aa\" : \"BB\")") + ") {");
            labels = new String[] {"\"0\"", "\"1\"", "\"a\"", "\"null\"", "\"Aa\"", "\"BB\""}; // Aa, BB: same hashCode
        } else {
            parts.add("switch (" + expr(Ty.ENUM, 1) + ") {");
            labels = new String[] {"A", "B", "C", "D"};
        }
        targets.add(new Target(null, false));
        int cases = 1 + r.nextInt(3);
        List<String> used = new ArrayList<>(List.of(labels));
        java.util.Collections.shuffle(used, r);
        for (int c = 0; c < cases; c++) {
            String head = arrow ? "case " + used.get(c) + " -> {" : "case " + used.get(c) + ": {";
            if (!arrow && c + 1 < cases && r.nextInt(4) == 0) { // two labels, one body
                head = "case " + used.get(c) + ":\n" + head.replace("case " + used.get(c), "case " + used.get(c + 1));
                c++;
            }
            parts.add(head);
            parts.add(nested(1 + r.nextInt(3)));
            parts.add(arrow || r.nextInt(3) == 0 ? "}" : "}\nbreak;"); // no break: falls through
        }
        if (r.nextBoolean()) {
            parts.add(arrow ? "default -> {" : "default: {");
            parts.add(nested(1 + r.nextInt(2)));
            parts.add("}");
        }
        targets.remove(targets.size() - 1);
        parts.add("}");
        out.add(new Compound(fixMultiline(parts)));
    }

    private void switchExprDecl(List<Stmt> out) {
        Ty t = r.nextBoolean() ? Ty.INT : Ty.STRING;
        String name = fresh("v");
        String e = switchExpr(t, true);
        out.add(line(t.java + " " + name + " = " + e + ";\n" + logOf(name, t)));
        scopes.peek().add(new Var(name, t, true));
    }

    private void tryStmt(List<Stmt> out) {
        tryDepth++;
        tryStmtIn(out);
        tryDepth--;
    }

    private void tryStmtIn(List<Stmt> out) {
        List<Object> parts = new ArrayList<>();
        boolean hasFinally = r.nextInt(3) != 0;
        boolean finallyYields = hasFinally && r.nextInt(3) != 0;
        boolean savedNoReturn = noReturn;
        if (finallyYields && options.excluded().contains(Feature.RETURN_THROUGH_YIELDING_FINALLY)) noReturn = true;
        parts.add("try {");
        parts.add(nested(1 + r.nextInt(4)));
        catches(parts, !hasFinally);
        noReturn = savedNoReturn;
        if (hasFinally) {
            parts.add("} finally {");
            boolean savedNoYield = noYield;
            if (!finallyYields) noYield = true;
            List<Stmt> fin = new ArrayList<>();
            fin.add(line("log.add(\"finally " + fresh("F") + "\"" + varsSuffix() + ");"));
            fin.addAll(nestedFinally(r.nextInt(3)));
            noYield = savedNoYield;
            parts.add(fin);
        }
        parts.add("}");
        out.add(new Compound(parts));
    }

    /** Statements of a finally block: jumps and returns out of it are rare (they drop the pending exception). */
    private List<Stmt> nestedFinally(int n) {
        boolean savedNoReturn = noReturn;
        List<Target> saved = targets;
        if (r.nextInt(4) != 0) {
            noReturn = true;
            targets = new ArrayList<>();
        }
        List<Stmt> s = nested(n);
        noReturn = savedNoReturn;
        targets = saved;
        return s;
    }

    /** Appends catch clauses (subclasses first); at least one when {@code required}. Returns whether any. */
    private boolean catches(List<Object> parts, boolean required) {
        String[] all = {"FuzzSub", "FuzzException", "FuzzException | IllegalStateException", "IllegalStateException",
                "RuntimeException", "Exception", "CoroutineExit"};
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            if (r.nextInt(4) != 0) continue;
            if (i == 2 && (chosen.contains("FuzzException"))) continue;
            if (i == 3 && chosen.contains(all[2])) continue;
            chosen.add(all[i]);
        }
        if (chosen.isEmpty() && required) chosen.add(all[r.nextInt(all.length)]);
        for (String type : chosen) {
            String ex = fresh("ex");
            parts.add("} catch (" + type + " " + ex + ") {");
            List<Stmt> body = new ArrayList<>();
            body.add(line("log.add(\"" + ex + " \" + d(" + ex + ")" + varsSuffix() + ");"));
            scopes.push(new ArrayList<>(List.of(new Var(ex, Ty.THROWABLE, false))));
            int k = r.nextInt(6);
            if (k == 0) {
                body.add(line("if (" + cond() + ") throw " + ex + ";"));
            } else if (k == 2 && !noReturn) {
                body.add(line("if (" + cond() + ") return " + doneExpr() + ";"));
            }
            if (r.nextBoolean()) body.addAll(nestedNoScope(1 + r.nextInt(2)));
            if (k == 1 && type.equals("CoroutineExit")) body.add(line("throw " + ex + ";"));
            scopes.pop();
            parts.add(body);
        }
        return !chosen.isEmpty();
    }

    private void tryWithResources(List<Stmt> out) {
        tryDepth++;
        tryWithResourcesIn(out);
        tryDepth--;
    }

    private void tryWithResourcesIn(List<Stmt> out) {
        List<Object> parts = new ArrayList<>();
        int n = 1 + r.nextInt(2);
        List<String> res = new ArrayList<>();
        List<Var> vars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = fresh("r");
            String fail = switch (r.nextInt(5)) {
                case 0 -> String.valueOf(40 + r.nextInt(5));
                case 1 -> "(" + expr(Ty.INT, 1) + " > 20 ? " + (45 + r.nextInt(5)) + " : -1)";
                default -> "-1";
            };
            res.add("Res " + name + " = new Res(log, \"" + name + "\", " + fail + ")");
            vars.add(new Var(name, Ty.RESOURCE, false));
        }
        parts.add("try (" + String.join("; ", res) + ") {");
        scopes.push(vars);
        List<Stmt> body = new ArrayList<>();
        body.add(line("log.add(\"in " + vars.get(0).name() + " \" + " + vars.get(0).name() + ".id());"));
        body.addAll(nestedNoScope(1 + r.nextInt(3)));
        scopes.pop();
        parts.add(body);
        if (r.nextBoolean()) catches(parts, false);
        if (r.nextInt(3) == 0) {
            parts.add("} finally {");
            boolean savedNoYield = noYield;
            noYield = true;
            parts.add(new ArrayList<>(List.of(line("log.add(\"twr finally\"" + varsSuffix() + ");"))));
            noYield = savedNoYield;
        }
        parts.add("}");
        out.add(new Compound(parts));
    }

    private void block(List<Stmt> out) {
        List<Object> parts = new ArrayList<>();
        parts.add("{");
        parts.add(nested(1 + r.nextInt(3)));
        parts.add("}");
        out.add(new Compound(parts));
    }

    private void labeledBlock(List<Stmt> out) {
        String label = fresh("B");
        targets.add(new Target(label, false));
        List<Object> parts = new ArrayList<>();
        parts.add(label + ": {");
        parts.add(nested(1 + r.nextInt(3)));
        parts.add("}");
        targets.remove(targets.size() - 1);
        out.add(new Compound(parts));
    }

    private List<Stmt> nested(int n) {
        scopes.push(new ArrayList<>());
        List<Stmt> s = nestedNoScope(n);
        scopes.pop();
        return s;
    }

    @Override
    List<Stmt> nestedNoScope(int n) {
        depth++;
        List<Stmt> s = new ArrayList<>();
        for (int i = 0; i < n && budget > 0; i++) stmt(s);
        if (s.isEmpty()) s.add(line("log.add(\"empty " + fresh("E") + "\");"));
        depth--;
        return s;
    }

}
