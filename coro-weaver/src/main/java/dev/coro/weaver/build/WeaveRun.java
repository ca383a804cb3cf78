package dev.coro.weaver.build;

import dev.coro.weaver.Diagnostic;
import dev.coro.weaver.WeaveResult;
import dev.coro.weaver.Weaver;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Weaves a directory of class files in memory, writing nothing; {@link #write} then replaces the woven
 * files. The Maven plugin writes only when there is no diagnostic, so a failed build leaves every class
 * file as it was; the command-line weaver writes the classes that wove and leaves the rejected ones as
 * they were (a rejected class is never in {@link Outcome#woven()}).
 *
 * <p>Each {@code .class} file under the directory is first compared with the {@link IncrementalState}
 * of the last run; those unchanged since are not read. The others are read and passed through
 * {@link Weaver#needsWeaving} (a constant-pool scan) and, when it says so, {@link Weaver#weave}.
 */
public final class WeaveRun {
    private WeaveRun() {}

    /** A class file to replace: its path relative to the directory ('/'-separated) and new content. */
    public record WovenClass(String path, byte[] bytes) {
        /** The class's binary name, from its path. */
        public String className() {
            return path.substring(0, path.length() - ".class".length()).replace('/', '.');
        }
    }

    /**
     * What weaving the directory came to.
     *
     * @param woven the classes to rewrite, in path order
     * @param diagnostics every problem found, in path order; non-empty means nothing may be written
     * @param kept the state entries of the class files that stay as they are (read or not)
     * @param classFiles how many class files the directory holds
     * @param read how many of them were read (the rest were unchanged since the last run)
     */
    public record Outcome(List<WovenClass> woven, List<Diagnostic> diagnostics, Map<String, IncrementalState.Entry> kept,
            int classFiles, int read) {

        public boolean failed() {
            return !diagnostics.isEmpty();
        }
    }

    public static Outcome weave(Path directory, IncrementalState previous, Weaver weaver) throws IOException {
        List<WovenClass> woven = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, IncrementalState.Entry> kept = new TreeMap<>();
        int read = 0;
        List<Path> files = classFiles(directory);
        for (Path file : files) {
            String path = relative(directory, file);
            IncrementalState.Stat stat = IncrementalState.Stat.of(file);
            if (previous.unchanged(path, stat)) {
                kept.put(path, previous.entry(path));
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            read++;
            IncrementalState.Entry seen = new IncrementalState.Entry(stat, IncrementalState.hash(bytes));
            if (previous.sameContent(path, bytes) || !Weaver.needsWeaving(bytes)) {
                kept.put(path, seen);
                continue;
            }
            WeaveResult result = weaver.weave(bytes);
            switch (result.status()) {
                case WOVEN -> woven.add(new WovenClass(path, result.bytes()));
                case REJECTED -> {
                    for (Diagnostic d : result.diagnostics()) diagnostics.add(namingTheFile(d, file, path));
                }
                case ALREADY_WOVEN, UNTOUCHED -> kept.put(path, seen);
            }
        }
        return new Outcome(List.copyOf(woven), List.copyOf(diagnostics), kept, files.size(), read);
    }

    /**
     * Replaces each woven class file of {@code outcome} atomically, and returns the state to remember:
     * the files kept and the ones just written.
     *
     * @param startedAt when the run started (nanoseconds since the epoch), before it looked at any file
     * @param written told the binary name of each class written, after it is written
     */
    public static IncrementalState write(Path directory, Outcome outcome, long startedAt, Consumer<String> written)
            throws IOException {
        Map<String, IncrementalState.Entry> entries = new TreeMap<>(outcome.kept());
        for (WovenClass w : outcome.woven()) {
            Path file = directory.resolve(w.path());
            try {
                AtomicFiles.replace(file, w.bytes());
            } catch (IOException e) {
                throw new IOException("cannot write the woven class file " + file + ": " + e, e);
            }
            entries.put(w.path(), new IncrementalState.Entry(IncrementalState.Stat.of(file),
                    IncrementalState.hash(w.bytes())));
            written.accept(w.className());
        }
        return new IncrementalState(directory, startedAt, entries);
    }

    /**
     * A class file too corrupt to say what it is gets its path as its "source file", and its name
     * from the path: the build's message must lead to the file.
     */
    private static Diagnostic namingTheFile(Diagnostic d, Path file, String path) {
        if (d.code() != Diagnostic.Code.BAD_CLASS_FILE) return d;
        String name = d.className() == null || d.className().startsWith("<")
                ? new WovenClass(path, new byte[0]).className() : d.className();
        return new Diagnostic(d.code(), name, d.methodName(), file.toString(), d.line(), d.message());
    }

    /** The class files under {@code directory}, sorted so that diagnostics come in a stable order. */
    private static List<Path> classFiles(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".class") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
    }

    private static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace(File.separatorChar, '/');
    }
}
