package dev.coro.fuzz;

import dev.coro.fuzz.Program.Host;
import dev.coro.fuzz.Program.Method;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates random, terminating, deterministic coroutine programs from a seed.
 *
 * <p>A program is one class with 1 to {@code maxCoroutines} {@code @Coroutine} methods
 * {@code c0..cN} (static or instance, some {@code primed}); {@code c0} is the one the driver runs,
 * and {@code ci} may delegate to {@code cj} only for {@code j > i}, so delegation always ends. Every
 * body takes {@code List<String> log} and logs each value it computes, so any difference in what a
 * body sees shows in the trace.
 *
 * <p>This class makes the signatures and the program; {@link BodyGenerator} (statements) and
 * {@link ExpressionGenerator} (expressions) write each body.
 *
 * <p>What bodies contain: locals of every primitive type, {@code String}, {@code Integer}, a mutable
 * {@code Box}, an enum, {@code int[]}/{@code long[]}/{@code String[]} (always of length 4, indexed
 * with {@code & 3}); for/while/do/for-each loops (bounded: the counter is advanced in the loop
 * header, where {@code continue} cannot skip it), labeled and plain break/continue, labeled blocks;
 * if/else; int, String and enum switches (with fall-through, and arrow form) and switch expressions;
 * try/catch/finally with yields in every part (catching the program's exceptions, the protocol's
 * {@code IllegalStateException}, {@code RuntimeException}, {@code Exception} and
 * {@code CoroutineExit}, which a body may swallow, rethrow or answer by returning);
 * try-with-resources over a resource that logs its close and may throw from it; conditional throws
 * and early {@code return Yield.done(...)}. {@code Yield.value}/{@code Yield.await}/{@code Yield.from}
 * appear inside expressions: arithmetic on every primitive type, compound assignments to locals,
 * array elements and fields, method and varargs arguments, constructor arguments (nested
 * {@code new Box(x, Yield.<Integer>await())}), string concatenation, ternaries, short-circuit
 * conditions, switch selectors, loop conditions and updates, array indices. Sub-coroutines are used
 * through {@code Yield.from(cj(...))}, {@code Yield.from(List.of(...))}, {@code Yield.from} of a
 * {@code Coro} typed as {@code Iterable}, and through a handle the body first advances by hand.
 */
public final class ProgramGenerator {

    /**
     * Constructs the generator can leave out, each one where the fuzzer found a bug (docs/fuzzing.md):
     * while a bug is open, its construct is excluded so that the fuzzer can look for others.
     */
    public enum Feature {
        /**
         * {@code return Yield.done(r)} inside a {@code try} or {@code catch} whose {@code finally}
         * suspends (the woven runtime lost {@code r}: FuzzFound#returnThroughYieldingFinally; fixed).
         */
        RETURN_THROUGH_YIELDING_FINALLY,
        /**
         * A {@code synchronized} block (with no suspension in it) inside a try statement (the weaver
         * rejected suspensions reachable from the try's handlers: FuzzFound#synchronizedInsideTry; fixed).
         */
        SYNCHRONIZED_INSIDE_TRY,
        /**
         * {@code new K(...)} of a class whose static initializer logs, with arguments that may suspend
         * (the woven code initialised K after the suspension, Java before it:
         * FuzzFound#classInitialisedBeforeConstructorArgumentsSuspend; fixed).
         */
        CLASS_INIT_IN_SUSPENDING_NEW,
        /**
         * Overloads of the same arity whose parameter types differ ({@code int}/{@code Integer}/
         * {@code long}/{@code String}...); arguments of a call to one are cast to its exact types
         * (overloaded coroutines once collided: Shapes#overloadedCoroutinesEachRunTheirOwnBody).
         */
        SAME_ARITY_OVERLOADS,
        /**
         * An instance coroutine implementing a method of a generic interface with a concrete type
         * argument (javac adds a bridge carrying {@code @Coroutine}), called directly and through the
         * interface (bridges were woven too: Shapes#bridgesStayBridgesAndCallTheCoroutine).
         */
        GENERIC_BRIDGES,
        /**
         * Locals and operands merging arrays of different element types and dimensions (as
         * {@code Object[]}, {@code Object}, {@code Cloneable}, {@code Serializable}), live across
         * suspensions (the merge was wrong: ArrayMerges).
         */
        ARRAY_MERGES,
        /**
         * Values of package-private classes of another package ({@code lib.Hid}'s), in {@code var}
         * locals and on the operand stack across suspensions, alone and merged to their public base
         * (the restore widened them: Merges#aPackagePrivateTypeOfAnotherPackageLivesAcrossYields).
         */
        PACKAGE_PRIVATE_VALUES,
        /**
         * {@code new Box(a, switch (k) { case 1 -> { try { yield ...; } catch ... } ... })}: a switch
         * expression with try arms among constructor arguments, where javac spills the uninitialised
         * object into a local (the constructor mover rejected it: AllocationsInSwitches).
         */
        SWITCH_TRY_IN_CONSTRUCTOR,
        /**
         * The sealed records {@code lib.Sh} ({@code Pt}, {@code Seg}, {@code Lbl}) as values and,
         * when the compiling javac's release is 21 or later, record patterns (nested, with
         * {@code _} from 22), guarded {@code case X x when ...} (guards may suspend), exhaustive
         * switches over the sealed interface without {@code default}, {@code case null}, and type
         * pattern switches over {@code Object}, with suspensions in selectors, guards and arms.
         */
        PATTERNS
    }

