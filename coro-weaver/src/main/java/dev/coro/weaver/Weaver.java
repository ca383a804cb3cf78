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
     * The cheap gate: true when the class file mentions {@code dev/coro/Yield} or
     * {@code dev/coro/Coroutine} in its constant pool and is not already woven. Parses nothing; a
     * malformed file answers true, so that {@link #weave} reports it.
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
     */
    public WeaveResult weave(byte[] classFile) {
        String className = guessName(classFile);
        boolean[] readingInput = {true};
        try {
            return weaveOrThrow(classFile, readingInput);
        } catch (WeaveException e) {
            return rejected(classFile, new Diagnostic(e.code, className, e.method, e.sourceFile, e.line, e.getMessage()));
        } catch (StackOverflowError e) {
            return rejected(classFile, new Diagnostic(Diagnostic.Code.OUT_OF_STACK, className, null, null, 0,
                    "the weaver ran out of thread stack (StackOverflowError): weave on a thread with a larger stack"));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            if (readingInput[0] && !(e instanceof LinkageError)) { // a LinkageError is the JVM's, not the input's
                return rejected(classFile, new Diagnostic(Diagnostic.Code.BAD_CLASS_FILE, className, null, null, 0,
                        "corrupt class file: " + e));
            }
            return rejected(classFile, new Diagnostic(Diagnostic.Code.INTERNAL_ERROR, className, null, null, 0,
                    "internal error in the coro weaver (please report it): " + e));
        }
    }

    /** {@code readingInput[0]} stays true while only the input is being parsed and checked. */
    private WeaveResult weaveOrThrow(byte[] classFile, boolean[] readingInput) {
        int major = ClassFileGate.majorVersion(classFile);
        if (major < 0) {
            throw new WeaveException(Diagnostic.Code.BAD_CLASS_FILE, "not a class file (bad magic number or truncated)");
        }
        ClassFileGate.Scan scan = ClassFileGate.scan(classFile);
        if (!scan.mentionsCoro()) return new WeaveResult(WeaveResult.Status.UNTOUCHED, classFile, List.of());
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
        FormatChecker.check(cls);
        dropMisplacedAttributes(cls);
        hierarchy.register(cls.name, cls.superName, cls.interfaces, cls.access);
        CatchTypes.check(cls, hierarchy);
        MaxsBound.apply(cls, classFile);
        if (isCoroApi(cls.name)) return new WeaveResult(WeaveResult.Status.UNTOUCHED, classFile, List.of());

        List<Diagnostic> problems = new ArrayList<>(CoroutineChecker.check(cls, hierarchy));
        problems.addAll(TypeChecker.check(cls, hierarchy));
        problems.sort(java.util.Comparator.comparingInt(Diagnostic::line));
        if (!problems.isEmpty()) return new WeaveResult(WeaveResult.Status.REJECTED, classFile, List.copyOf(problems));

        List<MethodNode> targets = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            if (CoroutineChecker.isCoroutine(m) && CoroutineChecker.hasBody(m)) targets.add(m);
        }
        if (targets.isEmpty()) return new WeaveResult(WeaveResult.Status.UNTOUCHED, classFile, List.of());
        if (verifyOutput) {
            // Bad input is the compiler's problem, not coro's: say so, instead of blaming the output.
            // The other methods too: coro copies them unchanged, but a class it writes must load, and
            // one whose plain method does not verify would fail as if coro had broken it.
            for (MethodNode m : cls.methods) {
                if (m.instructions.size() == 0) continue;
                OutputVerifier.Failure bad;
                try {
                    bad = OutputVerifier.verify(cls, List.of(m), hierarchy, List.of());
                } catch (WeaveException e) {
                    if (!targets.contains(m)) continue; // a class missing for a plain method: the JVM may never need it
                    return new WeaveResult(WeaveResult.Status.REJECTED, classFile, List.of(CoroutineChecker.diagnostic(
                            cls, m, e.code, e.line > 0 ? e.line : ControlFlow.firstLine(m), e.getMessage())));
                }
                if (bad != null) {
                    return new WeaveResult(WeaveResult.Status.REJECTED, classFile, List.of(CoroutineChecker.diagnostic(
                            cls, bad.method(), Diagnostic.Code.UNSUPPORTED_CODE, bad.line(),
                            "the method's bytecode does not verify as compiled, before weaving (a compiler bug?): "
                                    + bad.message())));
                }
            }
        }

        readingInput[0] = false;
        boolean nest = (cls.version & 0xFFFF) >= Opcodes.V11 && cls.nestHostClass == null;
        Set<String> taken = new HashSet<>();
        for (InnerClassNode ic : cls.innerClasses) taken.add(ic.name);
        if (cls.nestMembers != null) taken.addAll(cls.nestMembers);
        Set<String> members = new HashSet<>();
        for (MethodNode m : cls.methods) members.add(m.name + m.desc);
        List<MethodNode> newMethods = new ArrayList<>();
        List<MethodNode> toVerify = new ArrayList<>();
        List<CoroutineMethodWeaver.Woven> woven = new ArrayList<>();
        List<Diagnostic> failures = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            if (!targets.contains(m)) {
                newMethods.add(m);
                continue;
            }
            int firstLine = ControlFlow.firstLine(m);
            String clash = clash(cls, m, members);
            if (clash != null) {
                failures.add(CoroutineChecker.diagnostic(cls, m, Diagnostic.Code.NAME_CLASH, firstLine, clash));
                continue;
            }
            String frameClass = frameClassName(cls.name, m.name, taken);
            try {
                CoroutineMethodWeaver.Woven w = CoroutineMethodWeaver.weave(cls, m, frameClass, nest, hierarchy);
                newMethods.add(w.entry());
                newMethods.add(w.body());
                toVerify.add(w.entry());
                toVerify.add(w.body());
                if (w.trampoline() != null) {
                    newMethods.add(w.trampoline());
                    toVerify.add(w.trampoline());
                }
                woven.add(w);
            } catch (WeaveException e) {
                failures.add(CoroutineChecker.diagnostic(cls, m, e.code, e.line > 0 ? e.line : firstLine, e.getMessage()));
            }
        }
        if (!failures.isEmpty()) return new WeaveResult(WeaveResult.Status.REJECTED, classFile, List.copyOf(failures));
        cls.methods = newMethods;
        List<String> frameClasses = woven.stream().map(CoroutineMethodWeaver.Woven::frameClass).toList();
        if (nest) {
            if (cls.nestMembers == null) cls.nestMembers = new ArrayList<>();
            cls.nestMembers.addAll(frameClasses);
        }

        if (verifyOutput) {
            OutputVerifier.Failure failure = OutputVerifier.verify(cls, toVerify, hierarchy, frameClasses);
            for (int i = 0; failure == null && i < woven.size(); i++) {
                failure = OutputVerifier.verifyFrameClass(woven.get(i).frameClassFile(), hierarchy, frameClasses);
            }
            if (failure != null) {
                return new WeaveResult(WeaveResult.Status.REJECTED, classFile, List.of(CoroutineChecker.diagnostic(cls,
                        failure.method(), Diagnostic.Code.INTERNAL_ERROR, failure.line(),
                        "woven code failed verification (a bug in coro, please report it): " + failure)));
            }
        }

        if (cls.invisibleAnnotations == null) cls.invisibleAnnotations = new ArrayList<>();
        AnnotationNode marker = new AnnotationNode(Names.WOVEN_DESC);
        marker.visit(Names.WOVEN_CONTRACT, Names.CONTRACT);
        cls.invisibleAnnotations.add(marker);
        ClassWriter cw = StackMapComputer.writer(0, hierarchy);
        try {
            cls.accept(cw);
            return new WeaveResult(WeaveResult.Status.WOVEN, cw.toByteArray(), List.of());
        } catch (org.objectweb.asm.LimitExceededException e) {
            throw new WeaveException(Diagnostic.Code.UNSUPPORTED_CODE,
                    "a woven method is too large to compute its stack map frames (" + e.getMessage() + ")");
        } catch (MethodTooLargeException e) {
            throw new WeaveException(Diagnostic.Code.METHOD_TOO_LARGE, "after weaving, method " + e.getMethodName()
                    + " would be " + e.getCodeSize() + " bytes, over the JVM's limit of 65535");
        }
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

    private static WeaveResult rejected(byte[] classFile, Diagnostic d) {
        return new WeaveResult(WeaveResult.Status.REJECTED, classFile, List.of(d));
    }

    /** The class's name for a diagnostic about a file that may not parse. */
    private static String guessName(byte[] classFile) {
        try {
            return Names.binaryName(new ClassReader(classFile).getClassName());
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return "<unreadable class file>";
        }
    }
}
