package dev.coro.bench.coro;

/** A mutable long: how a value gets out of a coroutine, or a counter gets out of a {@code finally}, without boxing. */
public final class LongCell {
    public long value;
}
