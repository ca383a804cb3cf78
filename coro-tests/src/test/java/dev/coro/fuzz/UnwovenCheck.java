package dev.coro.fuzz;

import dev.coro.fuzz.Program.Flavor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether the JVM accepts what the compiler wrote for a program, before anything is woven: every
 * class file of the program, in both flavours, is defined in a throwaway class loader and linked
 * (so the JVM verifies it) without being initialised. A program the JVM rejects here is the
 * compiler's bug, not coro's: the fuzzer counts it as <em>compiler-rejected</em> and compares
 * nothing. A program that passes here and fails once woven is still a failure.
 */
final class UnwovenCheck {
    private UnwovenCheck() {}

    /**
     * Why the JVM rejects the unwoven classes of {@code p} compiled into {@code dir} (the class, the
     * error and the first line of its message), or null when every class links.
     */
    static String rejection(Path dir, Program p) {
        List<String> names = new ArrayList<>();
        for (Flavor f : Flavor.values()) names.addAll(classesOf(dir, f.pkg, p.className()));
        return rejection(dir, names);
    }

    /** Why the JVM rejects one of the classes {@code binaryNames} found under {@code dir}, or null. */
    static String rejection(Path dir, List<String> binaryNames) {
        URL[] path;
        try {
            path = new URL[] {dir.toUri().toURL()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (URLClassLoader plain = new URLClassLoader(path, UnwovenCheck.class.getClassLoader())) {
            for (String name : binaryNames) {
                try {
                    // Linking verifies; getDeclaredMethods links the class (initialising it would run its code).
                    Class.forName(name, false, plain).getDeclaredMethods();
                } catch (LinkageError e) {
                    return name + ": " + e.getClass().getName() + ": " + firstLines(String.valueOf(e.getMessage()));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("compiled, but not found: " + name, e);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of a JVM error's message, and the method and instruction it names, if it does. */
    static String firstLines(String msg) {
        String[] lines = msg.split("\n");
        for (int i = 1; i + 1 < lines.length; i++) {
            if (lines[i].trim().equals("Location:")) return lines[0] + " (at " + lines[i + 1].trim() + ")";
        }
        return lines[0];
    }

    /**
     * The binary names of the classes javac wrote for program class {@code className} in package
     * {@code pkg}: the class, its nested classes, and the interfaces the program declares beside it
     * ({@code P3I}, {@code P3G1}).
     */
    static List<String> classesOf(Path dir, String pkg, String className) {
        Pattern own = Pattern.compile(Pattern.quote(className) + "(I|G[0-9]+)?(\\$.*)?\\.class");
        Path folder = dir.resolve(pkg.replace('.', '/'));
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> own.matcher(n).matches()).sorted()
                    .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
