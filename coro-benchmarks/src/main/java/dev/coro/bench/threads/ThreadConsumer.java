package dev.coro.bench.threads;

import java.util.concurrent.SynchronousQueue;
import java.util.function.Function;

/** (B) with a thread: each value goes to a consumer thread through a {@link SynchronousQueue}, its running total comes back through another. */
public final class ThreadConsumer implements AutoCloseable {
    private final SynchronousQueue<Long> in = new SynchronousQueue<>();
    private final SynchronousQueue<Long> out = new SynchronousQueue<>();
    private final Thread consumer;

    public ThreadConsumer(Function<Runnable, Thread> threads) {
        consumer = threads.apply(this::consume);
        consumer.start();
    }

    private void consume() {
        long total = 0;
        try {
            while (true) {
                total += in.take();
                out.put(total);
            }
        } catch (InterruptedException stop) {
            // closed
        }
    }

    public Long send(Long x) throws InterruptedException {
        in.put(x);
        return out.take();
    }

    @Override
    public void close() {
        Threads.stop(consumer);
    }
}
