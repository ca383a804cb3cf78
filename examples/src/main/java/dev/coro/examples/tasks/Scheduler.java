package dev.coro.examples.tasks;

import dev.coro.Coro;
import dev.coro.StopIteration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The "operating system" of David Beazley's "A Curious Course on Coroutines and Concurrency": tasks
 * are coroutines, taking turns on one thread. A task runs until it yields; if it yields a
 * {@link SystemCall} the scheduler carries it out and sends the answer back in, otherwise it just
 * goes to the back of the queue. Tasks waiting for I/O ({@link ReadWait}, {@link WriteWait}) are
 * parked on a {@link Selector}, which is polled once per round, and waited on only when no task is
 * ready. A subroutine is a coroutine run with {@code Yield.from}: the system calls it yields reach
 * the scheduler and the answers reach it, as if the task had made them itself.
 *
 * <pre>
 * Scheduler sched = new Scheduler();
 * sched.spawn(server(8080));       // sched.new(server(8080))
 * sched.run();                     // sched.mainloop()
 * </pre>
 *
 * <p>{@link #run()} returns when every task has ended. Not thread-safe: everything but
 * {@link #shutdown()} must be called on the thread that runs the scheduler. A task that throws is
 * ended like one that returns (its waiters are woken), and the exception goes to the failure handler
 * given to the constructor, which by default prints it as the JVM prints an uncaught exception.
 */
public final class Scheduler implements AutoCloseable {
    private final Selector selector;
    private final BiConsumer<Integer, Throwable> onFailure;
    private final ArrayDeque<Task> ready = new ArrayDeque<>();
    private final Map<Integer, Task> tasks = new HashMap<>();
    private final Map<Integer, List<Task>> exitWaiting = new HashMap<>();
    private int ioWaiting;
    private int lastTid;
    private volatile boolean shutdown;

    /** A scheduler that prints the exceptions of failed tasks to standard error. */
    public Scheduler() {
        this(Scheduler::printFailure);
    }

    /** A scheduler that passes each task's id and the exception that ended it to {@code onFailure}. */
    public Scheduler(BiConsumer<Integer, Throwable> onFailure) {
        this.onFailure = onFailure;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code target} as a new task, ready to run, and returns its id. Beazley's {@code new}. */
    public int spawn(Coro<?, Object, ?> target) {
        Task task = new Task(++lastTid, target);
        tasks.put(task.tid, task);
        ready.add(task);
        return task.tid;
    }

    /**
     * Runs the tasks until none is left (Beazley's {@code mainloop}), or until {@link #shutdown()},
     * which closes the tasks still there. Each round polls for I/O (blocking only when no task is
     * ready), then gives each task that was ready one turn.
     *
     * @throws IllegalStateException when no task can ever run again: all wait for each other to exit
     */
    public void run() {
        while (!tasks.isEmpty()) {
            if (shutdown) {
                closeAll();
                return;
            }
            pollIo(ready.isEmpty());
            for (int turns = ready.size(); turns > 0; turns--) {
                step(ready.poll());
            }
        }
    }

    /** Makes {@link #run()} close every task and return soon; may be called from any thread. */
    public void shutdown() {
        shutdown = true;
        selector.wakeup();
    }

    /** Closes the tasks still there, then the selector. */
    @Override
    public void close() {
        closeAll();
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One turn of one task: run it to its next yield and act on what it yielded. */
    private void step(Task task) {
        if (tasks.get(task.tid) != task) return; // killed after it was made ready
        Object yielded;
        try {
            yielded = task.run();
        } catch (StopIteration returned) {
            exit(task);
            return;
        } catch (Throwable failure) {
            exit(task);
            onFailure.accept(task.tid, failure);
            return;
        }
        if (yielded instanceof SystemCall call) {
            trap(task, call);
        } else {
            schedule(task, null);
        }
    }

    /** Carries out a system call; the task runs again when it has been answered. */
    private void trap(Task task, SystemCall call) {
        if (call instanceof GetTid) {
            schedule(task, task.tid);
        } else if (call instanceof NewTask newTask) {
            schedule(task, spawn(newTask.target()));
        } else if (call instanceof KillTask kill) {
            schedule(task, kill(task, kill.tid()));
        } else if (call instanceof WaitTask wait) {
            if (tasks.containsKey(wait.tid())) {
                task.answer(true);
                exitWaiting.computeIfAbsent(wait.tid(), tid -> new ArrayList<>()).add(task);
            } else {
                schedule(task, false);
            }
        } else if (call instanceof ReadWait read) {
            waitForIo(task, read.channel(), true);
        } else if (call instanceof WriteWait write) {
            waitForIo(task, write.channel(), false);
        }
    }

    private void schedule(Task task, Object answer) {
        task.answer(answer);
        ready.add(task);
    }

    private boolean kill(Task killer, int tid) {
        Task victim = tasks.get(tid);
        if (victim == null || victim == killer) return false;
        exit(victim);
        close(victim);
        return true;
    }

    /** Forgets a task that has ended and wakes the tasks waiting for it. */
    private void exit(Task task) {
        tasks.remove(task.tid);
        cancelIo(task);
        for (Task waiter : exitWaiting.getOrDefault(task.tid, List.of())) {
            if (tasks.get(waiter.tid) == waiter) ready.add(waiter);
        }
        exitWaiting.remove(task.tid);
    }

    private void close(Task task) {
        try {
            task.close();
        } catch (Throwable failure) {
            onFailure.accept(task.tid, failure);
        }
    }

    private void closeAll() {
        List<Task> remaining = new ArrayList<>(tasks.values());
        tasks.clear();
        ready.clear();
        exitWaiting.clear();
        for (Task task : remaining) {
            cancelIo(task);
            close(task);
        }
    }

    // ---- I/O: Beazley's read_waiting and write_waiting, kept on the selector's keys ----

    /** The tasks waiting on one channel, attached to its selection key. */
    private static final class IoWaiters {
        Task reader;
        Task writer;
        int readOps;
        int writeOps;

        int interestOps() {
            return (reader == null ? 0 : readOps) | (writer == null ? 0 : writeOps);
        }
    }

    private void waitForIo(Task task, SelectableChannel channel, boolean read) {
        try {
            SelectionKey key = channel.keyFor(selector);
            if (key == null) key = channel.register(selector, 0, new IoWaiters());
            IoWaiters waiters = (IoWaiters) key.attachment();
            if (read) {
                if (waiters.reader != null) throw new IllegalStateException(waiters.reader + " already waits to read " + channel);
                waiters.reader = task;
                waiters.readOps = channel.validOps() & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
            } else {
                if (waiters.writer != null) throw new IllegalStateException(waiters.writer + " already waits to write " + channel);
                waiters.writer = task;
                boolean connecting = channel instanceof SocketChannel socket && socket.isConnectionPending();
                waiters.writeOps = connecting ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE;
            }
            key.interestOps(waiters.interestOps());
            task.ioKey = key;
            ioWaiting++;
        } catch (ClosedChannelException e) {
            task.fail(new UncheckedIOException(e));
            ready.add(task);
        } catch (RuntimeException e) { // a blocking or cancelled channel, a second waiter: the task's mistake
            task.fail(e);
            ready.add(task);
        }
    }

    private void cancelIo(Task task) {
        SelectionKey key = task.ioKey;
        if (key == null) return;
        task.ioKey = null;
        ioWaiting--;
        IoWaiters waiters = (IoWaiters) key.attachment();
        if (waiters.reader == task) waiters.reader = null;
        if (waiters.writer == task) waiters.writer = null;
        if (key.isValid()) key.interestOps(waiters.interestOps());
    }

    /**
     * Beazley's {@code iopoll}: makes the tasks whose channels are ready ready to run. With
     * {@code block}, waits until at least one is (or {@link #shutdown()}); otherwise only looks.
     */
    private void pollIo(boolean block) {
        if (ioWaiting == 0) {
            if (block) throw new IllegalStateException("deadlock: " + tasks.values() + " all wait for each other to exit");
            return;
        }
        try {
            if (block) {
                selector.select(this::wake);
            } else {
                selector.selectNow(this::wake);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void wake(SelectionKey key) {
        IoWaiters waiters = (IoWaiters) key.attachment();
        int readyOps = key.readyOps();
        if (waiters.reader != null && (readyOps & waiters.readOps) != 0) {
            wakeFromIo(waiters.reader);
            waiters.reader = null;
        }
        if (waiters.writer != null && (readyOps & waiters.writeOps) != 0) {
            wakeFromIo(waiters.writer);
            waiters.writer = null;
        }
        key.interestOps(waiters.interestOps());
    }

    private void wakeFromIo(Task task) {
        task.ioKey = null;
        ioWaiting--;
        schedule(task, null);
    }

    private static void printFailure(int tid, Throwable failure) {
        System.err.print("Exception in task " + tid + " ");
        failure.printStackTrace();
    }
}
