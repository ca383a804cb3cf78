package dev.coro.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.util.List;

/**
 * Weaves the {@code @Coroutine} methods of the main classes ({@code target/classes}) in place, after
 * they are compiled. Superclasses for stack map frames come from the compile classpath and the JDK.
 * Code the weaver rejects fails the build with every problem listed in javac's form.
 */
@Mojo(name = "weave", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class WeaveMojo extends AbstractWeaveMojo {

    /** The directory to weave instead of the project's output directory; it must exist. */
    @Parameter(property = "coro.classesDirectory")
    private File classesDirectory;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    private List<String> compileClasspathElements;

    @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true, required = true)
    private List<String> compileSourceRoots;

    @Override
    List<String> sourceRoots() {
        return compileSourceRoots;
    }

    @Override
    File explicitDirectory() {
        return classesDirectory;
    }

    @Override
    String directoryParameter() {
        return "classesDirectory";
    }

    @Override
    File defaultDirectory() {
        return outputDirectory;
    }

    @Override
    List<String> classpathElements() {
        return compileClasspathElements;
    }

    @Override
    String goal() {
        return "weave";
    }
}
