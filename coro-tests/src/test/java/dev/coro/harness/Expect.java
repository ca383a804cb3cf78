package dev.coro.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a scenario: a {@code public static void name(Trace t)} method of a fixture class. The
 * harness runs it woven (in-process and under the agent) and compares the trace it records with
 * {@link #value()}, line for line.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Expect {
    /** The exact trace lines. */
    String[] value();
}
