package dev.coro.weaver.build;

import dev.coro.testkit.Javac;
import dev.coro.weaver.ClassHierarchy;
import dev.coro.weaver.Weaver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The jar rewrite's refusals; the rewrite itself is tested through the real command line in coro-tests. */
class JarWeaveTest {
    @TempDir
    Path dir;

    private Path jar(String... extraEntries) throws IOException {
        Path classes = dir.resolve("classes");
        Javac.compileSources(classes, Map.of("p/Gen.java", """
                package p;
                import dev.coro.*;
                public class Gen {
                    @Coroutine
                    public static Coro<Integer, Void, Void> one() {
                        Yield.value(1);
                        return Yield.done();
                    }
                }
                """));
        Path jar = dir.resolve("gen.jar");
        try (OutputStream os = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(os)) {
            for (String e : extraEntries) {
                out.putNextEntry(new ZipEntry(e));
                out.write(1);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("p/Gen.class"));
            out.write(Files.readAllBytes(classes.resolve("p/Gen.class")));
            out.closeEntry();
        }
        return jar;
    }

    private static Weaver weaver(Path jar) throws IOException {
        return new Weaver(new ClassHierarchy(ClasspathLocator.open(List.of(jar))), true);
    }

    @Test
    void aSignedJarIsRefusedAndLeftAsItWas() throws Exception {
        Path jar = jar("META-INF/MANIFEST.MF", "META-INF/SIGNER.SF", "META-INF/SIGNER.RSA");
        byte[] before = Files.readAllBytes(jar);
        IOException e = assertThrows(IOException.class, () -> JarWeave.weave(jar, weaver(jar)));
        assertEquals(jar + " is signed, and weaving 1 of its classes would break the signature: weave the classes"
                + " before signing the jar", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(jar));
    }

    @Test
    void aWovenJarIsNotRewrittenAgain() throws Exception {
        Path jar = jar("META-INF/MANIFEST.MF");
        assertEquals(new JarWeave.Outcome(List.of("p.Gen"), List.of(), 1), JarWeave.weave(jar, weaver(jar)));
        byte[] once = Files.readAllBytes(jar);
        var time = Files.getLastModifiedTime(jar);
        assertEquals(new JarWeave.Outcome(List.of(), List.of(), 1), JarWeave.weave(jar, weaver(jar)));
        assertArrayEquals(once, Files.readAllBytes(jar));
        assertEquals(time, Files.getLastModifiedTime(jar));
    }
}
