package dev.coro.agent;

import java.nio.file.Path;

/**
 * The agent's options: {@code verbose}, {@code dump=DIR}, {@code noverify}, {@code strict},
 * comma-separated.
 *
 * @param verbose log each woven class
 * @param dumpDir where to write woven class files, or null
 * @param verify check the weaver's output before defining it
 * @param strict a rejected class fails on first use ({@link StrictRejection}) instead of loading unwoven
 */
record AgentOptions(boolean verbose, Path dumpDir, boolean verify, boolean strict) {
    static final String EXPECTED = "expected verbose, noverify, strict or dump=DIR (comma-separated)";


    static AgentOptions parse(String args) {
        boolean verbose = false;
        Path dump = null;
        boolean verify = true;
        boolean strict = false;
        if (args != null && !args.isBlank()) {
            for (String raw : args.split(",")) {
                String opt = raw.trim();
                if (opt.equals("verbose")) verbose = true;
                else if (opt.equals("noverify")) verify = false;
                else if (opt.equals("strict")) strict = true;
                else if (opt.startsWith("dump=") && opt.length() > 5) dump = path(opt.substring(5));
                else if (opt.equals("dump") || opt.equals("dump=")) {
                    throw new IllegalArgumentException("agent option dump needs a directory: dump=DIR");
                } else if (!opt.isEmpty()) {
                    throw new IllegalArgumentException("unknown agent option '" + opt + "': " + EXPECTED);
                }
            }
        }
        return new AgentOptions(verbose, dump, verify, strict);
    }

    private static Path path(String dir) {
        try {
            return Path.of(dir);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("agent option dump=" + dir + " is not a directory name: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "verbose=" + verbose + ", dump=" + (dumpDir == null ? "off" : dumpDir) + ", verify=" + verify
                + (strict ? ", strict" : "");
    }
}
