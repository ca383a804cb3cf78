package dev.coro.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the coro agent did in this JVM, kept so that an unwoven {@code Yield} call can say why it was
 * not woven: whether the agent is installed and since when, and which classes it rejected, with their
 * diagnostics. Written by the agent ({@code coro-agent.jar}), read by {@link dev.coro.Yield} and by
 * {@code coro-junit} (which attaches the agent only when it is not installed yet).
 *
 * <p>Not for users: part of coro's runtime, and may change in any release.
 *
 * <p>One record per copy of this class: the agent and the application share it when both see the same
 * coro-api classes (the system class loader, as with {@code -javaagent}, IDE and Surefire runs).
 */
public final class AgentRecord {
    private AgentRecord() {}

    private static volatile long installedAtMillis;
    private static volatile boolean atStartup;
    private static volatile String attachFailure;
    /** The diagnostics of each rejected class, by binary name. Only rejected classes: a few at most. */
    private static final Map<String, String> REJECTED = new ConcurrentHashMap<>();

    /**
     * Records that the agent is installed.
     *
     * @param startup true for {@code -javaagent} (premain), false when attached to the running JVM
     */
    public static void installed(boolean startup) {
        atStartup = startup;
        installedAtMillis = System.currentTimeMillis();
    }

    /** @return true when the coro agent is installed in this JVM */
    public static boolean isInstalled() {
        return installedAtMillis != 0;
    }

    /** @return when the agent was installed (milliseconds since the epoch), or 0 when it is not */
    public static long installedAtMillis() {
        return installedAtMillis;
    }

    /** @return true when the agent came with {@code -javaagent}, before any application class loaded */
    public static boolean installedAtStartup() {
        return atStartup;
    }

    /**
     * Records that a tool (coro-junit) tried to attach the agent to this JVM and could not.
     *
     * @param why what went wrong, in words
     */
    public static void attachFailed(String why) {
        attachFailure = why;
    }

    /** @return why attaching the agent failed, or null when nothing tried and failed */
    public static String attachFailure() {
        return attachFailure;
    }

    /**
     * Records that the agent rejected a class and left it unwoven.
     *
     * @param className its binary name ({@code p.C$D})
     * @param diagnostics the agent's diagnostics for it, one per line
     */
    public static void rejected(String className, String diagnostics) {
        REJECTED.put(className, diagnostics);
    }

    /**
     * @param className a binary name
     * @return the diagnostics the agent gave when it rejected the class, or null if it did not
     */
    public static String rejection(String className) {
        return REJECTED.get(className);
    }
}
