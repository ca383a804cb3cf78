package dev.coro.maven;

import dev.coro.weaver.ClassHierarchy;
import dev.coro.weaver.build.AtomicFiles;
import dev.coro.weaver.Diagnostic;
import dev.coro.weaver.Weaver;
import dev.coro.weaver.build.ClasspathLocator;
import dev.coro.weaver.build.IncrementalState;
import dev.coro.weaver.build.SourcePaths;
import dev.coro.weaver.build.WeaveRun;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Weaves the {@code @Coroutine} methods of one directory of compiled classes in place; the goals
 * differ only in which directory and which classpath.
 *
 * <p>The order of work keeps every failure clean: all changed class files are woven in memory first;
 * if the weaver rejects anything, each diagnostic is logged as an error in javac's form, with the source
 * file's absolute path (as maven-compiler-plugin logs its errors, so that IDE consoles link them) and a
 * one-line hint, and the build fails with nothing written. Otherwise each woven class replaces its file atomically and the
 * incremental state is saved. Stack map frames need superclass facts, which come from the goal's
 * classpath and the running JDK, read as class files: no project class is ever loaded.
 */
abstract class AbstractWeaveMojo extends AbstractMojo {

    /** Skips weaving altogether: {@code true} or {@code false}. */
    @Parameter(property = "coro.skip", defaultValue = "false")
    private String skip;

    /**
     * Checks each woven method with ASM's bytecode verifier before writing it, so that a weaver bug
     * fails the build instead of surfacing as a {@code VerifyError} at run time: {@code true} or
     * {@code false}.
     */
    @Parameter(property = "coro.verify", defaultValue = "true")
    private String verify;

    /** Logs each class woven: {@code true} or {@code false}. */
    @Parameter(property = "coro.verbose", defaultValue = "false")
    private String verbose;

    /**
     * Reads only the class files that changed since the last successful run (by size, time and, where
     * the file system's times are coarse, content): {@code true} or {@code false}. When false every
     * class file is read again; woven classes still stay as they are, since weaving a woven class
     * changes nothing.
     */
    @Parameter(property = "coro.incremental", defaultValue = "true")
    private String incremental;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

    /** The directory given by the user, or null to use {@link #defaultDirectory()}. */
    abstract File explicitDirectory();

    /** The directory's parameter name, for messages. */
    abstract String directoryParameter();

    abstract File defaultDirectory();

    /** The classpath the woven classes were compiled against. */
    abstract List<String> classpathElements();

    /** The source directories of the classes, where diagnostics find the files they name. */
    abstract List<String> sourceRoots();

    /** Names the incremental state file under {@code target/coro/}. */
    abstract String goal();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Switches switches = Switches.parse(skip, verify, verbose, incremental);
        if (switches.skip()) {
            getLog().info("Skipping coroutine weaving (coro.skip=true)");
            return;
        }
        Path directory = directory();
        if (directory == null) return;
        long startedAt = FileTime.from(Instant.now()).to(TimeUnit.NANOSECONDS);
        Path stateFile = buildDirectory.toPath().resolve("coro").resolve(goal() + ".state");
        IncrementalState previous = switches.incremental() ? IncrementalState.load(stateFile, directory)
                : IncrementalState.empty(directory);

        removeLeftovers(directory);
        WeaveRun.Outcome outcome = weaveInMemory(directory, previous, switches.verify());
        if (outcome.failed()) fail(directory, outcome.diagnostics());
        IncrementalState next = write(directory, outcome, startedAt, switches.verbose());
        try {
            next.save(stateFile);
        } catch (IOException e) {
            getLog().warn("Cannot save the incremental state to " + stateFile + " (the next build reads every class"
                    + " file again): " + e);
        }
        getLog().info("Wove " + count(outcome.woven().size(), "class", "classes") + " in " + directory + " ("
                + count(outcome.classFiles(), "class file", "class files") + ": " + outcome.read() + " read, "
                + (outcome.classFiles() - outcome.read()) + " unchanged since the last run)");
    }

    private void removeLeftovers(Path directory) throws MojoExecutionException {
        try {
            for (Path p : AtomicFiles.removeLeftovers(directory)) {
                getLog().info("Removed " + p + ", left by a build that was stopped while writing a class file");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot remove temporary files from " + directory + ": " + e, e);
        }
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The directory to weave, absolute; null (after saying why) when there is nothing to weave. */
    private Path directory() throws MojoExecutionException {
        File explicit = explicitDirectory();
        if (explicit != null) {
            if (!explicit.exists()) {
                throw new MojoExecutionException(directoryParameter() + " " + explicit + " does not exist");
            }
            if (!explicit.isDirectory()) {
                throw new MojoExecutionException(directoryParameter() + " " + explicit + " is not a directory");
            }
            return explicit.toPath().toAbsolutePath().normalize();
        }
        File dir = defaultDirectory();
        if (!dir.isDirectory()) {
            getLog().info("No classes to weave: " + dir + " does not exist");
            return null;
        }
        return dir.toPath().toAbsolutePath().normalize();
    }

    private WeaveRun.Outcome weaveInMemory(Path directory, IncrementalState previous, boolean verify)
            throws MojoExecutionException {
        try (ClasspathLocator locator = ClasspathLocator.open(classpath(directory))) {
            getLog().debug("Reading superclasses from " + locator.size() + " classpath elements and the JDK");
            Weaver weaver = new Weaver(new ClassHierarchy(locator), verify);
            return WeaveRun.weave(directory, previous, weaver);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot weave the classes in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The goal's classpath with the woven directory first, so the classes being woven find each other. */
    private List<Path> classpath(Path directory) {
        Set<Path> paths = new LinkedHashSet<>();
        paths.add(directory);
        for (String element : classpathElements()) paths.add(Path.of(element).toAbsolutePath().normalize());
        return new ArrayList<>(paths);
    }

    private void fail(Path directory, List<Diagnostic> diagnostics) throws MojoFailureException {
        SourcePaths sources = new SourcePaths(sourceRoots().stream().map(Path::of).toList(), null);
        for (Diagnostic d : diagnostics) {
            getLog().error(sources.describe(d));
            String hint = SourcePaths.hint(d);
            if (hint != null) getLog().error("  hint: " + hint);
        }
        long classes = diagnostics.stream().map(Diagnostic::className).distinct().count();
        throw new MojoFailureException("Cannot weave " + count(classes, "class", "classes") + " in " + directory
                + " (" + count(diagnostics.size(), "problem", "problems") + "); no class file was changed:\n"
                + diagnostics.stream().map(sources::describe).collect(Collectors.joining("\n")));
    }

    /** Replaces each woven class file; returns the state to remember, including the files just written. */
    private IncrementalState write(Path directory, WeaveRun.Outcome outcome, long startedAt, boolean verbose)
            throws MojoExecutionException {
        try {
            return WeaveRun.write(directory, outcome, startedAt, name -> {
                if (verbose) getLog().info("Wove " + name);
            });
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
