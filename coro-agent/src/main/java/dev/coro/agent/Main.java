package dev.coro.agent;

import dev.coro.weaver.build.SourcePaths;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar coro-agent.jar}: the jar's command line. The one command is {@code weave}
 * ({@link WeaveCommand}); the jar is also the {@code -javaagent} ({@link CoroAgent}).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) {
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help"))) {
            System.out.print(WeaveCommand.USAGE_TEXT);
            return WeaveCommand.OK;
        }
        if (args.isEmpty() || !args.get(0).equals("weave")) {
            return usageError(args.isEmpty() ? "no command given" : "unknown command " + args.get(0));
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            System.out.print(WeaveCommand.USAGE_TEXT);
            return WeaveCommand.OK;
        }
        WeaveCommand.Arguments parsed;
        try {
            parsed = WeaveCommand.parse(rest);
        } catch (WeaveCommand.UsageException e) {
            return usageError(e.getMessage());
        }
        // diagnostics name source files relative to where the command runs, as a build tool's console shows them
        SourcePaths sources = SourcePaths.conventional(Path.of("").toAbsolutePath());
        return new WeaveCommand(System.out, System.err, sources).run(parsed);
    }

    /** Says what is wrong, then the usage line; exit status 2. */
    private static int usageError(String problem) {
        System.err.println("coro: " + problem);
        System.err.println(WeaveCommand.USAGE_TEXT.lines().findFirst().orElseThrow());
        System.err.println("(java -jar coro-agent.jar --help says more)");
        return WeaveCommand.USAGE;
    }
}
