package dev.coro.junit;

import dev.coro.internal.AgentRecord;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Weaves a JUnit Platform run's coroutines with no flag to set: when the launcher session opens, before
 * any test class is discovered or loaded, this attaches coro's agent to the JVM running the tests
 * (with Byte Buddy's {@code ByteBuddyAgent}, which attaches from a helper process where the JVM forbids
 * attaching to itself). Registered in {@code META-INF/services}, so having {@code dev.coro:coro-junit}
 * on the test class path is all it takes: in an IDE, with Maven Surefire, with Gradle, with the console
 * launcher.
 *
 * <ul>
 *   <li>An agent already installed ({@code -javaagent:coro-agent.jar}, or an earlier session in the
 *       same JVM) is left alone: nothing is woven twice.
 *   <li>The agent jar is the {@code coro-agent} jar on the class path (a dependency of this one).
 *   <li>The system property {@code coro.agent.options} is passed to the agent as its options
 *       ({@code verbose}, {@code strict}, ...).
 *   <li>If the agent cannot be attached (a JRE without the attach module, a JVM started with
 *       {@code -XX:-EnableDynamicAgentLoading}), the run goes on and this says why on standard error;
 *       the tests whose coroutines need weaving then fail with an error saying there is no agent.
 * </ul>
 *
 * <p>JDK 21 and later print a warning when an agent is loaded into a running JVM ("WARNING: A Java agent
 * has been loaded dynamically ..."); {@code -XX:+EnableDynamicAgentLoading} on the test JVM silences it.
 */
public final class CoroAgentSessionListener implements LauncherSessionListener {
    /** The system property whose value becomes the agent's options. */
    public static final String OPTIONS_PROPERTY = "coro.agent.options";

    private final PrintStream err = System.err;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        attach();
    }

    // The failure is recorded too (AgentRecord.attachFailed), so that the error of an unwoven Yield
    // call in a test says coro-junit tried and why it failed, not only that there is no agent.

    /** Attaches the agent unless it is installed; never throws (a failure is reported, and the run goes on). */
    void attach() {
        synchronized (CoroAgentSessionListener.class) {
            if (AgentRecord.isInstalled()) return;
            Path jar;
            try {
                jar = agentJar();
            } catch (IllegalStateException e) {
                err.println("coro-junit: " + e.getMessage());
                AgentRecord.attachFailed(e.getMessage());
                return;
            }
            String options = System.getProperty(OPTIONS_PROPERTY);
            try {
                ByteBuddyAgent.attach(jar.toFile(), String.valueOf(ProcessHandle.current().pid()),
                        options == null || options.isBlank() ? null : options);
            } catch (RuntimeException e) {
                err.println("coro-junit: could not attach coro's agent (" + jar + ") to this JVM: " + e
                        + "; coroutines in this run stay unwoven. Run the tests with -javaagent:" + jar
                        + " instead.");
                AgentRecord.attachFailed(e.toString());
            }
        }
    }

    /** The coro-agent jar this JVM's class path holds, found through one of its classes. */
    static Path agentJar() {
        Class<?> agent;
        try {
            agent = Class.forName("dev.coro.agent.CoroAgent", false, CoroAgentSessionListener.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("dev.coro:coro-agent is not on the test class path (coro-junit needs it;"
                    + " it is a dependency of coro-junit, so a dependency exclusion may have removed it)");
        }
        CodeSource source = agent.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        Path path;
        try {
            path = location == null ? null : Path.of(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            path = null;
        }
        if (path == null || !Files.isRegularFile(path)) {
            throw new IllegalStateException("coro's agent classes come from " + location + ", not from the"
                    + " coro-agent jar, so there is no jar to attach: put the coro-agent jar on the test class path");
        }
        return path;
    }
}
