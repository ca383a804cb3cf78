package dev.coro.agent;

import dev.coro.internal.AgentRecord;
import dev.coro.weaver.ClassHierarchy;
import dev.coro.weaver.Diagnostic;
import dev.coro.weaver.WeaveResult;
import dev.coro.weaver.Weaver;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The agent's transformer. Classes whose constant pool mentions neither {@code dev/coro/Yield} nor
 * {@code dev/coro/Coroutine} are returned untouched without being parsed. Every failure is caught
 * and reported here with the class name: the JVM silently ignores exceptions from transformers.
 */
final class CoroTransformer implements ClassFileTransformer {
    private final AgentOptions options;
    private final PrintStream err = System.err;
    /** One hierarchy (a cache of class-file facts) per class loader; never keeps a loader alive. */
    private final Map<ClassLoader, Weaver> weavers = new WeakHashMap<>();
    private Weaver bootWeaver;

    CoroTransformer(AgentOptions options) {
        this.options = options;
    }

    /**
     * The smallest class file header the gate reads through: magic, version 52, an empty constant
     * pool. Enough to run {@link Weaver#needsWeaving} end to end without reading a file at start-up.
     */
    private static final byte[] EMPTY_CLASS_HEADER = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 52, 0, 1};

    /**
     * Runs the path every class takes (the name check and the constant-pool gate) once before the
     * transformer is registered, so the classes it needs are loaded now. Loaded for the first time
     * from inside {@link #transform}, one of them could need the very class being transformed:
     * attached to a running JVM, the first class offered was {@code java.lang.IndexOutOfBoundsException},
     * and loading the gate from there failed with a ClassCircularityError. This loads only what the
     * first transform would load anyway; the weaver proper still loads when a class first needs weaving.
     */
    static void primeGate() {
        // the results do not matter: running the code is what loads its classes
        isCoroInternal("dev/coro/agent/CoroTransformer");
        Weaver.needsWeaving(EMPTY_CLASS_HEADER);
    }

    /**
     * The agent's own classes, the weaver, coro-api's classes and the runtime
     * ({@link Weaver#isCoroApi}) are never woven, and are skipped by name
     * before anything else runs: the weaver's classes load lazily, from inside {@link #transform},
     * and must not need the weaver to be defined (that would be a ClassCircularityError). Nothing
     * is loaded eagerly at start-up, so an application without coroutines pays only for the
     * constant-pool scan.
     */
    private static boolean isCoroInternal(String className) {
        return className != null && (className.startsWith("dev/coro/agent/") || className.startsWith("dev/coro/weaver/")
                || Weaver.isCoroApi(className));
    }

    /**
     * Weaves in place; when that runs out of thread stack (a class loaded near the end of the loading
     * thread's stack), weaves again on a fresh thread with a stack of known size, so that such a class
     * is woven, or its problem printed, never defined unwoven without a word.
     */
    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
            byte[] classFile) {
        try {
            return transformHere(loader, className, classFile);
        } catch (StackOverflowError tooDeep) {
            try {
                return FreshStack.call("coro-weaver", () -> transformHere(loader, className, classFile));
            } catch (Throwable t) {
                err.println("coro: " + binary(className) + " was left unwoven: weaving it overflowed even a "
                        + (FreshStack.STACK_BYTES >> 20) + " MB thread stack (" + t + ")");
                return null;
            }
        }
    }

    /** The whole transformation; throws only StackOverflowError (for {@link #transform} to retry). */
    private byte[] transformHere(ClassLoader loader, String className, byte[] classFile) {
        try {
            if (classFile == null || isCoroInternal(className) || !Weaver.needsWeaving(classFile)) return null;
            WarmUp.once(err);
            WeaveResult r = weaverFor(loader).weave(classFile);
            if (r.diagnostics().stream().anyMatch(d -> d.code() == Diagnostic.Code.OUT_OF_STACK)) {
                throw new StackOverflowError("weaving " + binary(className));
            }
            for (Diagnostic d : r.diagnostics()) err.println("coro: " + d.format());
            if (r.status() == WeaveResult.Status.REJECTED) {
                String name = binary(className);
                StringBuilder text = new StringBuilder(); // no lambda here: a lambda's class would load mid-transform
                for (Diagnostic d : r.diagnostics()) text.append(text.length() == 0 ? "" : "\n").append(d.format());
                String diagnostics = text.toString();
                AgentRecord.rejected(name, diagnostics);
                if (options.strict()) {
                    err.println("coro: " + name + " fails on first use (strict)");
                    return StrictRejection.failOnFirstUse(classFile,
                            "coro (strict) rejected " + name + ":\n" + diagnostics);
                }
                err.println("coro: " + name + " was left unwoven");
                return null;
            }
            if (!r.changed()) return null;
            if (options.verbose()) err.println("coro: wove " + binary(className));
            if (options.dumpDir() != null) Dump.write(options.dumpDir(), r.bytes(), err);
            return r.bytes();
        } catch (StackOverflowError e) {
            throw e;
        } catch (Throwable t) {
            err.println("coro: internal error while weaving " + binary(className) + ", left unwoven: " + t);
            t.printStackTrace(err);
            return null;
        }
    }

    private synchronized Weaver weaverFor(ClassLoader loader) {
        if (loader == null) {
            if (bootWeaver == null) bootWeaver = new Weaver(ClassHierarchy.ofClassLoader(null), options.verify());
            return bootWeaver;
        }
        return weavers.computeIfAbsent(loader, l -> new Weaver(ClassHierarchy.ofClassLoader(l), options.verify()));
    }

    private static String binary(String internalName) {
        return internalName == null ? "<unnamed class>" : internalName.replace('/', '.');
    }
}
