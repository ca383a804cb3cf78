package dev.coro.weaver;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The superclass and interface facts the weaver needs to compute stack map frames, read from class
 * files and never by loading a class (an agent that loads classes while another is being defined
 * causes circularity errors and deadlocks). Thread-safe; caches what it reads.
 */
public final class ClassHierarchy {

    /** Where class files come from: a class loader's resources, a build's classpath, a map in a test. */
    @FunctionalInterface
    public interface Locator {
        /** The class file of {@code internalName} ({@code a/b/C}), or null if there is none. */
        byte[] find(String internalName) throws IOException;
    }

    /** The facts read from one class file's header. */
    record Info(String name, String superName, List<String> interfaces, boolean isInterface, boolean isPublic) {}

    private final Locator locator;
    private final Map<String, Info> cache = new ConcurrentHashMap<>();
    /** Classes whose superclass chain has been walked to the end and found free of loops. */
    private final Set<String> acyclic = ConcurrentHashMap.newKeySet();

    public ClassHierarchy(Locator locator) {
        this.locator = locator;
    }

    /** Reads class files as resources of {@code loader} (the system loader when null); defines nothing. */
    public static ClassHierarchy ofClassLoader(ClassLoader loader) {
        // weakly: an agent keeps one hierarchy per loader and must not keep the loader alive
        // weakly, and only weakly: the lambda captures the reference and a flag, never the loader
        // itself (a WeakHashMap whose value reaches its key keeps that key alive for ever)
        java.lang.ref.WeakReference<ClassLoader> ref = new java.lang.ref.WeakReference<>(loader);
        boolean system = loader == null;
        return new ClassHierarchy(name -> {
            String resource = name + ".class";
            ClassLoader l = ref.get();
            if (!system && l == null) return null;
            InputStream in = l != null ? l.getResourceAsStream(resource)
                    : ClassLoader.getSystemResourceAsStream(resource);
            if (in == null) return null;
            try (InputStream s = in) {
                return s.readAllBytes();
            }
        });
    }

    /** Makes a class known without looking it up: the class being woven, whose bytes are in hand. */
    void register(String name, String superName, List<String> interfaces, int access) {
        cache.put(name, new Info(name, superName, List.copyOf(interfaces), (access & Opcodes.ACC_INTERFACE) != 0,
                (access & Opcodes.ACC_PUBLIC) != 0));
    }

    Info info(String name) {
        Info info = cache.get(name);
        if (info != null) return info;
        byte[] bytes;
        try {
            bytes = locator.find(name);
        } catch (IOException e) {
            throw new WeaveException(Diagnostic.Code.MISSING_CLASS,
                    "cannot read class " + Names.binaryName(name) + " (needed for stack map frames): " + e);
        }
        if (bytes == null) {
            throw new WeaveException(Diagnostic.Code.MISSING_CLASS, "cannot find class " + Names.binaryName(name)
                    + " on the classpath: it is needed to compute stack map frames");
        }
        ClassReader r;
        try {
            r = new ClassReader(bytes);
            info = new Info(r.getClassName(), r.getSuperName(), List.of(r.getInterfaces()),
                    (r.getAccess() & Opcodes.ACC_INTERFACE) != 0, (r.getAccess() & Opcodes.ACC_PUBLIC) != 0);
        } catch (RuntimeException e) {
            throw new WeaveException(Diagnostic.Code.MISSING_CLASS,
                    "class file of " + Names.binaryName(name) + " is corrupt: " + e);
        }
        cache.put(name, info);
        return info;
    }

    /** The class file of {@code name} as the locator finds it, or null when it cannot be found or read. */
    byte[] classFileOrNull(String name) {
        try {
            return locator.find(name);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    boolean isInterface(String name) {
        return info(name).isInterface();
    }

    /**
     * The superclass of {@code name}, or null for java/lang/Object. Every walk up the hierarchy goes
     * through here, so here a chain that loops (A extends B, B's class file says it extends A) is
     * found, once per class, and reported instead of walked for ever.
     */
    String superName(String name) {
        if (Names.OBJECT.equals(name)) return null;
        if (!acyclic.contains(name)) checkChain(name);
        return info(name).superName();
    }

    private void checkChain(String name) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String c = name; c != null && !acyclic.contains(c); c = Names.OBJECT.equals(c) ? null : info(c).superName()) {
            if (!seen.add(c)) {
                List<String> loop = chain.subList(chain.indexOf(c), chain.size());
                StringBuilder sb = new StringBuilder();
                for (String l : loop) sb.append(Names.binaryName(l)).append(" extends ");
                sb.append(Names.binaryName(c));
                throw new WeaveException(Diagnostic.Code.BAD_HIERARCHY,
                        "the superclass chain of " + Names.binaryName(name) + " loops: " + sb);
            }
            chain.add(c);
        }
        acyclic.addAll(chain);
    }

    /**
     * The most specific class both types extend, as the JVM's verifier merges them: an interface
     * merges to Object, since the verifier treats interface types as Object.
     */
    String commonSuperClass(String a, String b) {
        if (a.equals(b)) return a;
        if (Names.OBJECT.equals(a) || Names.OBJECT.equals(b)) return Names.OBJECT;
        if (isInterface(a) || isInterface(b)) return Names.OBJECT;
        List<String> chainA = new ArrayList<>();
        for (String c = a; c != null; c = superName(c)) chainA.add(c);
        for (String c = b; c != null; c = superName(c)) {
            if (chainA.contains(c)) return c;
        }
        return Names.OBJECT;
    }

    /**
     * {@code name}, or its nearest superclass that code in package {@code pkg} may name: a merge of
     * two types can give a class the woven code cannot access (StringBuilder and StringBuffer meet
     * at the package-private java.lang.AbstractStringBuilder).
     */
    String accessibleFrom(String name, String pkg) {
        for (String c = name; c != null; c = superName(c)) {
            if (info(c).isPublic() || packageOf(c).equals(pkg)) return c;
        }
        return Names.OBJECT;
    }

    static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    /** True when a value of class {@code sub} may be stored where {@code sup} is expected. */
    boolean isSubclassOrImplements(String sup, String sub) {
        if (sup.equals(sub) || Names.OBJECT.equals(sup)) return true;
        for (String c = sub; c != null; c = superName(c)) {
            if (c.equals(sup)) return true;
            if (implementsInterface(c, sup)) return true;
        }
        return false;
    }

    /**
     * Breadth first over the interfaces {@code cls} names and their superinterfaces, each visited once:
     * an interface graph that loops, or a diamond repeated many times, costs one visit per interface.
     */
    private boolean implementsInterface(String cls, String itf) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(info(cls).interfaces());
        while (!todo.isEmpty()) {
            String i = todo.poll();
            if (i.equals(itf)) return true;
            if (seen.add(i)) todo.addAll(info(i).interfaces());
        }
        return false;
    }
}
