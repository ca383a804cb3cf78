package dev.coro.examples.tasks;

import java.nio.channels.SelectableChannel;
import java.util.Objects;

/**
 * Suspends the caller until {@code channel} can be read without blocking (for a server socket: until
 * a connection can be accepted), then answers {@code null}. At most one task may wait to read a
 * given channel at a time. The channel must be in non-blocking mode. Closing a channel that another
 * task waits on leaves that task waiting for good: kill the waiting task first, or let it close the channel.
 */
public record ReadWait(SelectableChannel channel) implements SystemCall {
    public ReadWait {
        Objects.requireNonNull(channel, "channel");
    }
}
