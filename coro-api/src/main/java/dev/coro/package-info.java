/**
 * Python's generators and coroutines for Java: write a method that returns {@link dev.coro.Coro}, mark
 * it {@link dev.coro.Coroutine @Coroutine}, suspend it with the {@link dev.coro.Yield} markers, and drive
 * it with {@code next}, {@code send}, {@code raise} and {@code close} as Python drives a generator.
 *
 * <pre>{@code
 * @Coroutine
 * static Coro<Long, Void, Void> fibonacci() {       // def fibonacci():
 *     long a = 0, b = 1;                            //     a, b = 0, 1
 *     while (true) {                                //     while True:
 *         Yield.value(a);                           //         yield a
 *         long t = a + b; a = b; b = t;             //         a, b = b, a + b
 *     }
 * }
 * }</pre>
 *
 * <p>The methods are rewritten into state machines by a weaver: {@code -javaagent:coro-agent.jar} at
 * class-load time, {@code coro-maven-plugin} or {@code java -jar coro-agent.jar weave} at build time, or
 * {@code dev.coro:coro-junit} in a JUnit Platform run. Every method, with its Python equivalent and where
 * coro deliberately differs, is in the reference, {@code docs/reference.md} in coro's repository.
 *
 * <p>Code in {@code dev.coro.internal} is coro's runtime, called by woven code: not for users.
 */
package dev.coro;
