package dev.coro.examples.tasks;

import dev.coro.Coro;

import java.nio.channels.SelectionKey;

/**
 * A coroutine the {@link Scheduler} runs, with the id it is known by and what to resume it with next.
 *
 * <pre>
 * class Task(object):
 *     taskid = 0
 *     def __init__(self, target):
 *         Task.taskid += 1
 *         self.tid = Task.taskid
 *         self.target = target
 *         self.sendval = None
 *     def run(self):
 *         return self.target.send(self.sendval)
 * </pre>
 */
final class Task {
    final int tid;
    private final Coro<?, Object, ?> target;
    /** Sent in at the next {@link #run()}: the answer to the system call the task last made. */
    private Object sendValue;
    /** Thrown in at the next {@link #run()} instead, when the system call failed. */
    private RuntimeException failure;
    /** The registration of the channel this task waits on, while it waits for I/O. */
    SelectionKey ioKey;

    Task(int tid, Coro<?, Object, ?> target) {
        this.tid = tid;
        this.target = target;
    }

    void answer(Object value) {
        sendValue = value;
        failure = null;
    }

    void fail(RuntimeException error) {
        sendValue = null;
        failure = error;
    }

    /**
     * Runs the task to its next yield and returns what it yielded; a task that returns throws
     * {@link dev.coro.StopIteration}, one that fails throws what it threw.
     */
    Object run() {
        Object value = sendValue;
        RuntimeException error = failure;
        sendValue = null;
        failure = null;
        return error == null ? target.send(value) : target.raise(error);
    }

    /** Ends the coroutine where it is suspended, running its {@code finally} blocks. */
    void close() {
        target.close();
    }

    @Override
    public String toString() {
        return "task " + tid;
    }
}
