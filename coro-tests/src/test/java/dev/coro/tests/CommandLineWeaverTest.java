package dev.coro.tests;

import dev.coro.harness.Fork;
import dev.coro.harness.Projects;
import dev.coro.weaver.Weaver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static dev.coro.testkit.SampleSources.BAD;
import static dev.coro.testkit.SampleSources.GEN;
import static dev.coro.testkit.SampleSources.PLAIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar coro-agent.jar weave [--classpath PATH] TARGET…}, the real jar in a forked JVM (the
 * JVM running the tests: JDK 17, and JDK 25 in the build's second run), over directories and jars.
 */
class CommandLineWeaverTest {
    @TempDir
    Path project;

    private static Fork.Output cli(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Fork.java(null).toString(), "-jar", Fork.agentJar().toString()));
        Collections.addAll(cmd, args);
        return Projects.run(dir, cmd);
    }

    private static Fork.Output java(Path dir, String classpath, String main) throws Exception {
        return Projects.run(dir, List.of(Fork.java(null).toString(), "-cp", classpath, main));
    }

    private static String cp(Path... parts) {
        List<String> s = new ArrayList<>();
        for (Path p : parts) s.add(p.toString());
        return String.join(File.pathSeparator, s);
    }

    private Path compile(Map<String, String> sources, String classpath) throws Exception {
        Projects.write(project, sources);
        Path classes = Files.createDirectories(project.resolve("build/classes"));
        Projects.javac(project.resolve("src"), classes, classpath);
        return classes;
    }

    private static boolean woven(Path classFile) throws Exception {
        byte[] bytes = Files.readAllBytes(classFile);
        return !Weaver.needsWeaving(bytes);
    }

    @Test
    void weavesADirectoryInPlaceAndASecondRunChangesNothing() throws Exception {
        Path classes = compile(Map.of("src/main/java/p/Gen.java", GEN, "src/main/java/p/Plain.java", PLAIN),
                Fork.apiJar().toString());
        byte[] plain = Files.readAllBytes(classes.resolve("p/Plain.class"));
        Fork.Output out = cli(project, "weave", "build/classes");
        assertEquals(0, out.exitCode(), out.stderr());
        assertEquals("coro: wove 1 class in " + classes + " (2 class files)\n", out.stdout());
        assertEquals("", out.stderr());
        assertTrue(woven(classes.resolve("p/Gen.class")));
        assertArrayEquals(plain, Files.readAllBytes(classes.resolve("p/Plain.class")));
        try (var files = Files.list(classes.resolve("p"))) {
            assertEquals(List.of("Gen.class", "Plain.class"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }

        // runs woven with no agent: coro-api alone on the class path
        Fork.Output run = java(project, cp(classes, Fork.apiJar()), "p.Gen");
        assertEquals(new Fork.Output(0, "0\n1\n2\n", ""), run);

        byte[] wovenOnce = Files.readAllBytes(classes.resolve("p/Gen.class"));
        FileTime time = Files.getLastModifiedTime(classes.resolve("p/Gen.class"));
        Fork.Output again = cli(project, "weave", classes.toString());
        assertEquals(new Fork.Output(0, "coro: wove 0 classes in " + classes + " (2 class files)\n", ""), again);
        assertArrayEquals(wovenOnce, Files.readAllBytes(classes.resolve("p/Gen.class")));
        assertEquals(time, Files.getLastModifiedTime(classes.resolve("p/Gen.class")), "not even rewritten");
    }

    @Test
    void rewritesAJarInPlaceKeepingItsManifestAndOtherEntries() throws Exception {
        Path classes = compile(Map.of("src/main/java/p/Gen.java", GEN, "src/main/java/p/Plain.java", PLAIN),
                Fork.apiJar().toString());
        Path jar = project.resolve("app.jar");
        Projects.jar(classes, jar, "p.Gen");
        List<String> entriesBefore = entries(jar);
        Fork.Output out = cli(project, "weave", "app.jar");
        assertEquals(new Fork.Output(0, "coro: wove 1 class in " + jar + " (2 class files)\n", ""), out);

        assertEquals(entriesBefore, entries(jar), "the same entries, in the same order");
        assertEquals(List.of("META-INF/MANIFEST.MF", "assets/", "assets/greeting.txt", "p/Gen.class",
                "p/Plain.class"), entriesBefore);
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals("p.Gen", j.getManifest().getMainAttributes().getValue("Main-Class"));
            assertEquals("coro tests", j.getManifest().getMainAttributes().getValue("Built-By"));
            ZipEntry text = j.getEntry("assets/greeting.txt");
            assertEquals(ZipEntry.STORED, text.getMethod());
            assertEquals("hello from a resource\n", new String(j.getInputStream(text).readAllBytes()));
            assertFalse(Weaver.needsWeaving(j.getInputStream(j.getEntry("p/Gen.class")).readAllBytes()));
            assertArrayEquals(Files.readAllBytes(classes.resolve("p/Plain.class")),
                    j.getInputStream(j.getEntry("p/Plain.class")).readAllBytes());
        }
        try (var files = Files.list(project)) {
            assertEquals(List.of("app.jar", "build", "src"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no temporary file left beside the jar");
        }

        // still a valid, runnable jar: its Main-Class runs woven with coro-api beside it
        Fork.Output run = java(project, cp(jar, Fork.apiJar()), "p.Gen");
        assertEquals(new Fork.Output(0, "0\n1\n2\n", ""), run);

        byte[] wovenOnce = Files.readAllBytes(jar);
        FileTime time = Files.getLastModifiedTime(jar);
        assertEquals(new Fork.Output(0, "coro: wove 0 classes in " + jar + " (2 class files)\n", ""),
                cli(project, "weave", "app.jar"));
        assertArrayEquals(wovenOnce, Files.readAllBytes(jar));
        assertEquals(time, Files.getLastModifiedTime(jar));
    }

    private static List<String> entries(Path jar) throws Exception {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().map(ZipEntry::getName).toList();
        }
    }

    private static final String PET = "package zoo;\npublic abstract class Pet { public abstract String name(); }\n";
    private static final String CAT = "package zoo;\npublic class Cat extends Pet { public String name() { return \"cat\"; } }\n";
    private static final String DOG = "package zoo;\npublic class Dog extends Pet { public String name() { return \"dog\"; } }\n";
    private static final String PETS = """
            package app;
            import dev.coro.*;
            import zoo.*;
            public class Pets {
                @Coroutine
                static Coro<String, Void, Void> names(int n) {
                    for (int i = 0; i < n; i++) {
                        // Cat or Dog meet on the stack: the weaver needs their common superclass, Pet
                        Pet pet = i % 2 == 0 ? new Cat() : new Dog();
                        Yield.value(pet.name());
                    }
                    return Yield.done();
                }
                public static void main(String[] args) {
                    for (String s : names(3)) System.out.println(s);
                }
            }
            """;

    /** The app in one directory; Pet in a jar, Cat and Dog in a directory, both given with --classpath. */
    @Test
    void readsSuperclassesFromAMixedClasspath() throws Exception {
        Path pet = project.resolve("pet");
        Path animals = project.resolve("animals");
        Projects.write(project, Map.of("pet-src/zoo/Pet.java", PET, "animals-src/zoo/Cat.java", CAT,
                "animals-src/zoo/Dog.java", DOG, "src/app/Pets.java", PETS));
        Projects.javac(project.resolve("pet-src"), pet, "");
        Projects.javac(project.resolve("animals-src"), animals, pet.toString());
        Path petJar = project.resolve("pet.jar");
        Projects.jar(pet, petJar, "zoo.Pet");
        Path app = project.resolve("app");
        Projects.javac(project.resolve("src"), app, cp(Fork.apiJar(), petJar, animals));
        byte[] before = Files.readAllBytes(app.resolve("app/Pets.class"));

        // without the classpath, Pet cannot be found: the class is rejected and left as it was
        Fork.Output missing = cli(project, "weave", "app");
        assertEquals(1, missing.exitCode());
        assertEquals("coro: wove 0 classes in " + app + " (1 class file, 1 rejected and left unchanged)\n",
                missing.stdout());
        assertEquals("src/app/Pets.java:7: app.Pets.names(): cannot find class zoo.Dog on the classpath: it is"
                + " needed to compute stack map frames\n"
                + "  hint: put the jar or directory holding that class on the weaver's classpath\n", missing.stderr());
        assertArrayEquals(before, Files.readAllBytes(app.resolve("app/Pets.class")));

        Fork.Output out = cli(project, "weave", "--classpath", cp(petJar, animals), "app");
        assertEquals(new Fork.Output(0, "coro: wove 1 class in " + app + " (1 class file)\n", ""), out);
        assertEquals(new Fork.Output(0, "cat\ndog\ncat\n", ""),
                java(project, cp(app, petJar, animals, Fork.apiJar()), "app.Pets"));
    }

    @Test
    void aRejectedClassIsLeftAsItWasAndTheOthersAreWoven() throws Exception {
        Path classes = compile(Map.of("src/main/java/p/Gen.java", GEN, "src/main/java/p/Bad.java", BAD),
                Fork.apiJar().toString());
        byte[] bad = Files.readAllBytes(classes.resolve("p/Bad.class"));
        Fork.Output out = cli(project, "weave", "build/classes");
        assertEquals(1, out.exitCode());
        assertEquals("coro: wove 1 class in " + classes + " (2 class files, 1 rejected and left unchanged)\n",
                out.stdout());
        assertEquals("""
                src/main/java/p/Bad.java:9: p.Bad.locked(): Yield.value inside a synchronized block
                  hint: move the Yield out of the synchronized block: a suspended coroutine cannot hold a monitor (take the lock again after resuming)
                src/main/java/p/Bad.java:15: a lambda in p.Bad.each(): Yield.value outside a @Coroutine method
                  hint: a lambda's body is a method of its own and cannot suspend the coroutine: loop over the elements in the coroutine itself, or yield them all with Yield.from(iterable)
                src/main/java/p/Bad.java:19: p.Bad.plain(): Yield.await outside a @Coroutine method
                  hint: annotate the method with @dev.coro.Coroutine and make it return Coro<Y, S, R>
                """, out.stderr());
        assertArrayEquals(bad, Files.readAllBytes(classes.resolve("p/Bad.class")));
        assertTrue(woven(classes.resolve("p/Gen.class")));
    }

    @Test
    void badArgumentsAreAUsageError() throws Exception {
        String usage = "Usage: java -jar coro-agent.jar weave [--classpath PATH] TARGET...\n"
                + "(java -jar coro-agent.jar --help says more)\n";
        assertEquals(new Fork.Output(2, "", "coro: no command given\n" + usage), cli(project));
        assertEquals(new Fork.Output(2, "", "coro: unknown command wave\n" + usage), cli(project, "wave", "x"));
        assertEquals(new Fork.Output(2, "", "coro: no TARGET given\n" + usage), cli(project, "weave"));
        assertEquals(new Fork.Output(2, "", "coro: TARGET nowhere does not exist\n" + usage),
                cli(project, "weave", "nowhere"));
        Files.writeString(project.resolve("notes.txt"), "not a jar");
        assertEquals(new Fork.Output(2, "", "coro: TARGET notes.txt is neither a directory nor a jar\n" + usage),
                cli(project, "weave", "notes.txt"));
        assertEquals(new Fork.Output(2, "", "coro: --classpath needs a PATH\n" + usage),
                cli(project, "weave", ".", "--classpath"));
        assertEquals(new Fork.Output(2, "", "coro: unknown option --verbose\n" + usage),
                cli(project, "weave", "--verbose", "."));
    }

    @Test
    void helpPrintsTheUsage() throws Exception {
        Fork.Output help = cli(project, "--help");
        assertEquals(0, help.exitCode());
        assertEquals("", help.stderr());
        assertTrue(help.stdout().startsWith("Usage: java -jar coro-agent.jar weave [--classpath PATH] TARGET...\n"),
                help.stdout());
        assertTrue(help.stdout().contains("Exit status: 0 every class wove or needed no weaving; 1 a class was"
                + " rejected"), help.stdout());
        assertEquals(help, cli(project, "weave", "--help"));
    }
}
