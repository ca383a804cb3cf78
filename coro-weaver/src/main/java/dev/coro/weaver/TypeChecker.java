package dev.coro.weaver;

import dev.coro.weaver.GenericType.ClassType;
import dev.coro.weaver.GenericType.MethodSig;
import dev.coro.weaver.OriginInterpreter.Val;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pass 2 (analysis only): what javac could not type-check, because the {@code Yield} markers are
 * untyped, checked against the coroutine's declared {@code Coro<Y, S, R>}.
 *
 * <pre>
 *   Coro&lt;Long, Integer, Integer&gt; m()      rejected (line of the Yield call):
 *     Yield.value("text")                   a String is not a Long
 *     String s = Yield.await()              CHECKCAST String after the call: an Integer is not a String
 *     Yield.from(names)  // Coro&lt;String,..&gt;  elements String (LocalVariableTypeTable, a method's or a
 *                                           field's signature, through generic supertypes)
 *     return Yield.done("x")                a String is not an Integer
 *     Yield.done(1);                        a Yield.done value thrown away (POP, passed on, stored and
 *                                           never returned)
 *   rejected once per method, at its first line: an ARETURN of anything but a Yield.done value
 * </pre>
 *
 * Types found in the bytecode are erased and, after a merge or an erased generic call, wider than the
 * source's, so a value is rejected only when it provably cannot be of the expected type ({@link
 * TypeFacts#disjoint}); {@code null}, unknown classes and unresolvable type variables never are.
 * Methods without a generic signature or with a raw {@code Coro} return type are not checked.
 *
 * <p>Pre: {@link CoroutineChecker} ran (its problems are reported beside these). Returns immutable facts.
 */
final class TypeChecker {
    private TypeChecker() {}

