package dev.coro.agent;

import dev.coro.weaver.ClassHierarchy;
import dev.coro.weaver.Diagnostic;
import dev.coro.weaver.Weaver;
import dev.coro.weaver.build.ClasspathLocator;
import dev.coro.weaver.build.IncrementalState;
import dev.coro.weaver.build.JarWeave;
import dev.coro.weaver.build.SourcePaths;
import dev.coro.weaver.build.WeaveRun;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar coro-agent.jar weave [--classpath PATH] TARGET…}: the command-line weaver for
 * builds other than Maven. Each target, a directory of class files or a jar, is rewritten in place
 * by the same code the Maven plugin runs ({@link WeaveRun}, {@link JarWeave}, atomic per file);
 * weaving a woven target again changes nothing.
 *
 * <p>Unlike the plugin, which fails the build with nothing written, the command weaves every class it
 * can and leaves each rejected class as it was: exit status 0 when nothing was rejected, 1 when a
 * class was rejected or a target could not be read or written, 2 for a usage error.
 */
final class WeaveCommand {
    static final int OK = 0;
    static final int REJECTED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage: java -jar coro-agent.jar weave [--classpath PATH] TARGET...
            Weaves the @Coroutine methods of each TARGET in place. A TARGET is a directory of class
            files or a jar; a woven class file replaces the old one atomically, and weaving a woven
            TARGET again changes nothing.

              --classpath PATH, -cp PATH  the directories and jars the targets were compiled against,
                                          separated by '%s'; the weaver reads superclasses and
                                          interfaces from them (the targets themselves and the
                                          running JDK are always read)
              --help                      print this and exit

            Diagnostics go to standard error, one per problem, in the form
              src/main/java/demo/Demo.java:12: demo.Demo.averager(): Yield.value inside a synchronized block
            Exit status: 0 every class wove or needed no weaving; 1 a class was rejected (it is left
            unchanged, the others are woven) or a target could not be read or written; 2 a usage error.
            """.formatted(File.pathSeparator);

    /** A parsed command line. */
    record Arguments(List<Path> classpath, List<Path> targets) {}

    /** A command line that is not a valid one. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final SourcePaths sources;

    WeaveCommand(PrintStream out, PrintStream err, SourcePaths sources) {
        this.out = out;
        this.err = err;
        this.sources = sources;
    }

    /** The arguments after {@code weave}. */
    static Arguments parse(List<String> args) throws UsageException {
        List<Path> classpath = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        boolean options = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (options && a.equals("--")) {
                options = false;
            } else if (options && (a.equals("--classpath") || a.equals("-cp") || a.equals("--class-path"))) {
                if (i + 1 == args.size()) throw new UsageException(a + " needs a PATH");
                addPath(classpath, args.get(++i));
            } else if (options && a.startsWith("--classpath=")) {
                addPath(classpath, a.substring("--classpath=".length()));
            } else if (options && a.startsWith("-") && !a.equals("-")) {
                throw new UsageException("unknown option " + a);
            } else {
                Path target = Path.of(a).toAbsolutePath().normalize();
                if (!Files.exists(target)) throw new UsageException("TARGET " + a + " does not exist");
                if (!Files.isDirectory(target) && !isJar(target)) {
                    throw new UsageException("TARGET " + a + " is neither a directory nor a jar");
                }
                targets.add(target);
            }
        }
        if (targets.isEmpty()) throw new UsageException("no TARGET given");
        return new Arguments(List.copyOf(classpath), List.copyOf(targets));
    }

    private static void addPath(List<Path> classpath, String path) {
        for (String element : path.split(File.pathSeparator)) {
            if (!element.isEmpty()) classpath.add(Path.of(element).toAbsolutePath().normalize());
        }
    }

    private static boolean isJar(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return Files.isRegularFile(file) && (n.endsWith(".jar") || n.endsWith(".zip"));
    }

    /** Weaves every target; returns the exit status. */
    int run(Arguments args) {
        Set<Path> hierarchyPath = new LinkedHashSet<>(args.targets());
        hierarchyPath.addAll(args.classpath());
        int status = OK;
        try (ClasspathLocator locator = ClasspathLocator.open(new ArrayList<>(hierarchyPath))) {
            Weaver weaver = new Weaver(new ClassHierarchy(locator), true);
            for (Path target : args.targets()) {
                try {
                    status = Math.max(status, Files.isDirectory(target) ? directory(target, weaver) : jar(target, weaver));
                } catch (IOException e) {
                    err.println("coro: " + e.getMessage());
                    status = REJECTED;
                }
            }
        } catch (IOException e) {
            err.println("coro: " + e.getMessage());
            return REJECTED;
        }
        return status;
    }

    private int directory(Path dir, Weaver weaver) throws IOException {
        // No state is kept between runs (there is no build directory to keep it in): every class file is
        // read, and the woven marker makes a second run write nothing.
        WeaveRun.Outcome outcome = WeaveRun.weave(dir, IncrementalState.empty(dir), weaver);
        WeaveRun.write(dir, outcome, 0, name -> { });
        return report(dir, outcome.woven().size(), outcome.classFiles(), outcome.diagnostics());
    }

    private int jar(Path jar, Weaver weaver) throws IOException {
        JarWeave.Outcome outcome = JarWeave.weave(jar, weaver);
        return report(jar, outcome.woven().size(), outcome.classFiles(), outcome.diagnostics());
    }

    private int report(Path target, int woven, int classFiles, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            err.println(sources.describe(d));
            String hint = SourcePaths.hint(d);
            if (hint != null) err.println("  hint: " + hint);
        }
        long rejected = diagnostics.stream().map(Diagnostic::className).distinct().count();
        out.println("coro: wove " + count(woven, "class", "classes") + " in " + target + " ("
                + count(classFiles, "class file", "class files")
                + (rejected > 0 ? ", " + rejected + " rejected and left unchanged" : "") + ")");
        return rejected > 0 ? REJECTED : OK;
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
