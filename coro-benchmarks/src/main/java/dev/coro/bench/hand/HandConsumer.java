package dev.coro.bench.hand;

/** What the hand-written consumers share, so a pipeline stage can send to any of them, as a coroutine sends to any {@code Coro}. */
public interface HandConsumer<Y, S> {
    Y send(S value);
}
