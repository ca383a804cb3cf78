package dev.coro.examples.tasks;

/**
 * Ends task {@code tid} at once: the scheduler closes its coroutine, so its {@code finally} blocks
 * (and try-with-resources) run, and tasks waiting for it are woken. Answers {@code true}, or
 * {@code false} when there is no such task or it is the caller itself (a task ends itself by returning).
 */
public record KillTask(int tid) implements SystemCall {
}
