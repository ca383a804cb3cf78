package dev.coro.internal;

import dev.coro.StopIteration;

/** The {@code StopIteration} of {@code next}/{@code send} on a coroutine that had already finished: names it, has a stack trace. */
final class Exhausted extends StopIteration {
    private static final long serialVersionUID = 1L;

    Exhausted(String coroutine) {
        super("coroutine " + coroutine + " is exhausted: it has already finished");
    }
}
