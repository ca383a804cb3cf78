package dev.coro.fuzz.ref;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stands in for {@code dev.coro.Coroutine} in the reference compilation of a generated program. It
 * changes nothing there: the generator renders each coroutine as a wrapper that calls
 * {@link RefCoro#start} with the primed flag itself.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Coroutine {
    boolean primed() default false;
}
