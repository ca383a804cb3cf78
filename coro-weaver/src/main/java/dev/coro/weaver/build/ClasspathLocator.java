package dev.coro.weaver.build;

import dev.coro.weaver.ClassHierarchy;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds class files on a build's classpath (directories and jars) and in the running JDK, as bytes:
 * nothing is loaded, so a project's classes never meet the weaving tool's own class loader.
 *
 * <p>Each jar is opened once, when the locator is opened, and stays open until {@link #close()}.
 * Classpath elements that do not exist are ignored, as javac ignores them (Maven lists
 * {@code target/classes} even when a module has no sources). {@code java/...} names are looked up in
 * the JDK first, since only the JDK may define them; everything else in classpath order, then the
 * JDK. The JDK's classes are read through the platform class loader, whose resources are exactly the
 * JDK's modules (the system class loader inside Maven would also see Maven's own boot classpath; the one of
 * {@code java -jar coro-agent.jar weave} would see the agent jar).
 *
 * <p>Thread-safe: lookups only read.
 */
public final class ClasspathLocator implements ClassHierarchy.Locator, Closeable {
    /** One classpath element: the class file named by a resource path, or null. */
    @FunctionalInterface
    private interface Element {
        byte[] read(String resource) throws IOException;
    }

    private final List<Element> elements;
    private final List<ZipFile> jars;

    private ClasspathLocator(List<Element> elements, List<ZipFile> jars) {
        this.elements = elements;
        this.jars = jars;
    }

    /**
     * Opens the jars among {@code classpath}; elements that do not exist are left out.
     *
     * @throws IOException naming the element, when a file on the classpath is not a readable jar
     */
    public static ClasspathLocator open(List<Path> classpath) throws IOException {
        List<Element> elements = new ArrayList<>();
        List<ZipFile> jars = new ArrayList<>();
        try {
            for (Path path : classpath) {
                if (Files.isDirectory(path)) {
                    elements.add(resource -> fromDirectory(path, resource));
                } else if (Files.isRegularFile(path)) {
                    ZipFile jar = openJar(path);
                    jars.add(jar);
                    elements.add(resource -> fromJar(jar, resource));
                }
            }
        } catch (IOException | RuntimeException e) {
            closeAll(jars, e);
            throw e;
        }
        return new ClasspathLocator(List.copyOf(elements), List.copyOf(jars));
    }

    private static ZipFile openJar(Path element) throws IOException {
        try {
            return new ZipFile(element.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read classpath element " + element + " as a jar: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] find(String internalName) throws IOException {
        String resource = internalName + ".class";
        if (internalName.startsWith("java/")) return fromJdk(resource);
        for (Element element : elements) {
            byte[] bytes = element.read(resource);
            if (bytes != null) return bytes;
        }
        return fromJdk(resource);
    }

    private static byte[] fromDirectory(Path dir, String resource) throws IOException {
        Path file = dir.resolve(resource);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    private static byte[] fromJar(ZipFile jar, String resource) throws IOException {
        ZipEntry entry = jar.getEntry(resource);
        if (entry == null) return null;
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static byte[] fromJdk(String resource) throws IOException {
        try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** How many classpath elements exist and are read (for the debug log). */
    public int size() {
        return elements.size();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (ZipFile jar : jars) {
            try {
                jar.close();
            } catch (IOException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }

    private static void closeAll(List<ZipFile> jars, Exception cause) {
        for (ZipFile jar : jars) {
            try {
                jar.close();
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
