package dev.coro.tests;

import dev.coro.Coro;
import dev.coro.testkit.ClassFiles;
import dev.coro.weaver.ClassHierarchy;
import dev.coro.weaver.WeaveResult;
import dev.coro.weaver.Weaver;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The shape of what the weaver writes (docs/weaving.md, "The shape of a woven coroutine"), as facts
 * CI checks: the frame's fields (so the 40-byte footprint of the seed's generator), private members in
 * the host's nest, private non-synthetic bodies with the original parameters, the versioned marker;
 * and the runtime's checks of what it links: the contract and the frame class it finds.
 */
class WovenShapeTest {
    private static final String SEEDS = "dev/coro/fixtures/Seeds";
    private static final String SHAPES = "dev/coro/fixtures/Shapes";
    private final Weaver weaver = new Weaver(ClassHierarchy.ofClassLoader(getClass().getClassLoader()));

    @Test
    void theSeedGeneratorsFrameHoldsItsTwoLiveLongsAndNothingElse() throws IOException {
        ClassNode host = woven(SEEDS);
        ClassNode frame = frameOf(host, "fibonacci");
        assertEquals("dev/coro/fixtures/Seeds-fibonacci-Coro", frame.name);
        assertEquals(List.of("private j0 J", "private j1 J"), fields(frame));
        assertEquals(Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, frame.access);
        assertEquals("dev/coro/internal/CoroFrame", frame.superName);
        assertEquals(SEEDS, frame.nestHostClass);
        assertEquals(true, host.nestMembers.contains(frame.name));
    }

    @Test
    void theBodyIsPrivateNotSyntheticAndTakesTheOriginalParametersFirst() throws IOException {
        ClassNode host = woven(SHAPES);
        List<String> gens = new ArrayList<>();
        for (MethodNode m : host.methods) {
            if (m.name.equals("gen")) gens.add(access(m.access) + " " + m.desc);
        }
        String tail = "Ldev/coro/internal/CoroFrame;ILjava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;";
        assertEquals(List.of(
                "static (I)Ldev/coro/Coro;", "private static (I" + tail,
                "static (Ljava/lang/String;)Ldev/coro/Coro;", "private static (Ljava/lang/String;" + tail,
                "static ()Ldev/coro/Coro;", "private static (" + tail,
                "static (JD)Ldev/coro/Coro;", "private static (JD" + tail,
                " (ILjava/lang/String;)Ldev/coro/Coro;", "private (ILjava/lang/String;" + tail,
                " (Ljava/lang/String;I)Ldev/coro/Coro;", "private (Ljava/lang/String;I" + tail), gens);
        // the instance coroutine's frame keeps the receiver and the parameters, typed exactly
        ClassNode frame = frameOf(host, "gen", "(ILjava/lang/String;)Ldev/coro/Coro;");
        assertEquals("dev/coro/fixtures/Shapes-gen-Coro5", frame.name);
        assertEquals(List.of("private self Ldev/coro/fixtures/Shapes;", "private p0 I", "private p1 Ljava/lang/String;",
                "private i0 I"), fields(frame));
    }

    @Test
    void aNestedHostKeepsItsFramesInItsPackageAndReachesInstanceBodiesThroughATrampoline() throws IOException {
        ClassNode host = woven(SHAPES + "$Animal");
        ClassNode frame = frameOf(host, "sounds");
        assertEquals("dev/coro/fixtures/Shapes$Animal-sounds-Coro", frame.name);
        assertEquals(null, frame.nestHostClass);
        assertEquals(List.of(" self Ldev/coro/fixtures/Shapes$Animal;", " p0 I"), fields(frame));
        List<String> sounds = new ArrayList<>();
        for (MethodNode m : host.methods) {
            if (m.name.equals("sounds")) sounds.add(access(m.access) + " " + m.desc);
        }
        assertEquals(List.of(" (I)Ldev/coro/Coro;",
                "private (ILdev/coro/internal/CoroFrame;ILjava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;",
                "static synthetic (Ldev/coro/fixtures/Shapes$Animal;ILdev/coro/internal/CoroFrame;ILjava/lang/Object;"
                        + "Ljava/lang/Throwable;)Ljava/lang/Object;"), sounds);
    }

    @Test
    void theMarkerCarriesTheContractAndWeavingTwiceChangesNothing() throws IOException {
        byte[] once = weaver.weave(read(SEEDS)).bytes();
        ClassNode host = node(once);
        AnnotationNode marker = host.invisibleAnnotations.get(host.invisibleAnnotations.size() - 1);
        assertEquals("Ldev/coro/internal/Woven;", marker.desc);
        assertEquals(List.of("contract", 2), marker.values);
        WeaveResult again = weaver.weave(once);
        assertEquals(WeaveResult.Status.ALREADY_WOVEN, again.status());
    }

