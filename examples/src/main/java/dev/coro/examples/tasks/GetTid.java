package dev.coro.examples.tasks;

/** Answers the calling task's id (an {@code Integer}). Python: {@code tid = yield GetTid()}. */
public record GetTid() implements SystemCall {
}
