package dev.coro.weaver.build;

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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClasspathLocatorTest {
    @TempDir
    Path tmp;

    private Path jar(String name, Map<String, byte[]> entries) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void findsClassesInDirectoriesAndJarsInClasspathOrder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("classes/p"));
        Files.write(dir.resolve("A.class"), new byte[] {1});
        Path jar = jar("lib.jar", Map.of("p/A.class", new byte[] {2}, "q/B.class", new byte[] {3}));
        try (ClasspathLocator locator = ClasspathLocator.open(List.of(tmp.resolve("classes"), jar))) {
            assertArrayEquals(new byte[] {1}, locator.find("p/A"), "the directory comes first");
            assertArrayEquals(new byte[] {3}, locator.find("q/B"));
            assertNull(locator.find("q/Missing"));
            assertEquals(2, locator.size());
        }
    }

    @Test
    void readsTheJdksOwnClassesWithoutLoadingThem() throws Exception {
        try (ClasspathLocator locator = ClasspathLocator.open(List.of())) {
            byte[] string = locator.find("java/lang/String");
            assertNotNull(string);
            assertEquals(0xCAFEBABE, java.nio.ByteBuffer.wrap(string).getInt());
            assertNotNull(locator.find("java/sql/Timestamp"), "a platform module's class");
            assertNull(locator.find("org/codehaus/plexus/classworlds/launcher/Launcher"),
                    "never Maven's own boot classpath");
        }
    }

    @Test
    void aJavaClassComesFromTheJdkEvenIfAJarHasOne() throws Exception {
        Path jar = jar("evil.jar", Map.of("java/lang/Object.class", new byte[] {9}));
        try (ClasspathLocator locator = ClasspathLocator.open(List.of(jar))) {
            assertTrue(locator.find("java/lang/Object").length > 1);
        }
    }

    @Test
    void missingElementsAreIgnored() throws Exception {
        try (ClasspathLocator locator = ClasspathLocator.open(List.of(tmp.resolve("nope"), tmp.resolve("no.jar")))) {
            assertEquals(0, locator.size());
        }
    }

    @Test
    void aFileThatIsNotAJarIsAnErrorNamingIt() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.jar"), "not a zip");
        IOException e = assertThrows(IOException.class, () -> ClasspathLocator.open(List.of(bad)));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    }
}
