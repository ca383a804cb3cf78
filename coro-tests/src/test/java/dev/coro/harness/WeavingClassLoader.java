package dev.coro.harness;

import dev.coro.weaver.ClassHierarchy;
import dev.coro.weaver.Diagnostic;
import dev.coro.weaver.OutputVerifier;
import dev.coro.weaver.WeaveResult;
import dev.coro.weaver.Weaver;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads the classes of some packages child-first, weaving each with the in-process weaver, the way
 * the agent does at class-load time. Every woven class (and every frame class it embeds) is checked
 * with ASM's verifier, and weaving it a second time must change nothing.
 */
public final class WeavingClassLoader extends ChildFirstClassLoader {
    private final Weaver weaver;
    private final ClassHierarchy hierarchy;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<String> woven = new ArrayList<>();

    /** Where the class files of the woven packages come from. */
    private final java.util.function.Function<String, InputStream> source;

    public WeavingClassLoader(ClassLoader parent, String... packagePrefixes) {
        super(parent, List.of(packagePrefixes));
        this.hierarchy = ClassHierarchy.ofClassLoader(parent);
        this.weaver = new Weaver(hierarchy);
        this.source = parent::getResourceAsStream;
    }

    /** Weaves the classes of {@code packagePrefix} found under {@code root} (javac's output directory). */
    public WeavingClassLoader(ClassLoader parent, java.nio.file.Path root, String packagePrefix) {
        super(parent, List.of(packagePrefix));
        this.source = resource -> {
            try {
                java.nio.file.Path p = root.resolve(resource);
                return java.nio.file.Files.exists(p) ? java.nio.file.Files.newInputStream(p) : parent.getResourceAsStream(resource);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        this.hierarchy = new ClassHierarchy(name -> {
            try (InputStream in = source.apply(name + ".class")) {
                return in == null ? null : in.readAllBytes();
            }
        });
        this.weaver = new Weaver(hierarchy);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<String> wovenClasses() {
        return woven;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes;
        try (InputStream in = source.apply(name.replace('.', '/') + ".class")) {
            if (in == null) throw new ClassNotFoundException(name);
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        WeaveResult r = weaver.weave(bytes);
        diagnostics.addAll(r.diagnostics());
        if (r.status() == WeaveResult.Status.WOVEN) {
            check(name, r.bytes());
            woven.add(name);
            bytes = r.bytes();
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** Verifies the woven class and the frame classes it carries; re-weaving must be a no-op. */
    private void check(String name, byte[] wovenBytes) {
        String failure = OutputVerifier.verifyClass(wovenBytes, hierarchy);
        if (failure != null) throw new AssertionError("woven " + name + " does not verify: " + failure);
        for (byte[] frame : embeddedFrameClasses(wovenBytes)) {
            String f = OutputVerifier.verifyClass(frame, hierarchy);
            if (f != null) throw new AssertionError("frame class of " + name + " does not verify: " + f);
        }
        WeaveResult again = weaver.weave(wovenBytes);
        if (again.status() != WeaveResult.Status.ALREADY_WOVEN || !Arrays.equals(again.bytes(), wovenBytes)) {
            throw new AssertionError("weaving " + name + " twice changed it: " + again.status());
        }
    }

    /** The frame class files a woven class passes to its bootstrap method. */
    public static List<byte[]> embeddedFrameClasses(byte[] wovenBytes) {
        ClassNode cls = new ClassNode();
        new ClassReader(wovenBytes).accept(cls, 0);
        List<byte[]> out = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy && indy.bsm.getOwner().equals("dev/coro/internal/Bootstrap")) {
                    out.add(((String) indy.bsmArgs[2]).getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out;
    }
}
