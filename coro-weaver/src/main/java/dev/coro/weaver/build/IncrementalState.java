package dev.coro.weaver.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the last successful run saw of each class file in one directory: size, modification time and
 * a hash of the content, as it was read or as the plugin wrote it. A class file whose size and time
 * still match was either woven by that run or needed no weaving, so it is not read again.
 *
 * <p><b>Racy timestamps.</b> On a file system that keeps coarse times (whole seconds: FAT, HFS+,
 * some network mounts) a class file rewritten by javac within the same tick as the run that saw it
 * would keep its size and time. As git does with its index, a time is trusted alone only when it
 * carries sub-millisecond digits (a fine-grained file system) or lies well before the run that
 * recorded it; otherwise the file is read and its hash compared.
 *
 * <p>Stored as a small text file, one line per class file; a missing, unreadable or foreign state file
 * (another format, another directory) is an empty state, never an error: it only costs a full read.
 */
public final class IncrementalState {
    /** Names the weaver's contract: a state recorded by a weaver of another contract is foreign (a full read). */
    private static final String HEADER = "coro-maven-plugin incremental state 1, contract " + dev.coro.weaver.Weaver.CONTRACT;
    /** Times this close to (or after) the recording run are not trusted on a coarse file system. */
    private static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** A class file's size and modification time (nanoseconds since the epoch). */
    public record Stat(long size, long mtimeNanos) {
        public static Stat of(Path file) throws IOException {
            return new Stat(Files.size(file), Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS));
        }

        /** True when the time has sub-millisecond digits, so the file system keeps fine-grained times. */
        public boolean finelyTimed() {
            return mtimeNanos % 1_000_000 != 0;
        }
    }

    /** One class file as last seen or written: its stat and the hash of its content. */
    public record Entry(Stat stat, String hash) {}

    private final Path directory;
    private final long recordedAtNanos;
    private final Map<String, Entry> entries;

    /**
     * @param directory the woven directory, absolute
     * @param recordedAtNanos when the recording run started, before it looked at any file
     * @param entries by path relative to {@code directory}, '/'-separated
     */
    public IncrementalState(Path directory, long recordedAtNanos, Map<String, Entry> entries) {
        this.directory = directory;
        this.recordedAtNanos = recordedAtNanos;
        this.entries = Map.copyOf(entries);
    }

    public static IncrementalState empty(Path directory) {
        return new IncrementalState(directory, 0, Map.of());
    }

    /** The state recorded for {@code directory} in {@code file}, or an empty one. */
    public static IncrementalState load(Path file, Path directory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return empty(directory); // none yet (first run, or after mvn clean), or unreadable
        }
        try {
            if (lines.size() < 3 || !lines.get(0).equals(HEADER)
                    || !lines.get(1).equals("directory=" + directory)) {
                return empty(directory);
            }
            long recordedAt = Long.parseLong(value(lines.get(2), "recordedAt="));
            Map<String, Entry> entries = new TreeMap<>();
            for (String line : lines.subList(3, lines.size())) {
                String[] f = line.split(" ", 4);
                entries.put(f[3], new Entry(new Stat(Long.parseLong(f[0]), Long.parseLong(f[1])), f[2]));
            }
            return new IncrementalState(directory, recordedAt, entries);
        } catch (RuntimeException e) {
            return empty(directory); // a damaged state file only costs a full read
        }
    }

    private static String value(String line, String key) {
        if (!line.startsWith(key)) throw new IllegalArgumentException(line);
        return line.substring(key.length());
    }

    /** True when {@code path} may be skipped without reading: same size and a trusted, equal time. */
    public boolean unchanged(String path, Stat now) {
        Entry e = entries.get(path);
        if (e == null || !e.stat().equals(now)) return false;
        return now.finelyTimed() || now.mtimeNanos() < recordedAtNanos - RACY_WINDOW_NANOS;
    }

    /** True when {@code bytes} are what was seen or written at {@code path} last time. */
    public boolean sameContent(String path, byte[] bytes) {
        Entry e = entries.get(path);
        return e != null && e.hash().equals(hash(bytes));
    }

    /** The entry recorded for {@code path}, or null. */
    public Entry entry(String path) {
        return entries.get(path);
    }

    /** How many class files the state records. */
    public int size() {
        return entries.size();
    }

    /** Writes this state to {@code file}, replacing it atomically. */
    public void save(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add("directory=" + directory);
        lines.add("recordedAt=" + recordedAtNanos);
        new TreeMap<>(entries).forEach((path, e) ->
                lines.add(e.stat().size() + " " + e.stat().mtimeNanos() + " " + e.hash() + " " + path));
        Files.createDirectories(file.getParent());
        AtomicFiles.replace(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The content hash kept per class file (SHA-256, hex). */
    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