    /** Sizes and exclusions. */
    public record Options(int maxCoroutines, int maxStatements, int maxDepth, Set<Feature> excluded, int release) {
        /** Everything, for the release of the running JDK (whose javac compiles the programs). */
        public static Options defaults() {
            return new Options(4, 36, 4, EnumSet.noneOf(Feature.class), Runtime.version().feature());
        }

        public Options excluding(Set<Feature> features) {
            Set<Feature> all = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
            all.addAll(excluded);
            return new Options(maxCoroutines, maxStatements, maxDepth, all, release);
        }

        boolean has(Feature f) {
            return !excluded.contains(f);
        }

        /** Record patterns, guards, case null and pattern switches (final in Java 21). */
        boolean patterns() {
            return has(Feature.PATTERNS) && release >= 21;
        }
    }

    private final Options options;

    public ProgramGenerator(Options options) {
        this.options = options;
    }

    /** The program of {@code seed}, as class {@code className}. */
    public Program generate(long seed, String className) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(options.maxCoroutines());
        List<Sig> sigs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean recursive = r.nextInt(8) == 0;
            int np = r.nextInt(4);
            List<Ty> ps = new ArrayList<>();
            if (recursive) ps.add(Ty.INT); // p0 bounds the depth of self-delegation
            for (int p = 0; p < np; p++) ps.add(PARAM_TYPES[r.nextInt(PARAM_TYPES.length)]);
            boolean varargs = !ps.isEmpty() && ps.get(ps.size() - 1) == Ty.INT_ARR && r.nextBoolean();
            int h = r.nextInt(12);
            Host host = h < 6 ? Host.STATIC : h < 9 ? Host.INSTANCE : h < 11 ? Host.DEFAULT : Host.INTERFACE_STATIC;
            int generic = -1;
            if (host == Host.INSTANCE && !varargs && options.has(Feature.GENERIC_BRIDGES) && r.nextBoolean()) {
                for (int k = recursive ? 1 : 0; k < ps.size() && generic < 0; k++) if (!ps.get(k).isPrimitive()) generic = k;
            }
            sigs.add(new Sig("c" + i, host, varargs, recursive, r.nextInt(i == 0 ? 12 : 6) == 0,
                    r.nextBoolean() ? Ty.INTEGER : Ty.STRING, ps, generic < 0 ? null : className + "G" + i, generic));
        }
        // Overloads: some coroutines take the name of an earlier one in the same class or interface
        // whose arity differs (so every call still resolves to the coroutine it was written for).
        // With SAME_ARITY_OVERLOADS, some take an earlier one's parameters with one type changed
        // (int/Integer/long/String...); calls of those cast their arguments to the exact types.
        for (int i = 1; i < n; i++) {
            boolean sameArity = options.has(Feature.SAME_ARITY_OVERLOADS) && r.nextInt(6) == 0;
            if (!sameArity && r.nextInt(4) != 0) continue;
            Sig s = sigs.get(i);
            if (s.iface() != null) continue; // two bridges of one name would clash
            for (int j = 0; j < i; j++) {
                Sig o = sigs.get(j);
                if (!o.name().equals("c" + j) || o.varargs() || s.varargs() || inInterface(o.host()) != inInterface(s.host())) {
                    continue;
                }
                if (sameArity) {
                    List<Ty> ps = retyped(r, o.params(), s.recursive());
                    if (ps == null || !signatureFree(sigs, o.name(), ps)) continue;
                    sigs.set(i, new Sig(o.name(), s.host(), false, s.recursive(), s.primed(), s.result(), ps, null, -1));
                    break;
                }
                if (o.params().size() != s.params().size() && arityFree(sigs, o.name(), s.params().size())) {
                    sigs.set(i, new Sig(o.name(), s.host(), s.varargs(), s.recursive(), s.primed(), s.result(), s.params(),
                            null, -1));
                    break;
                }
            }
        }
        // The top coroutine's arguments: literals only (start() is not a coroutine).
        BodyGenerator top = new BodyGenerator(r, sigs.get(0), List.of(), options, className);
        top.all = sigs;
        top.noYield = true;
        String startCall = top.call(sigs.get(0), true);
        Program p = new Program(seed, className, startCall);
        for (int i = 0; i < n; i++) {
            Sig s = sigs.get(i);
            List<String> params = new ArrayList<>();
            for (int k = 0; k < s.params.size(); k++) params.add(s.params.get(k).java + " p" + k);
            Method m = new Method(s.name, s.host, s.varargs, s.primed, s.result.java, params);
            if (s.iface() != null) m.bridge(s.iface(), s.generic(), s.params().get(s.generic()).java);
            int budget = i == 0 ? 8 + r.nextInt(options.maxStatements()) : 3 + r.nextInt(Math.max(2, options.maxStatements() / 2));
            BodyGenerator g = new BodyGenerator(r, s, sigs.subList(i + 1, n), options, className);
            g.all = sigs;
            g.body(m.body, budget);
            p.methods.add(m);
        }
        return p;
    }

    private static boolean inInterface(Host h) {
        return h == Host.DEFAULT || h == Host.INTERFACE_STATIC;
    }

    /** {@code ps} with the type at one position (not a recursive coroutine's depth) changed; null if none can be. */
    private static List<Ty> retyped(Random r, List<Ty> ps, boolean recursive) {
        int from = recursive ? 1 : 0;
        if (ps.size() <= from || recursive && ps.get(0) != Ty.INT) return null;
        int k = from + r.nextInt(ps.size() - from);
        Ty[] to = switch (ps.get(k)) {
            case INT -> new Ty[] {Ty.INTEGER, Ty.LONG, Ty.STRING};
            case INTEGER -> new Ty[] {Ty.INT, Ty.LONG};
            case LONG -> new Ty[] {Ty.INT, Ty.INTEGER};
            case DOUBLE -> new Ty[] {Ty.LONG, Ty.INT};
            case CHAR -> new Ty[] {Ty.INT, Ty.STRING};
            case BOOLEAN, BOX, INT_ARR -> new Ty[] {Ty.STRING};
            default -> new Ty[] {Ty.INT, Ty.BOX};
        };
        List<Ty> out = new ArrayList<>(ps);
        out.set(k, to[r.nextInt(to.length)]);
        return out;
    }

    /** No coroutine named {@code name} has the parameter types {@code ps}. */
    private static boolean signatureFree(List<Sig> sigs, String name, List<Ty> ps) {
        for (Sig s : sigs) {
            if (s.name().equals(name) && s.params().equals(ps)) return false;
        }
        return true;
    }

    /** Whether another coroutine has the name of {@code s} and as many parameters: calls of it cast their arguments. */
    static boolean sameArityOverload(List<Sig> all, Sig s) {
        for (Sig o : all) {
            if (o != s && o.name().equals(s.name()) && o.params().size() == s.params().size()) return true;
        }
        return false;
    }

    /** No coroutine named {@code name} has {@code arity} parameters yet. */
    private static boolean arityFree(List<Sig> sigs, String name, int arity) {
        for (Sig s : sigs) {
            if (s.name().equals(name) && s.params().size() == arity) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------------------ types

    /** The types of locals and expressions. */
    enum Ty {
        INT("int"), LONG("long"), DOUBLE("double"), FLOAT("float"), SHORT("short"), BYTE("byte"), CHAR("char"),
        BOOLEAN("boolean"), STRING("String"), INTEGER("Integer"), BOX("Box"), ENUM("E"), INT_ARR("int[]"),
        LONG_ARR("long[]"), STR_ARR("String[]"), OBJECT("Object"),
        /** A String or a StringBuilder: locals whose class differs by path, merged as an interface. */
        CHARSEQ("CharSequence"),
        /** An Integer, Long or Double: merged as an abstract class. */
        NUMBER("Number"),
        /** A catch parameter (logged through {@code Fz.d}). */
        THROWABLE("Throwable"),
        /** A try-with-resources variable. */
        RESOURCE("Res"),
        /** Arrays of different element types and dimensions merged (ARRAY_MERGES). */
        OBJ_ARR("Object[]"),
        /** Arrays of primitives (or of anything) merged as Object. */
        ANY_ARR("Object"),
        /** Arrays and an ArrayList merged as their common interface. */
        CLONEABLE("Cloneable"),
        /** Arrays, Strings and boxes merged as their common interface. */
        SERIAL("java.io.Serializable"),
        /** A package-private class of another package (PACKAGE_PRIVATE_VALUES): declared with var. */
        HIDDEN("var"),
        /** An array of it. */
        HIDDEN_ARR("var"),
        /** The sealed records (PATTERNS). */
        SHAPE("Sh");

        final String java;

        Ty(String java) {
            this.java = java;
        }

        boolean isArray() {
            return this == INT_ARR || this == LONG_ARR || this == STR_ARR;
        }

        boolean isNumeric() {
            return this == INT || this == LONG || this == DOUBLE || this == FLOAT || this == SHORT || this == BYTE
                    || this == CHAR;
        }

        boolean isPrimitive() {
            return isNumeric() || this == BOOLEAN;
        }

        Ty element() {
            return this == INT_ARR ? INT : this == LONG_ARR ? LONG : STRING;
        }
    }

    private static final Ty[] PARAM_TYPES = {Ty.INT, Ty.INT, Ty.LONG, Ty.STRING, Ty.INTEGER, Ty.DOUBLE, Ty.BOOLEAN,
            Ty.INT_ARR, Ty.BOX, Ty.CHAR};
    /** Types a local may be declared with, weighted by repetition. */
    static final Ty[] LOCAL_TYPES = {Ty.INT, Ty.INT, Ty.INT, Ty.INT, Ty.LONG, Ty.LONG, Ty.DOUBLE, Ty.FLOAT,
            Ty.SHORT, Ty.BYTE, Ty.CHAR, Ty.BOOLEAN, Ty.STRING, Ty.STRING, Ty.STRING, Ty.INTEGER, Ty.INTEGER, Ty.BOX,
            Ty.BOX, Ty.ENUM, Ty.INT_ARR, Ty.LONG_ARR, Ty.STR_ARR, Ty.CHARSEQ, Ty.NUMBER};
    /** The local types of {@code options}: {@link #LOCAL_TYPES} and those of the features it has. */
    static Ty[] localTypes(Options options) {
        List<Ty> all = new ArrayList<>(List.of(LOCAL_TYPES));
        if (options.has(Feature.ARRAY_MERGES)) all.addAll(List.of(Ty.OBJ_ARR, Ty.ANY_ARR, Ty.CLONEABLE, Ty.SERIAL));
        if (options.has(Feature.PACKAGE_PRIVATE_VALUES)) all.addAll(List.of(Ty.HIDDEN, Ty.HIDDEN, Ty.HIDDEN_ARR));
        if (options.has(Feature.PATTERNS)) all.addAll(List.of(Ty.SHAPE, Ty.SHAPE));
        return all.toArray(new Ty[0]);
    }

    /** Types whose values may be yielded (all print deterministically). */
    static final Ty[] YIELDABLE = {Ty.INT, Ty.INT, Ty.INT, Ty.LONG, Ty.DOUBLE, Ty.STRING, Ty.STRING,
            Ty.INTEGER, Ty.BOX, Ty.ENUM, Ty.CHAR, Ty.BOOLEAN, Ty.FLOAT, Ty.SHORT, Ty.BYTE, Ty.CHARSEQ, Ty.NUMBER};

    /**
     * A coroutine's signature; {@code iface}: the generic interface it implements (its parameter
     * {@code generic} is the interface's type parameter), or null.
     */
    record Sig(String name, Host host, boolean varargs, boolean recursive, boolean primed, Ty result, List<Ty> params,
            String iface, int generic) {
        /** Whether the body can use the field {@code acc} (and call the class's instance coroutines on this). */
        boolean hasAcc() {
            return host == Host.INSTANCE;
        }
    }

    /** A local in scope. */
    record Var(String name, Ty type, boolean mutable) {}

    /** Something break/continue can target. */
    record Target(String label, boolean loop) {}
}
