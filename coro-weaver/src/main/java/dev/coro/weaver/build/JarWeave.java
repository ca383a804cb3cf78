package dev.coro.weaver.build;

import dev.coro.weaver.Diagnostic;
import dev.coro.weaver.WeaveResult;
import dev.coro.weaver.Weaver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Weaves the class files inside a jar and rewrites the jar in place, atomically: readers see the old
 * jar or the new one. Every other entry (the manifest first among them, resources, directories) is
 * copied as it was, in the same order, with its time, comment, extra field and compression method.
 * A jar with nothing to weave (nothing mentions coro, or everything was woven before) is not
 * rewritten at all, so weaving twice leaves it byte for byte, time included, as it was. A rejected
 * class stays in the jar exactly as it was.
 *
 * <p>A signed jar whose classes would change is refused: its signature would no longer match.
 */
public final class JarWeave {
    private JarWeave() {}

    /**
     * What weaving a jar came to.
     *
     * @param woven binary names of the classes rewritten, in entry order
     * @param diagnostics the problems of the rejected classes, which stay as they were
     * @param classFiles how many class files the jar holds
     */
    public record Outcome(List<String> woven, List<Diagnostic> diagnostics, int classFiles) {}

    /**
     * @throws IOException naming the jar, when it cannot be read or written, or is signed and has
     *     classes to weave (it is then left as it was)
     */
    public static Outcome weave(Path jar, Weaver weaver) throws IOException {
        Map<String, byte[]> replaced = new HashMap<>();
        List<String> woven = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        int classFiles = 0;
        boolean signed = false;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry entry = en.nextElement();
                signed |= isSignature(entry.getName());
                if (entry.isDirectory() || !entry.getName().endsWith(".class")) continue;
                classFiles++;
                byte[] bytes = read(zip, entry);
                if (!Weaver.needsWeaving(bytes)) continue;
                WeaveResult result = weaver.weave(bytes);
                diagnostics.addAll(result.diagnostics());
                if (result.status() == WeaveResult.Status.WOVEN) {
                    replaced.put(entry.getName(), result.bytes());
                    woven.add(className(entry.getName()));
                }
            }
            if (!replaced.isEmpty()) {
                if (signed) {
                    throw new SignedJarException(jar + " is signed, and weaving " + woven.size() + " of its classes"
                            + " would break the signature: weave the classes before signing the jar");
                }
                AtomicFiles.replace(jar, out -> copy(zip, replaced, out));
            }
        } catch (SignedJarException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot weave the jar " + jar + ": " + e, e);
        }
        return new Outcome(List.copyOf(woven), List.copyOf(diagnostics), classFiles);
    }

    /** A signed jar that would change: refused, with a message that says so and names the jar. */
    private static final class SignedJarException extends IOException {
        private static final long serialVersionUID = 1L;

        SignedJarException(String message) {
            super(message);
        }
    }

    private static void copy(ZipFile zip, Map<String, byte[]> replaced, OutputStream out) throws IOException {
        ZipOutputStream zos = new ZipOutputStream(out);
        if (zip.getComment() != null) zos.setComment(zip.getComment());
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry entry = en.nextElement();
            byte[] bytes = replaced.containsKey(entry.getName()) ? replaced.get(entry.getName()) : read(zip, entry);
            ZipEntry copy = new ZipEntry(entry);
            if (copy.getMethod() == ZipEntry.STORED) {
                CRC32 crc = new CRC32();
                crc.update(bytes);
                copy.setSize(bytes.length);
                copy.setCompressedSize(bytes.length);
                copy.setCrc(crc.getValue());
            } else {
                copy.setCompressedSize(-1); // recompressed: the size is whatever the deflater makes it
            }
            zos.putNextEntry(copy);
            zos.write(bytes);
            zos.closeEntry();
        }
        zos.finish();
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** A jar signature's files: META-INF/*.SF and the signature blocks beside them. */
    private static boolean isSignature(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (!n.startsWith("META-INF/") || n.indexOf('/', "META-INF/".length()) >= 0) return false;
        return n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC");
    }

    /** {@code a/b/C.class} or {@code META-INF/versions/21/a/b/C.class} to {@code a.b.C}. */
    private static String className(String entryName) {
        String n = entryName;
        if (n.startsWith("META-INF/versions/")) {
            int slash = n.indexOf('/', "META-INF/versions/".length());
            if (slash > 0) n = n.substring(slash + 1);
        }
        return n.substring(0, n.length() - ".class".length()).replace('/', '.');
    }
}
