package dev.coro.agent;

import java.nio.file.Path;

/**
 * The agent's options: {@code verbose}, {@code dump=DIR}, {@code noverify}, comma-separated.
 *
 * @param verbose log each woven class
 * @param dumpDir where to write woven class files, or null
 * @param verify check the weaver's output before defining it
 */
record AgentOptions(boolean verbose, Path dumpDir, boolean verify) {

    static AgentOptions parse(String args) {
        boolean verbose = false;
        Path dump = null;
        boolean verify = true;
        if (args != null && !args.isBlank()) {
            for (String raw : args.split(",")) {
                String opt = raw.trim();
                if (opt.equals("verbose")) verbose = true;
                else if (opt.equals("noverify")) verify = false;
                else if (opt.startsWith("dump=") && opt.length() > 5) dump = Path.of(opt.substring(5));
                else if (!opt.isEmpty()) {
                    throw new IllegalArgumentException("unknown agent option '" + opt
                            + "': expected verbose, noverify or dump=DIR (comma-separated)");
                }
            }
        }
        return new AgentOptions(verbose, dump, verify);
    }

    @Override
    public String toString() {
        return "verbose=" + verbose + ", dump=" + (dumpDir == null ? "off" : dumpDir) + ", verify=" + verify;
    }
}
