package dev.coro.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Class files as bytes, for tests that weave or inspect them. */
public final class ClassFiles {
    private ClassFiles() {}

    /** The class file {@code c} was loaded from, read through its class loader. */
    public static byte[] bytesOf(Class<?> c) {
        String name = c.getName().replace('.', '/') + ".class";
        ClassLoader loader = c.getClassLoader() != null ? c.getClassLoader() : ClassLoader.getSystemClassLoader();
        return bytesOf(loader, name);
    }

    /** The resource {@code internalName + ".class"} of {@code loader}, or of a resource path ending in .class. */
    public static byte[] bytesOf(ClassLoader loader, String resource) {
        String path = resource.endsWith(".class") ? resource : resource.replace('.', '/') + ".class";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) throw new AssertionError("no class file " + path + " on the class path");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class file's major version (52 for Java 8, ...). */
    public static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
    }
}
