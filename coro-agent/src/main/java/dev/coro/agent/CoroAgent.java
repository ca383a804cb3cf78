package dev.coro.agent;

import dev.coro.internal.AgentRecord;

import java.lang.instrument.Instrumentation;

/**
 * {@code -javaagent:coro-agent.jar[=options]}: weaves {@code @Coroutine} methods as classes load.
 *
 * <p>Options, comma-separated: {@code verbose} (log each woven class to standard error),
 * {@code dump=DIR} (write each woven class file under DIR), {@code noverify} (skip the check of
 * the weaver's output), {@code strict} (a rejected class fails on first use instead of loading
 * unwoven). Diagnostics always go to standard error, each line starting with {@code coro: }; a
 * rejected class is loaded unwoven, and is recorded ({@link AgentRecord}) so that its {@code Yield}
 * calls say why.
 */
public final class CoroAgent {
    private CoroAgent() {}

    /**
     * {@code -javaagent}. A bad option stops the launch with its name and exit status 1: the message
     * alone, not the JVM's "processing of -javaagent failed" abort with a native stack.
     */
    public static void premain(String args, Instrumentation inst) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("coro: " + e.getMessage());
            System.err.println("coro: the JVM was not started");
            System.exit(1);
            return;
        }
        install(options, inst, true);
    }

    /**
     * Attached to a running JVM. A bad option is thrown to the attaching tool (the JVM it attached to
     * goes on, without coro's agent).
     */
    public static void agentmain(String args, Instrumentation inst) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("coro: " + e.getMessage() + "; the agent was not attached");
            throw e;
        }
        install(options, inst, false);
    }

    /** Installs the transformer, once per JVM (per copy of coro-api's record): a second agent would only repeat the first. */
    private static synchronized void install(AgentOptions options, Instrumentation inst, boolean atStartup) {
        if (AgentRecord.isInstalled()) {
            if (options.verbose()) System.err.println("coro: agent already installed, not installed again");
            return;
        }
        CoroTransformer.primeGate();
        AgentRecord.installed(atStartup); // loaded now, before the transformer can need it
        // Retransformation-capable: the JVM runs every other agent's plain transformer first, whatever
        // the order of the -javaagent flags, so a coverage agent (JaCoCo) instruments the class file as it
        // is on disk (its class id matches its report's) and coro weaves the instrumented class.
        inst.addTransformer(new CoroTransformer(options), true);
        if (options.verbose()) System.err.println("coro: agent installed (" + options + ")");
    }
}
