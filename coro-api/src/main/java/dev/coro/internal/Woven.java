package dev.coro.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The marker the weaver puts on every class it wove (invisible at run time): weaving such a class
 * again changes nothing. Not for users.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Woven {
    /** The contract between the weaver and this runtime the class was woven for: {@link Bootstrap#CONTRACT}. */
    int contract();
}
