package dev.coro.fuzz.ref;

import dev.coro.Coro;

/**
 * {@code dev.coro.Yield} for the reference compilation: the same signatures (so javac infers and
 * resolves overloads identically), but each call talks to the coroutine thread it runs on
 * ({@link RefCoro}) instead of being woven away.
 */
public final class Yield {
    private Yield() {}

    @SuppressWarnings("unchecked")
    public static <S> S await() {
        return (S) RefCoro.current("await").suspend(null);
    }

    @SuppressWarnings("unchecked")
    public static <S> S value(Object v) {
        return (S) RefCoro.current("value").suspend(v);
    }

    public static <R> R from(Coro<?, ?, R> sub) {
        return RefCoro.current("from").delegate(sub);
    }

    public static Object from(Iterable<?> values) {
        if (values instanceof Coro) return from((Coro<?, ?, ?>) values);
        return RefCoro.current("from").delegate(values);
    }

    public static <Y, S, R> Coro<Y, S, R> done() {
        return new RefCoro.Done<>(null);
    }

    public static <Y, S, R> Coro<Y, S, R> done(R result) {
        return new RefCoro.Done<>(result);
    }
}
