package dev.coro.bench.others;

import com.offbynull.coroutines.instrumenter.InstrumentationSettings;
import com.offbynull.coroutines.instrumenter.Instrumenter;
import com.offbynull.coroutines.instrumenter.PluginHelper;
import com.offbynull.coroutines.instrumenter.asm.ClassInformation;
import com.offbynull.coroutines.instrumenter.asm.ClassInformationRepository;
import com.offbynull.coroutines.instrumenter.generators.DebugGenerators.MarkerType;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Build step (exec-maven-plugin, phase process-classes): instruments the offbynull coroutines in
 * {@code target/classes} in place. offbynull's own Maven plugin is not on Maven Central, and its class
 * hierarchy reader expects a JDK 8 {@code rt.jar}; this reads the hierarchy from class files instead
 * (the directory, then the build's class path and the running JDK), with ASM 9 for Java 17 class files.
 * Not part of the benchmarks: its dependencies are {@code provided}, so they stay out of benchmarks.jar.
 */
public final class OffbynullWeave {
    private OffbynullWeave() {}

    public static void main(String[] args) throws IOException {
        File dir = new File(args[0]);
        ClassLoader files = new URLClassLoader(new URL[] {dir.toURI().toURL()}, OffbynullWeave.class.getClassLoader());
        Map<String, ClassInformation> cache = new HashMap<>();
        ClassInformationRepository hierarchy = name -> cache.computeIfAbsent(name, n -> {
            try (InputStream in = files.getResourceAsStream(n + ".class")) {
                if (in == null) return null;
                ClassReader r = new ClassReader(in);
                return new ClassInformation(r.getClassName(), r.getSuperName(), Arrays.asList(r.getInterfaces()),
                        (r.getAccess() & Opcodes.ACC_INTERFACE) != 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        PluginHelper.instrument(new Instrumenter(hierarchy), new InstrumentationSettings(MarkerType.NONE, false, false),
                dir, dir, line -> System.out.println("offbynull: " + line));
    }
}
