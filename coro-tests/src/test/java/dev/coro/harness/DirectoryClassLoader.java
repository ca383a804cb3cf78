package dev.coro.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the classes of one package child-first from a directory of class files, as they are, with
 * no weaver anywhere: for classes woven at build time. Everything else comes from the parent.
 */
public final class DirectoryClassLoader extends ClassLoader {
    private final Path root;
    private final String prefix;

    public DirectoryClassLoader(ClassLoader parent, Path root, String packagePrefix) {
        super(parent);
        this.root = root;
        this.prefix = packagePrefix;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(prefix)) return super.loadClass(name, resolve);
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) c = findClass(name);
            if (resolve) resolveClass(c);
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Path file = root.resolve(name.replace('.', '/') + ".class");
        if (!Files.isRegularFile(file)) throw new ClassNotFoundException(name + " (not in " + root + ")");
        try {
            byte[] bytes = Files.readAllBytes(file);
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
