/**
 * Not for users: coro's runtime, which woven code calls (the protocol of {@code next}, {@code send},
 * {@code raise} and {@code close} in plain Java, the bootstrap of a woven coroutine's handle) and what the
 * agent records about its work. Public only because woven classes in other packages must reach it; any of
 * it may change in any release without notice. Write against {@link dev.coro} alone.
 */
package dev.coro.internal;
