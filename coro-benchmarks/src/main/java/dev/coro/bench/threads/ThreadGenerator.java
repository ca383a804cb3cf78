package dev.coro.bench.threads;

import java.util.concurrent.SynchronousQueue;
import java.util.function.Function;

/** (A) with a thread: a producer thread hands each Fibonacci number over through a {@link SynchronousQueue}. */
public final class ThreadGenerator implements AutoCloseable {
    private final SynchronousQueue<Long> queue = new SynchronousQueue<>();
    private final Thread producer;

    public ThreadGenerator(Function<Runnable, Thread> threads) {
        producer = threads.apply(this::produce);
        producer.start();
    }

    private void produce() {
        long a = 0, b = 1;
        try {
            while (true) {
                queue.put(a);
                long t = a + b;
                a = b;
                b = t;
            }
        } catch (InterruptedException stop) {
            // closed
        }
    }

    public Long next() throws InterruptedException {
        return queue.take();
    }

    @Override
    public void close() {
        Threads.stop(producer);
    }
}