    static List<Diagnostic> check(ClassNode cls, ClassHierarchy hierarchy) {
        TypeFacts facts = new TypeFacts(hierarchy, cls);
        GenericType.ClassSig classSig = GenericType.parseClass(cls.signature);
        List<Diagnostic> out = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            if (!CoroutineChecker.isCoroutine(m) || !CoroutineChecker.hasBody(m)) continue;
            if ((m.access & (Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)) != 0) continue;
            if (!Names.CORO_DESC.equals(Type.getReturnType(m.desc).getDescriptor())) continue;
            MethodSig sig = GenericType.parseMethod(m.signature);
            if (sig == null || !(sig.returnType() instanceof ClassType coro) || coro.args().size() != 3) continue;
            TypeFacts.Scope scope = TypeFacts.Scope.of(sig.typeParams(), classSig);
            OriginInterpreter interpreter = new OriginInterpreter(hierarchy, m);
            ControlFlow<Val> flow;
            try {
                flow = ControlFlow.analyze(cls.name, m, interpreter);
            } catch (WeaveException e) {
                continue; // the weaving passes analyse the method again and report why it cannot be woven
            }
            new MethodCheck(cls, m, coro, scope, facts, flow, interpreter, out).run();
        }
        out.sort(Comparator.comparingInt(Diagnostic::line));
        return List.copyOf(out);
    }

    /** One coroutine's check; adds each problem once to {@code out}. */
    private static final class MethodCheck {
        private final ClassNode cls;
        private final MethodNode m;
        private final GenericType[] yrs; // Y, S, R as declared
        private final List<List<Type>> bounds = new ArrayList<>(); // their erased upper bounds, or null
        private final TypeFacts.Scope scope;
        private final TypeFacts facts;
        private final ControlFlow<Val> flow;
        private final OriginInterpreter interpreter;
        private final List<Diagnostic> out;
        private final Set<String> reported = new HashSet<>();

        MethodCheck(ClassNode cls, MethodNode m, ClassType coro, TypeFacts.Scope scope, TypeFacts facts,
                ControlFlow<Val> flow, OriginInterpreter interpreter, List<Diagnostic> out) {
            this.cls = cls;
            this.m = m;
            this.yrs = coro.args().toArray(new GenericType[0]);
            for (GenericType t : yrs) bounds.add(TypeFacts.upperBounds(t, scope));
            this.scope = scope;
            this.facts = facts;
            this.flow = flow;
            this.interpreter = interpreter;
            this.out = out;
        }

        void run() {
            Set<MethodInsnNode> discarded = new LinkedHashSet<>();
            Set<MethodInsnNode> keptInVariables = new LinkedHashSet<>();
            Set<MethodInsnNode> returned = new HashSet<>();
            Set<String> badReturns = new LinkedHashSet<>();
            Set<MethodInsnNode> tested = testedWithInstanceof();
            Map<MethodInsnNode, Val> results = new LinkedHashMap<>();
            for (int i = 0; i < flow.frames.length; i++) {
                Frame<Val> f = flow.frames[i];
                if (f == null) continue;
                AbstractInsnNode insn = m.instructions.get(i);
                YieldCall c = YieldCall.of(insn);
                if (c == YieldCall.VALUE) checkValue(insn, top(f), 0, "yields");
                else if (c == YieldCall.DONE_RESULT) results.put((MethodInsnNode) insn, top(f));
                else if (c == YieldCall.FROM_CORO || c == YieldCall.FROM_ITERABLE) checkFrom(insn, c, top(f));
                for (Val used : consumed(insn, f)) discarded.addAll(used.done());
                if (insn.getOpcode() == Opcodes.ASTORE && isNamed((VarInsnNode) insn)) keptInVariables.addAll(top(f).done());
                if (insn.getOpcode() == Opcodes.CHECKCAST && top(f).received() != null
                        && !tested.contains(top(f).received())) {
                    checkReceived(insn, top(f));
                }
                if (insn.getOpcode() == Opcodes.ARETURN) {
                    Val v = top(f);
                    returned.addAll(v.done());
                    if (!v.allDone()) badReturns.add(badReturn(v));
                }
            }
            for (MethodInsnNode done : keptInVariables) {
                if (!returned.contains(done)) discarded.add(done);
            }
            for (MethodInsnNode done : discarded) {
                report(ControlFlow.lineOf(done), "the value of Yield.done is not returned (write return Yield.done(...);)");
            }
            for (Map.Entry<MethodInsnNode, Val> r : results.entrySet()) {
                // a result thrown away is no R (and is reported as that)
                if (returned.contains(r.getKey()) && !discarded.contains(r.getKey())) checkValue(r.getKey(), r.getValue(), 2, "returns");
            }
            for (String message : badReturns) report(ControlFlow.firstLine(m), message);
        }

        /**
         * The calls whose results the body tests with {@code instanceof} or a pattern switch (an
         * {@code invokedynamic} of {@code SwitchBootstraps}, whose selector is under the restart
         * index): their casts are guarded ({@code if (o instanceof String s)}, {@code case Box b}),
         * dead code for a well-typed sender rather than a mistake.
         */
        private Set<MethodInsnNode> testedWithInstanceof() {
            Set<MethodInsnNode> out = new HashSet<>();
            for (int i = 0; i < flow.frames.length; i++) {
                Frame<Val> f = flow.frames[i];
                AbstractInsnNode insn = m.instructions.get(i);
                if (f != null && insn.getOpcode() == Opcodes.INSTANCEOF && top(f).received() != null) {
                    out.add(top(f).received());
                } else if (f != null && insn instanceof org.objectweb.asm.tree.InvokeDynamicInsnNode indy
                        && "java/lang/runtime/SwitchBootstraps".equals(indy.bsm.getOwner()) && f.getStackSize() >= 2
                        && f.getStack(f.getStackSize() - 2).received() != null) {
                    out.add(f.getStack(f.getStackSize() - 2).received());
                }
            }
            return out;
        }

        /**
         * The values {@code insn} uses up other than by returning, storing or moving them: popped,
         * passed to a call, stored in a field or an array, compared. (A value left in a local is not:
         * {@code return Yield.done(r)} in a {@code try} whose {@code finally} always throws leaves
         * it there, and returns nothing.)
         */
        private static List<Val> consumed(AbstractInsnNode insn, Frame<Val> f) {
            int n = f.getStackSize();
            int op = insn.getOpcode();
            int count;
            if (insn instanceof MethodInsnNode call) {
                count = Type.getArgumentTypes(call.desc).length + (op == Opcodes.INVOKESTATIC ? 0 : 1);
            } else if (insn instanceof org.objectweb.asm.tree.InvokeDynamicInsnNode indy) {
                count = Type.getArgumentTypes(indy.desc).length;
            } else {
                count = switch (op) {
                    case Opcodes.POP, Opcodes.PUTSTATIC, Opcodes.IFNULL, Opcodes.IFNONNULL, Opcodes.INSTANCEOF,
                            Opcodes.MONITORENTER, Opcodes.MONITOREXIT -> 1;
                    case Opcodes.POP2 -> n > 0 && f.getStack(n - 1).getSize() == 2 ? 1 : 2;
                    case Opcodes.PUTFIELD, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE -> 2;
                    case Opcodes.AASTORE -> 3;
                    default -> 0;
                };
            }
            List<Val> out = new ArrayList<>();
            for (int i = Math.max(0, n - count); i < n; i++) out.add(f.getStack(i));
            return out;
        }

        /**
         * True when {@code store} writes a variable of the source (one the LocalVariableTable names
         * from the next instruction on), not a compiler's temporary: javac keeps the value of {@code
         * return Yield.done(r)} in an unnamed one while a {@code finally} block runs, which may throw.
         */
        private boolean isNamed(VarInsnNode store) {
            if (m.localVariables == null) return false;
            int next = m.instructions.indexOf(store) + 1;
            for (org.objectweb.asm.tree.LocalVariableNode lv : m.localVariables) {
                if (lv.index == store.var && m.instructions.indexOf(lv.start) <= next
                        && next < m.instructions.indexOf(lv.end)) {
                    return true;
                }
            }
            return false;
        }

        private static Val top(Frame<Val> f) {
            return f.getStack(f.getStackSize() - 1);
        }

        /** {@code Yield.value(v)} against Y ({@code which} 0) or {@code Yield.done(r)} against R (2). */
        private void checkValue(AbstractInsnNode call, Val v, int which, String verb) {
            List<Type> expected = bounds.get(which);
            Type found = v.type();
            if (expected == null || v.isNull() || !TypedInterpreter.isReference(found)) return;
            if (facts.disjointFromAny(found, expected)) {
                report(ControlFlow.lineOf(call), YieldCall.of(call).display() + " of " + article(simpleName(found))
                        + " in a coroutine that " + verb + " " + GenericType.display(yrs[which]));
            }
        }

        /** The cast javac put after {@code Yield.await}/{@code Yield.value}: what the body takes the sent value for. */
        private void checkReceived(AbstractInsnNode cast, Val v) {
            List<Type> expected = bounds.get(1);
            if (expected == null) return;
            Type castTo = Type.getObjectType(((TypeInsnNode) cast).desc);
            if (facts.disjointFromAny(castTo, expected)) {
                report(ControlFlow.lineOf(v.received()), YieldCall.of(v.received()).display() + " used as "
                        + article(simpleName(castTo)) + " in a coroutine that is sent " + GenericType.display(yrs[1]));
            }
        }

        private void checkFrom(AbstractInsnNode call, YieldCall kind, Val sub) {
            List<Type> expected = bounds.get(0);
            if (expected == null || sub.isNull()) return;
            Generic g = genericTypeOf(sub);
            if (g == null || !(g.type() instanceof ClassType ct)) return;
            boolean coro = kind == YieldCall.FROM_CORO;
            ClassType as = facts.asSuper(ct, coro ? Names.CORO : "java/lang/Iterable");
            if (as == null || as.args().isEmpty()) return;
            GenericType element = as.args().get(0);
            List<Type> found = TypeFacts.upperBounds(element, g.scope());
            String shown = GenericType.display(element);
            Type passed = element instanceof GenericType.TypeVar v ? argumentType(g, v.name()) : null;
            if (passed != null) {
                found = List.of(passed);
                shown = simpleName(passed);
            }
            if (found == null) return;
            for (Type f : found) {
                if (facts.disjointFromAny(f, expected)) {
                    String what = coro ? "a coroutine that yields " : "an Iterable of ";
                    report(ControlFlow.lineOf(call), "Yield.from of " + what + shown
                            + " in a coroutine that yields " + GenericType.display(yrs[0]));
                    return;
                }
            }
        }

        /** A generic type and the scope its type variables belong to; for a call's result, the call. */
        private record Generic(GenericType type, TypeFacts.Scope scope, MethodInsnNode call, MethodSig sig) {
            Generic(GenericType type, TypeFacts.Scope scope) {
                this(type, scope, null, null);
            }
        }

        /**
         * For a generic factory whose elements are its own type variable {@code var} and whose every
         * parameter is a {@code var} or a {@code var[]} ({@code List.of(a, b)}, {@code
         * Arrays.asList(a...)}, {@code Collections.singleton(a)}): the elements are the arguments, so
         * the type all non-null arguments are passed as (a varargs array's component type is javac's
         * inferred {@code var}); null when they differ or the method is not of that shape.
         */
        private Type argumentType(Generic g, String var) {
            if (g.call() == null || g.sig().typeParams().stream().noneMatch(p -> p.name().equals(var))) return null;
            List<GenericType> params = g.sig().params();
            if (params.isEmpty() || Type.getArgumentTypes(g.call().desc).length != params.size()) return null;
            Frame<Val> f = flow.frames[m.instructions.indexOf(g.call())];
            if (f == null) return null;
            int first = f.getStackSize() - params.size();
            Type common = null;
            for (int i = 0; i < params.size(); i++) {
                GenericType p = params.get(i);
                Val arg = f.getStack(first + i);
                Type t = arg.type();
                if (arg.isNull()) continue;
                if (p instanceof GenericType.ArrayType a && a.component().equals(new GenericType.TypeVar(var))
                        && t != null && t.getSort() == Type.ARRAY) {
                    t = Type.getType(t.getDescriptor().substring(1));
                } else if (!p.equals(new GenericType.TypeVar(var))) {
                    return null;
                }
                if (!TypedInterpreter.isReference(t) || (common != null && !common.equals(t))) return null;
                common = t;
            }
            return common;
        }

        /** What the generic signatures say about {@code v}'s type, or null when they say nothing. */
        private Generic genericTypeOf(Val v) {
            AbstractInsnNode origin = v.origin();
            if (origin instanceof VarInsnNode load) {
                GenericType t = interpreter.localType(load);
                return t == null ? null : new Generic(t, scope);
            }
            if (origin instanceof MethodInsnNode call) {
                TypeFacts.Declared<MethodNode> d = facts.method(call.owner, call.name, call.desc);
                if (d == null) return null;
                MethodSig sig = GenericType.parseMethod(d.member().signature);
                if (sig == null) return null;
                return new Generic(sig.returnType(), TypeFacts.Scope.of(sig.typeParams(),
                        GenericType.parseClass(d.owner().signature)), call, sig);
            }
            if (origin instanceof FieldInsnNode get) {
                TypeFacts.Declared<FieldNode> d = facts.field(get.owner, get.name, get.desc);
                if (d == null) return null;
                GenericType t = GenericType.parseType(d.member().signature);
                if (t == null) return null;
                return new Generic(t, TypeFacts.Scope.of(null, GenericType.parseClass(d.owner().signature)));
            }
            return null;
        }

        private String badReturn(Val v) {
            if (v.isNull()) return "returns null where Yield.done(...) is expected";
            String found = TypedInterpreter.isReference(v.type()) ? simpleName(v.type()) : "value";
            return "returns " + article(found) + " where Yield.done(...) is expected"
                    + " (for another coroutine's result: return Yield.done(Yield.from(other)))";
        }

        private void report(int line, String message) {
            if (reported.add(line + ":" + message)) {
                out.add(CoroutineChecker.diagnostic(cls, m, Diagnostic.Code.TYPE_MISMATCH, line, message));
            }
        }
    }

    /** {@code String}, {@code Map.Entry}, {@code char[]}. */
    static String simpleName(Type t) {
        String n = t.getClassName();
        int dims = 0;
        while (n.endsWith("[]")) {
            n = n.substring(0, n.length() - 2);
            dims++;
        }
        n = n.substring(n.lastIndexOf('.') + 1).replace('$', '.');
        return n + "[]".repeat(dims);
    }

    /** {@code a String}, {@code an Integer}. */
    static String article(String noun) {
        return ("AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