    @Test
    void aClassWovenByAnotherContractIsReportedNotTakenAsWoven() throws IOException {
        ClassNode host = woven(SEEDS);
        AnnotationNode marker = host.invisibleAnnotations.get(host.invisibleAnnotations.size() - 1);
        marker.values = null; // coro's first weavers wrote the marker without a contract
        byte[] old = write(host);
        assertEquals(true, Weaver.needsWeaving(old));
        WeaveResult r = weaver.weave(old);
        assertEquals(WeaveResult.Status.REJECTED, r.status());
        assertEquals("Seeds.class: dev.coro.fixtures.Seeds: this class was woven by a coro weaver of contract 1, and this"
                + " one (contract 2) cannot weave it again: compile it again from source (mvn clean), then weave it with"
                + " this version", r.diagnostics().get(0).format());
        assertEquals("STALE_WEAVE", r.diagnostics().get(0).code().name());
    }

    @Test
    void aClassThatMerelySpellsTheMarkerIsStillWoven() throws IOException {
        // Shapes.mentionsTheMarker yields the marker's descriptor as a string constant
        assertEquals(WeaveResult.Status.WOVEN, weaver.weave(read(SHAPES)).status());
        assertEquals(true, Weaver.needsWeaving(read(SHAPES)));
    }

    @Test
    void aClassWovenForAnotherContractFailsWithAClearMessage() throws Exception {
        ClassNode host = woven(SEEDS);
        for (MethodNode m : host.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy) indy.bsmArgs[0] = 1;
            }
        }
        Throwable e = callFibonacci(Map.of(SEEDS, write(host)));
        IncompatibleClassChangeError bme = assertInstanceOf(IncompatibleClassChangeError.class, e);
        assertEquals("dev.coro.fixtures.Seeds.fibonacci was woven by a coro weaver of contract 1, but this coro"
                + " runtime (coro-api) implements contract 2: weave it again with the coro version whose coro-api is"
                + " on the class path", bme.getMessage());
    }

    @Test
    void aClassNamedLikeTheFrameIsNotTakenForIt() throws Exception {
        ClassWriter impostor = new ClassWriter(0);
        impostor.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, SEEDS + "-fibonacci-Coro", null,
                "java/lang/Object", null);
        impostor.visitEnd();
        Map<String, byte[]> classes = new HashMap<>();
        classes.put(SEEDS, weaver.weave(read(SEEDS)).bytes());
        classes.put(SEEDS + "-fibonacci-Coro", impostor.toByteArray());
        Throwable e = callFibonacci(classes);
        IncompatibleClassChangeError bme = assertInstanceOf(IncompatibleClassChangeError.class, e);
        assertEquals("coro: the class dev.coro.fixtures.Seeds-fibonacci-Coro is not the coroutine frame class that"
                + " dev.coro.fixtures.Seeds expects under that name: a class of that name was defined by other means;"
                + " rename it", bme.getMessage());
    }

    /** Defines {@code classes} (and loads the impostor first, if any), then calls {@code Seeds.fibonacci()}. */
    private Throwable callFibonacci(Map<String, byte[]> classes) throws Exception {
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                byte[] b = classes.get(name.replace('.', '/'));
                if (b == null) return super.loadClass(name, resolve);
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : defineClass(name, b, 0, b.length);
                }
            }
        };
        for (String name : classes.keySet()) loader.loadClass(name.replace('/', '.'));
        Class<?> seeds = loader.loadClass(SEEDS.replace('/', '.'));
        var fib = seeds.getDeclaredMethod("fibonacci");
        fib.setAccessible(true);
        try {
            Coro<?, ?, ?> c = (Coro<?, ?, ?>) fib.invoke(null);
            return new AssertionError("linked: " + c);
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    private ClassNode woven(String name) throws IOException {
        WeaveResult r = weaver.weave(read(name));
        assertEquals(WeaveResult.Status.WOVEN, r.status(), () -> r.diagnostics().toString());
        return node(r.bytes());
    }

    private static ClassNode frameOf(ClassNode host, String method) {
        return frameOf(host, method, null);
    }

    private static ClassNode frameOf(ClassNode host, String method, String desc) {
        for (MethodNode m : host.methods) {
            if (!m.name.equals(method) || desc != null && !m.desc.equals(desc)) continue;
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy) {
                    return node(((String) indy.bsmArgs[2]).getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        }
        throw new AssertionError("no coroutine " + method + " in " + host.name);
    }

    private static List<String> fields(ClassNode c) {
        List<String> out = new ArrayList<>();
        for (FieldNode f : c.fields) out.add(access(f.access) + " " + f.name + " " + f.desc);
        return out;
    }

    private static String access(int a) {
        List<String> out = new ArrayList<>();
        if ((a & Opcodes.ACC_PRIVATE) != 0) out.add("private");
        if ((a & Opcodes.ACC_PUBLIC) != 0) out.add("public");
        if ((a & Opcodes.ACC_STATIC) != 0) out.add("static");
        if ((a & Opcodes.ACC_SYNTHETIC) != 0) out.add("synthetic");
        return String.join(" ", out);
    }

    private static byte[] read(String name) {
        return ClassFiles.bytesOf(WovenShapeTest.class.getClassLoader(), name);
    }

    private static ClassNode node(byte[] b) {
        ClassNode c = new ClassNode();
        new ClassReader(b).accept(c, 0);
        return c;
    }

    private static byte[] write(ClassNode c) {
        ClassWriter w = new ClassWriter(0);
        c.accept(w);
        return w.toByteArray();
    }
}
