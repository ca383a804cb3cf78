package dev.coro.examples.tasks;

import java.nio.channels.SelectableChannel;
import java.util.Objects;

/**
 * Suspends the caller until {@code channel} can be written without blocking (for a socket whose
 * connect is pending: until it can be finished), then answers {@code null}. At most one task may
 * wait to write a given channel at a time. The channel must be in non-blocking mode. Closing a
 * channel that another task waits on leaves that task waiting for good: kill the waiting task first,
 * or let it close the channel.
 */
public record WriteWait(SelectableChannel channel) implements SystemCall {
    public WriteWait {
        Objects.requireNonNull(channel, "channel");
    }
}
