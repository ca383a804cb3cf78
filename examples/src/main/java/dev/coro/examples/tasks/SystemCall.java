package dev.coro.examples.tasks;

/**
 * A request a task makes of its {@link Scheduler} by yielding it, as a process traps into the
 * kernel: {@code int tid = Yield.value(new GetTid());}. The scheduler carries it out and sends the
 * answer back as the value of that {@code Yield} call; what each call answers is documented on it.
 * Anything else a task yields (including the {@code null} of {@code Yield.await()}) just gives the
 * other ready tasks a turn.
 */
public sealed interface SystemCall permits GetTid, NewTask, KillTask, WaitTask, ReadWait, WriteWait {
}
