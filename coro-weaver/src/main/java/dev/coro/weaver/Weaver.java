package dev.coro.weaver;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Weaves class files: the one entry point the agent and the Maven plugin share.
 *
 * <p>{@link #weave(byte[])} never throws for bad input: every problem, including a corrupt class
 * file and a bug in the weaver, comes back as a {@link Diagnostic} with the class left untouched. A
 * class is woven entirely or not at all.
 *
 * <p>Thread-safe when its {@link ClassHierarchy} is (the provided ones are).
 */
public final class Weaver {
    /** The contract between woven code and the runtime this weaver writes (see docs/weaving.md). */
    public static final int CONTRACT = Names.CONTRACT;

    private final ClassHierarchy hierarchy;
    private final boolean verifyOutput;

    /**
     * @param hierarchy where superclass facts come from, for stack map frames
     * @param verifyOutput check each woven method with ASM's verifier before returning it
     */
    public Weaver(ClassHierarchy hierarchy, boolean verifyOutput) {
        this.hierarchy = hierarchy;
        this.verifyOutput = verifyOutput;
    }

    public Weaver(ClassHierarchy hierarchy) {
        this(hierarchy, true);
    }

    /**
     * The cheap gate, which reads only the constant pool (and a woven class's marker): true when the
     * class file names {@code dev/coro/Yield} or {@code dev/coro/Coroutine} and is not woven under
     * this weaver's contract. A class woven under another contract answers true, and so does a class
     * file whose constant pool is malformed, so that {@link #weave} reports them; bytes that do not
     * even start like a class file (magic number, versions) answer false.
     */
    public static boolean needsWeaving(byte[] classFile) {
        if (ClassFileGate.majorVersion(classFile) < 0) return false;
        try {
            ClassFileGate.Scan scan = ClassFileGate.scan(classFile);
            return scan.mentionsCoro() && (!scan.woven() || scan.contract() != Names.CONTRACT);
        } catch (WeaveException e) {
            return true;
        }
    }

    /** coro-api's public classes, by internal name (user classes may share their package). */
    private static final Set<String> API_CLASSES = Set.of("dev/coro/Yield", "dev/coro/Coro", "dev/coro/Coro$State",
            "dev/coro/Coroutine", "dev/coro/StopIteration", "dev/coro/CoroutineExit");

    /**
     * True for coro's own API and runtime ({@code dev/coro/Yield}, {@code dev/coro/Coro}, ...,
     * {@code dev/coro/internal/...}): their bodies call {@code Yield}'s internals by design, and they
     * are never woven. (Unwoven user code loads {@code Yield}, so the agent sees it.) Other classes
     * in package {@code dev.coro} are the user's, and woven as any other.
     */
    public static boolean isCoroApi(String internalName) {
        return API_CLASSES.contains(internalName) || internalName.startsWith("dev/coro/internal/");
    }

    /**
     * Weaves one class file. Never throws for anything but a {@link VirtualMachineError} other than
     * {@link StackOverflowError}: a throwable raised while the input is being read and checked
     * (ASM throws {@code AssertionError}s and index errors on corrupt code) is a
     * {@link Diagnostic.Code#BAD_CLASS_FILE}; one raised while writing woven code is an
     * {@link Diagnostic.Code#INTERNAL_ERROR}; running out of thread stack is
     * {@link Diagnostic.Code#OUT_OF_STACK}, so that a caller near the end of its stack can retry.
     *
     * <p>The steps, in order: {@link #gate}, {@link #parse}, {@link #checkFormat}, {@link #checkCoroutines}
     * and {@link #preVerify} (whose problems are reported together, sorted by line), {@link #weaveMethods},
     * {@link #postVerify}, {@link #write}. A step that finds problems returns them all; the class is
     * then left as it was.
     */
    public WeaveResult weave(byte[] classFile) {
        WeaveContext at = new WeaveContext(classFile);
        try {
            return steps(classFile, at);
        } catch (StackOverflowError e) {
            return rejected(classFile, List.of(at.diagnostic(e)));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return rejected(classFile, List.of(at.diagnostic(e)));
        }
    }

    /** The steps themselves; any throwable is the caller's to turn into a diagnostic. */
    private WeaveResult steps(byte[] classFile, WeaveContext at) {
        WeaveResult gated = gate(classFile);
        if (gated != null) return gated;
        ClassNode cls = parse(classFile);
        at.cls = cls;
        checkFormat(cls, classFile);
        if (isCoroApi(cls.name)) return untouched(classFile);

        List<MethodNode> targets = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            if (CoroutineChecker.isCoroutine(m) && CoroutineChecker.hasBody(m)) targets.add(m);
        }
        List<Diagnostic> problems = new ArrayList<>(checkCoroutines(cls));
        if (verifyOutput && !targets.isEmpty()) problems.addAll(preVerify(cls, targets, at));
        if (!problems.isEmpty()) return rejected(classFile, problems);
        if (targets.isEmpty()) return untouched(classFile);

        at.readingInput = false;
        List<CoroutineMethodWeaver.Woven> woven = new ArrayList<>();
        problems = weaveMethods(cls, targets, woven, at);
        if (!problems.isEmpty()) return rejected(classFile, problems);
        if (verifyOutput) {
            problems = postVerify(cls, targets, woven);
            if (!problems.isEmpty()) return rejected(classFile, problems);
        }
        return new WeaveResult(WeaveResult.Status.WOVEN, write(cls, targets, woven, at), List.of());
    }

    /**
     * Step 1, the gate: a class that mentions no coroutine, or is woven already, is returned as it is
     * (a non-null result); a class no weaver of this contract can weave is rejected by a throw.
     */
    private static WeaveResult gate(byte[] classFile) {
        int major = ClassFileGate.majorVersion(classFile);
        if (major < 0) {
            throw new WeaveException(Diagnostic.Code.BAD_CLASS_FILE, "not a class file (bad magic number or truncated)");
        }
        ClassFileGate.Scan scan = ClassFileGate.scan(classFile);
        if (!scan.mentionsCoro()) return untouched(classFile);
        if (scan.woven() && scan.contract() != Names.CONTRACT) {
            throw new WeaveException(Diagnostic.Code.STALE_WEAVE, "this class was woven by a coro weaver of contract "
                    + scan.contract() + ", and this one (contract " + Names.CONTRACT + ") cannot weave it again: compile"
                    + " it again from source (mvn clean), then weave it with this version");
        }
        if (scan.woven()) return new WeaveResult(WeaveResult.Status.ALREADY_WOVEN, classFile, List.of());
        if (major < ClassFileGate.MIN_MAJOR || major > ClassFileGate.MAX_MAJOR) {
            throw new WeaveException(Diagnostic.Code.UNSUPPORTED_VERSION, "class file version " + major + " ("
                    + ClassFileGate.javaVersion(major) + ") is not supported: coro weaves versions "
                    + ClassFileGate.MIN_MAJOR + " (Java 8) to " + ClassFileGate.MAX_MAJOR + " (Java 25)");
        }
        return null;
    }

    /** Step 2: the class file as a tree, after the checks that must run on the raw bytes. */
    private static ClassNode parse(byte[] classFile) {
        ClassNode cls = new ClassNode();
        try {
            ClassReader reader = new ClassReader(classFile);
            FormatChecker.checkConstantPool(reader);
            FormatChecker.checkLengths(reader, classFile.length);
            reader.accept(cls, 0);
        } catch (WeaveException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WeaveException(Diagnostic.Code.BAD_CLASS_FILE, "corrupt class file: " + e);
        }
        return cls;
    }

    /**
     * Step 3: what the JVM's format checks would reject (a throw), and attributes ASM put in the wrong
     * place; the class joins the hierarchy, whose catch types must be throwables; declared maxima that
     * exceed what the code needs are lowered.
     */
    private void checkFormat(ClassNode cls, byte[] classFile) {
        FormatChecker.check(cls);
        dropMisplacedAttributes(cls);
        hierarchy.register(cls.name, cls.superName, cls.interfaces, cls.access);
        CatchTypes.check(cls, hierarchy);
        MaxsBound.apply(cls, classFile);
    }

    /** Step 4: every misuse of coroutines in the class: {@code Yield} outside a coroutine, monitors, types. */
    private List<Diagnostic> checkCoroutines(ClassNode cls) {
        List<Diagnostic> problems = new ArrayList<>(CoroutineChecker.check(cls, hierarchy));
        problems.addAll(TypeChecker.check(cls, hierarchy));
        return problems;
    }

    /**
     * Step 5: every method of the input that does not verify as compiled. Bad input is the compiler's
     * problem, not coro's: say so, instead of blaming the output. The other methods too: coro copies
     * them unchanged, but a class it writes must load, and one whose plain method does not verify
     * would fail as if coro had broken it.
     */
    private List<Diagnostic> preVerify(ClassNode cls, List<MethodNode> targets, WeaveContext at) {
        List<Diagnostic> problems = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            if (m.instructions.size() == 0) continue;
            at.handling(m);
            OutputVerifier.Failure bad;
            try {
                bad = OutputVerifier.verify(cls, List.of(m), hierarchy, List.of());
            } catch (WeaveException e) {
                if (targets.contains(m)) problems.add(at.diagnostic(e)); // else: the JVM may never need that class
                continue;
            }
            if (bad != null) {
                problems.add(at.diagnostic(Diagnostic.Code.UNSUPPORTED_CODE, bad.line(),
                        "the method's bytecode does not verify as compiled, before weaving (a compiler bug?): "
                                + bad.message()));
            }
        }
        at.handling(null);
        return problems;
    }

    /**
     * Step 6: weaves each coroutine in {@code targets} into {@code woven} and puts the methods it
     * produces in place of the original in {@code cls}, the frame classes in its nest; returns every
     * method's problems instead, and then leaves {@code cls} as it was.
     */
    private List<Diagnostic> weaveMethods(ClassNode cls, List<MethodNode> targets,
            List<CoroutineMethodWeaver.Woven> woven, WeaveContext at) {
        boolean nest = (cls.version & 0xFFFF) >= Opcodes.V11 && cls.nestHostClass == null;
        Set<String> taken = new HashSet<>();
        for (InnerClassNode ic : cls.innerClasses) taken.add(ic.name);
        if (cls.nestMembers != null) taken.addAll(cls.nestMembers);
        Set<String> members = new HashSet<>();
        for (MethodNode m : cls.methods) members.add(m.name + m.desc);
        List<MethodNode> newMethods = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            if (!targets.contains(m)) {
                newMethods.add(m);
                continue;
            }
            at.handling(m);
            String clash = clash(cls, m, members);
            if (clash != null) {
                problems.add(at.diagnostic(Diagnostic.Code.NAME_CLASH, 0, clash));
                continue;
            }
            String frameClass = frameClassName(cls.name, m.name, taken);
            try {
                CoroutineMethodWeaver.Woven w = CoroutineMethodWeaver.weave(cls, m, frameClass, nest, hierarchy);
                newMethods.add(w.entry());
                newMethods.add(w.body());
                if (w.trampoline() != null) newMethods.add(w.trampoline());
                woven.add(w);
            } catch (WeaveException e) {
                problems.add(at.diagnostic(e));
            }
        }
        at.handling(null);
        if (!problems.isEmpty()) return sorted(problems);
        cls.methods = newMethods;
        if (nest) {
            if (cls.nestMembers == null) cls.nestMembers = new ArrayList<>();
            for (CoroutineMethodWeaver.Woven w : woven) cls.nestMembers.add(w.frameClass());
        }
        return List.of();
    }

    /**
     * Step 7: checks every method woven and every frame class with ASM's verifier; each failure is a
     * bug in coro, reported against the coroutine it was woven from.
     */
    private List<Diagnostic> postVerify(ClassNode cls, List<MethodNode> targets,
            List<CoroutineMethodWeaver.Woven> woven) {
        List<String> frameClasses = woven.stream().map(CoroutineMethodWeaver.Woven::frameClass).toList();
        List<Diagnostic> problems = new ArrayList<>();
        for (int i = 0; i < woven.size(); i++) {
            CoroutineMethodWeaver.Woven w = woven.get(i);
            List<MethodNode> methods = new ArrayList<>(List.of(w.entry(), w.body()));
            if (w.trampoline() != null) methods.add(w.trampoline());
            OutputVerifier.Failure failure = OutputVerifier.verify(cls, methods, hierarchy, frameClasses);
            int line = failure == null ? 0 : failure.line();
            if (failure == null) failure = OutputVerifier.verifyFrameClass(w.frameClassFile(), hierarchy, frameClasses);
            if (failure != null) {
                problems.add(CoroutineChecker.diagnostic(cls, targets.get(i), Diagnostic.Code.INTERNAL_ERROR,
                        line > 0 ? line : ControlFlow.firstLine(targets.get(i)),
                        "woven code failed verification (a bug in coro, please report it): " + failure));
            }
        }
        return sorted(problems);
    }

    /** Step 8: the woven class file, marked woven with this weaver's contract. */
    private byte[] write(ClassNode cls, List<MethodNode> targets, List<CoroutineMethodWeaver.Woven> woven,
            WeaveContext at) {
        if (cls.invisibleAnnotations == null) cls.invisibleAnnotations = new ArrayList<>();
        AnnotationNode marker = new AnnotationNode(Names.WOVEN_DESC);
        marker.visit(Names.WOVEN_CONTRACT, Names.CONTRACT);
        cls.invisibleAnnotations.add(marker);
        ClassWriter cw = StackMapComputer.writer(0, hierarchy);
        try {
            cls.accept(WideJumps.forLongMethods(cls, cw));
            return cw.toByteArray();
        } catch (MethodTooLargeException e) {
            for (int i = 0; i < woven.size(); i++) { // which coroutine the method is woven from
                CoroutineMethodWeaver.Woven w = woven.get(i);
                for (MethodNode m : new MethodNode[] {w.entry(), w.body(), w.trampoline()}) {
                    if (m != null && m.name.equals(e.getMethodName()) && m.desc.equals(e.getDescriptor())) {
                        at.handling(targets.get(i));
                    }
                }
            }
            throw e;
        }
    }

    /** Sorted by line, stably: the order a reader goes through the source. */
    private static List<Diagnostic> sorted(List<Diagnostic> problems) {
        List<Diagnostic> out = new ArrayList<>(problems);
        out.sort(java.util.Comparator.comparingInt(Diagnostic::line));
        return List.copyOf(out);
    }

    /**
     * Method-level attributes the JVM parses, by name. ASM parses these itself where they belong,
     * so a method's unknown attribute with one of these names was inside a {@code Code} attribute
     * (where the JVM ignores it): ASM hands code attributes it does not know to the method, and
     * written back there one would duplicate the real one ({@code ClassFormatError: Multiple
     * RuntimeInvisibleAnnotations}).
     */
    private static final Set<String> METHOD_ATTRIBUTES = Set.of("Code", "Exceptions", "Signature", "Synthetic",
            "Deprecated", "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations",
            "RuntimeVisibleParameterAnnotations", "RuntimeInvisibleParameterAnnotations",
            "RuntimeVisibleTypeAnnotations", "RuntimeInvisibleTypeAnnotations", "AnnotationDefault",
            "MethodParameters");

    private static void dropMisplacedAttributes(ClassNode cls) {
        for (MethodNode m : cls.methods) {
            if (m.attrs != null) m.attrs.removeIf(a -> METHOD_ATTRIBUTES.contains(a.type));
        }
    }

    /**
     * {@code pkg/C-m-Coro}, or {@code pkg/C-m-Coro2}, ... when that name is taken (overloads). javac
     * never puts {@code -} in a name, so the first one ends the host's name: {@code X.b$c()} and
     * {@code X$b.c()} get {@code X-b$c-Coro} and {@code X$b-c-Coro}.
     */
    private static String frameClassName(String host, String method, Set<String> taken) {
        String safe = method.replace('<', '_').replace('>', '_');
        String base = host + "-" + safe + "-Coro";
        String name = base;
        for (int i = 2; !taken.add(name); i++) name = base + i;
        return name;
    }

    /** Why the methods weaving {@code m} adds would clash with a member {@code cls} already has, or null. */
    private static String clash(ClassNode cls, MethodNode m, Set<String> members) {
        List<String> added = new ArrayList<>();
        added.add(Names.bodyDesc(m.desc));
        if ((m.access & Opcodes.ACC_STATIC) == 0) added.add(Names.trampolineDesc(cls.name, m.desc));
        for (String desc : added) {
            if (members.contains(m.name + desc)) {
                return "the class already has a method " + m.name + desc + ", which weaving this coroutine would"
                        + " add: rename one of them";
            }
        }
        return null;
    }

    private static WeaveResult rejected(byte[] classFile, List<Diagnostic> problems) {
        return new WeaveResult(WeaveResult.Status.REJECTED, classFile, sorted(problems));
    }

    private static WeaveResult untouched(byte[] classFile) {
        return new WeaveResult(WeaveResult.Status.UNTOUCHED, classFile, List.of());
    }
}
