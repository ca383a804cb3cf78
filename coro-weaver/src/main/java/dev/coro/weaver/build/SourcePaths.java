package dev.coro.weaver.build;

import dev.coro.weaver.Diagnostic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats a {@link Diagnostic} for the build-time front ends (the Maven plugin and the command-line
 * weaver) so that an IDE's console links it to the source: the source file's path, found under the
 * source roots, then its line, in javac's {@code path/File.java:12:} form (class files carry no
 * column, so javac's {@code [line,col]} form is never used). The method is named as the user wrote
 * it: a lambda body, which javac compiles to a synthetic {@code lambda$each$0}, is "a lambda in
 * {@code p.Trees.each()}". Each problem also has a one-line {@link #hint}.
 *
 * <p>A file found under {@code relativeTo} is shown relative to it, any other found file absolute;
 * a file not found is shown by its package path ({@code p/Trees.java}), a class without a
 * {@code SourceFile} attribute by its class file name.
 */
public final class SourcePaths {
    private static final Pattern JAVAC_LAMBDA = Pattern.compile("lambda\\$(.+)\\$\\d+");
    private static final Pattern OTHER_LAMBDA = Pattern.compile("lambda\\$\\d+");

    private final List<Path> roots;
    private final Path relativeTo;

    /**
     * @param roots source directories, searched in order
     * @param relativeTo the directory found paths are shown relative to, or null to show them absolute
     */
    public SourcePaths(List<Path> roots, Path relativeTo) {
        this.roots = List.copyOf(roots);
        this.relativeTo = relativeTo;
    }

    /**
     * The source roots of the usual layouts under {@code dir} (Maven's and Gradle's
     * {@code src/main/java} and {@code src/test/java}, a bare {@code src}, {@code dir} itself), found
     * paths shown relative to {@code dir}: what the command-line weaver, run from a project's
     * directory, can know without being told.
     */
    public static SourcePaths conventional(Path dir) {
        List<Path> roots = new ArrayList<>();
        for (String r : List.of("src/main/java", "src/test/java", "src/main/kotlin", "src/test/kotlin", "src")) {
            roots.add(dir.resolve(r));
        }
        roots.add(dir);
        return new SourcePaths(roots, dir);
    }

    /** {@code src/main/java/p/Demo.java:12: p.Demo.averager(): Yield.value inside a synchronized block}. */
    public String describe(Diagnostic d) {
        StringBuilder sb = new StringBuilder(file(d));
        if (d.line() > 0) sb.append(':').append(d.line());
        sb.append(": ").append(where(d)).append(": ").append(d.message());
        return sb.toString();
    }

    /** Where the source of {@code d}'s class is, as shown: see the class comment. */
    public String file(Diagnostic d) {
        String packagePath = packagePath(d);
        if (d.sourceFile() == null) return packagePath + simpleName(d.className()) + ".class";
        String relative = packagePath + d.sourceFile();
        for (Path root : roots) {
            Path candidate = root.resolve(relative).normalize();
            if (Files.isRegularFile(candidate)) return show(candidate);
        }
        return relative;
    }

    private String show(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (relativeTo != null) {
            Path base = relativeTo.toAbsolutePath().normalize();
            if (absolute.startsWith(base)) return base.relativize(absolute).toString();
        }
        return absolute.toString();
    }

    private static String packagePath(Diagnostic d) {
        String n = d.className() == null ? "" : d.className();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(0, dot).replace('.', '/') + "/";
    }

    private static String simpleName(String className) {
        String n = className == null ? "<unknown>" : className;
        return n.substring(n.lastIndexOf('.') + 1);
    }

    /** The class, or the method as the user wrote it: {@code p.C.m()}, "a lambda in {@code p.C.m()}". */
    public static String where(Diagnostic d) {
        String m = d.methodName();
        if (m == null) return d.className();
        Matcher javac = JAVAC_LAMBDA.matcher(m);
        if (javac.matches()) {
            String in = javac.group(1);
            if (in.equals("new")) return "a lambda in a constructor of " + d.className();
            if (in.equals("static")) return "a lambda in the static initializer of " + d.className();
            return "a lambda in " + d.className() + "." + in + "()";
        }
        if (OTHER_LAMBDA.matcher(m).matches()) return "a lambda in " + d.className();
        if (m.equals("<init>")) return "a constructor of " + d.className();
        if (m.equals("<clinit>")) return "the static initializer of " + d.className();
        return d.className() + "." + m + "()";
    }

    /** One line saying what to do about {@code d}: its code's {@link Diagnostic.Code#remedy()}, or more precise. */
    public static String hint(Diagnostic d) {
        boolean lambda = d.methodName() != null && d.methodName().startsWith("lambda$");
        if (d.code() == Diagnostic.Code.YIELD_OUTSIDE_COROUTINE && lambda) {
            return "a lambda's body is a method of its own and cannot suspend the coroutine: loop over the"
                    + " elements in the coroutine itself, or yield them all with Yield.from(iterable)";
        }
        return d.code().remedy();
    }
}
