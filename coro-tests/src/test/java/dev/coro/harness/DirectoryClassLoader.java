package dev.coro.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the classes of one package child-first from a directory of class files, as they are, with
 * no weaver anywhere: for classes woven at build time. Everything else comes from the parent.
 */
public final class DirectoryClassLoader extends ChildFirstClassLoader {
    private final Path root;

    public DirectoryClassLoader(ClassLoader parent, Path root, String packagePrefix) {
        super(parent, java.util.List.of(packagePrefix));
        this.root = root;
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
