package dev.coro.maven;

import org.apache.maven.plugin.MojoExecutionException;

import java.util.Locale;

/**
 * The plugin's on/off parameters, checked. They are declared as strings because Maven turns any
 * value but {@code true} into {@code false} for a boolean parameter, so {@code -Dcoro.skip=yes} or
 * {@code <verify>ture</verify>} would silently flip a switch.
 *
 * @param skip skip weaving
 * @param verify check the weaver's output before writing it
 * @param verbose log each woven class
 * @param incremental skip class files unchanged since the last run
 */
record Switches(boolean skip, boolean verify, boolean verbose, boolean incremental) {

    static Switches parse(String skip, String verify, String verbose, String incremental)
            throws MojoExecutionException {
        return new Switches(flag("skip", "coro.skip", skip), flag("verify", "coro.verify", verify),
                flag("verbose", "coro.verbose", verbose), flag("incremental", "coro.incremental", incremental));
    }

    /** {@code true} or {@code false} in any case, with surrounding blanks; anything else is a configuration error. */
    static boolean flag(String parameter, String property, String value) throws MojoExecutionException {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true")) return true;
        if (v.equals("false")) return false;
        throw new MojoExecutionException("Parameter '" + parameter + "' (property " + property
                + ") must be true or false, not '" + value + "'");
    }
}
