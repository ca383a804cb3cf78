package dev.coro;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body is rewritten into a resumable state machine.
 *
 * <p>The method must return {@link Coro} and end with {@code return Yield.done(...)}. Calling it
 * runs none of the body: it captures the arguments (and {@code this}) and returns a {@link Coro}
 * in state {@link Coro.State#CREATED}. The body runs inside {@link Coro#next()}, {@link
 * Coro#send}, {@link Coro#raise} and {@link Coro#close()}, and stops at each {@link Yield} call.
 *
 * <p>The rewrite is done by {@code -javaagent:coro-agent.jar} at class-load time (attached for a
 * JUnit Platform run by {@code dev.coro:coro-junit}), or at build time by the {@code coro-maven-plugin}
 * or {@code java -jar coro-agent.jar weave}; without any of them, every {@link Yield} call throws an
 * {@link IllegalStateException} saying why.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Coroutine {
    /**
     * When true, the call itself also runs the body to its first suspension point (as Beazley's
     * {@code @coroutine} decorator calls {@code next} once); the first yielded value is discarded.
     * An exception thrown before that point propagates from the call; a body that returns before
     * suspending gives a coroutine that is already {@code DONE}, with its result set.
     *
     * @return whether the call runs the body to its first suspension point
     */
    boolean primed() default false;
}
