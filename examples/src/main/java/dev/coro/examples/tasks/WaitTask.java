package dev.coro.examples.tasks;

/**
 * Suspends the caller until task {@code tid} has exited, then answers {@code true}; answers
 * {@code false} at once when there is no such task (it never existed or has already exited).
 */
public record WaitTask(int tid) implements SystemCall {
}
