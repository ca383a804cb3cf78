package dev.coro.internal;

import dev.coro.Coro;
import dev.coro.CoroutineExit;
import dev.coro.StopIteration;

/** {@code Yield.from} over a {@link Coro} that is not a woven coroutine (another implementation). */
final class CoroSub extends Sub {
    private final Coro<?, ?, ?> coro;

    CoroSub(Coro<?, ?, ?> coro) {
        this.coro = coro;
    }

    @SuppressWarnings("unchecked")
    @Override
    Object step(Object sent, Throwable thrown) {
        try {
            if (thrown != null) {
                if (thrown instanceof CoroutineExit) {
                    coro.close();
                    throw Sneaky.rethrow(thrown);
                }
                return coro.raise(thrown);
            }
            if (sent == null || coro.state() == Coro.State.CREATED) return coro.next();
            return ((Coro<?, Object, ?>) coro).send(sent);
        } catch (StopIteration end) {
            result = end.value();
            return END;
        }
    }

    @Override
    void close() {
        coro.close();
    }
}
