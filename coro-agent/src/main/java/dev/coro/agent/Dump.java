package dev.coro.agent;

import org.objectweb.asm.ClassReader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent's {@code dump=DIR}: writes each woven class file under DIR, at the path its own name
 * gives, and nowhere else. The name is read from the woven bytes, not taken from the class loader
 * (which may pass any string, and the JVM checks it only after the transformer ran), and a name that
 * would resolve outside DIR ({@code ..} or empty segments, a leading {@code /}) is refused.
 */
final class Dump {
    private Dump() {}

    static void write(Path dir, byte[] wovenClass, PrintStream err) {
        String name;
        try {
            name = new ClassReader(wovenClass).getClassName();
        } catch (RuntimeException e) {
            err.println("coro: cannot dump a woven class whose name cannot be read: " + e);
            return;
        }
        Path root = dir.toAbsolutePath().normalize();
        Path file = confined(root, name);
        if (file == null) {
            err.println("coro: not dumping class \"" + name + "\": its name would put it outside " + root);
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, wovenClass);
        } catch (IOException e) {
            err.println("coro: cannot dump " + name.replace('/', '.') + " to " + file + ": " + e);
        }
    }

    /** {@code root/<name>.class}, or null when a segment of {@code name} is empty, {@code .}, {@code ..} or not a plain file name. */
    static Path confined(Path root, String internalName) {
        if (internalName == null || internalName.isEmpty()) return null;
        for (String segment : internalName.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\\') >= 0
                    || segment.indexOf(':') >= 0 || segment.indexOf('\0') >= 0) {
                return null;
            }
        }
        Path file;
        try {
            file = root.resolve(internalName + ".class").normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        return file.startsWith(root) && !file.equals(root) ? file : null;
    }
}
