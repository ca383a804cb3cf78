package dev.coro.examples.tasks;

import dev.coro.Coro;

import java.util.Objects;

/**
 * Starts {@code target} as a new task and answers its id (an {@code Integer}). The new task is queued
 * behind the tasks already ready, and the caller behind it, as in Beazley's scheduler.
 */
public record NewTask(Coro<?, Object, ?> target) implements SystemCall {
    public NewTask {
        Objects.requireNonNull(target, "target");
    }
}
