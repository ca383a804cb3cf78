package dev.coro.weaver.build;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Replaces a file so that readers see either the old content or the new, never a part of it. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes a file's new content to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code bytes} to a temporary file next to {@code target} (same directory, so the same file
     * system), then renames it over {@code target}. The temporary name starts with a dot and does not
     * end in {@code .class} or {@code .jar}, so a scan for class files never picks it up; it is removed on failure.
     * The new file gets the default permissions, not the owner-only ones of
     * {@link Files#createTempFile}.
     */
    public static void replace(Path target, byte[] bytes) throws IOException {
        replace(target, out -> out.write(bytes));
    }

    /**
     * As {@link #replace(Path, byte[])}, for content written as a stream (a rewritten jar): if
     * {@code content} fails, {@code target} is left as it was.
     */
    public static void replace(Path target, Content content) throws IOException {
        // (a build killed between the write and the move leaves the temporary file: see removeLeftovers)
        Path temp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The name {@link #replace} gives its temporary files: {@code .Foo.class.<hex>.tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.class\\.[0-9a-f]{1,16}\\.tmp");

    /**
     * Deletes the temporary files a killed build left under {@code directory} (a process killed
     * between {@link #replace}'s write and its rename cannot remove its own), so they never reach
     * a jar. Returns the files removed.
     */
    public static List<Path> removeLeftovers(Path directory) throws IOException {
        List<Path> leftovers;
        try (Stream<Path> walk = Files.walk(directory)) {
            leftovers = walk.filter(p -> TEMPORARY.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .sorted().toList();
        }
        for (Path p : leftovers) Files.deleteIfExists(p);
        return leftovers;
    }
}
