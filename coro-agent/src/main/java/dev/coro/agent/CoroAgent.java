package dev.coro.agent;

import java.lang.instrument.Instrumentation;

/**
 * {@code -javaagent:coro-agent.jar[=options]}: weaves {@code @Coroutine} methods as classes load.
 *
 * <p>Options, comma-separated: {@code verbose} (log each woven class to standard error),
 * {@code dump=DIR} (write each woven class file under DIR), {@code noverify} (skip the check of
 * the weaver's output). Diagnostics always go to standard error, each line starting with
 * {@code coro: }; a rejected class is loaded unwoven.
 */
public final class CoroAgent {
    private CoroAgent() {}

    public static void premain(String args, Instrumentation inst) {
        install(args, inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        install(args, inst);
    }

    private static void install(String args, Instrumentation inst) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("coro: " + e.getMessage());
            throw e;
        }
        CoroTransformer.primeGate();
        // Retransformation-capable: the JVM runs every other agent's plain transformer first, whatever
        // the order of the -javaagent flags, so a coverage agent (JaCoCo) instruments the class file as it
        // is on disk (its class id matches its report's) and coro weaves the instrumented class.
        inst.addTransformer(new CoroTransformer(options), true);
        if (options.verbose()) System.err.println("coro: agent installed (" + options + ")");
    }
}
