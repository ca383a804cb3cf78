package dev.coro.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.util.List;

/**
 * Weaves the {@code @Coroutine} methods of the test classes ({@code target/test-classes}) in place,
 * after they are compiled and before the tests run. Superclasses for stack map frames come from the
 * test classpath (which holds the main classes too) and the JDK.
 */
@Mojo(name = "weave-tests", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class WeaveTestsMojo extends AbstractWeaveMojo {

    /** The directory to weave instead of the project's test output directory; it must exist. */
    @Parameter(property = "coro.testClassesDirectory")
    private File testClassesDirectory;

    @Parameter(defaultValue = "${project.build.testOutputDirectory}", readonly = true, required = true)
    private File testOutputDirectory;

    @Parameter(defaultValue = "${project.testClasspathElements}", readonly = true, required = true)
    private List<String> testClasspathElements;

    @Parameter(defaultValue = "${project.testCompileSourceRoots}", readonly = true, required = true)
    private List<String> testCompileSourceRoots;

    @Override
    List<String> sourceRoots() {
        return testCompileSourceRoots;
    }

    @Override
    File explicitDirectory() {
        return testClassesDirectory;
    }

    @Override
    String directoryParameter() {
        return "testClassesDirectory";
    }

    @Override
    File defaultDirectory() {
        return testOutputDirectory;
    }

    @Override
    List<String> classpathElements() {
        return testClasspathElements;
    }

    @Override
    String goal() {
        return "weave-tests";
    }
}
