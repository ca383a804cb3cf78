package dev.coro.examples.tasks;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A listening socket for tasks: {@code TaskSocket client = Yield.from(listener.accept());}. I/O
 * errors are thrown as {@link UncheckedIOException}, as in {@link TaskSocket}.
 */
public final class TaskServerSocket implements AutoCloseable {
    private final ServerSocketChannel channel;

    private TaskServerSocket(ServerSocketChannel channel) {
        this.channel = channel;
    }

    /**
     * Listens on {@code local} (port 0: any free port, see {@link #localAddress()}), queueing up to
     * {@code backlog} connections not yet accepted (the kernel may allow fewer).
     */
    public static TaskServerSocket bind(SocketAddress local, int backlog) {
        try {
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.configureBlocking(false);
                channel.bind(local, backlog);
                return new TaskServerSocket(channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for a connection and answers it. Takes one already queued without waiting, so a burst
     * of connections costs one wait.
     *
     * <pre>
     * def accept(self):
     *     yield ReadWait(self.sock)
     *     client, addr = self.sock.accept()
     *     yield Socket(client), addr
     * </pre>
     */
    @Coroutine
    public Coro<Object, Object, TaskSocket> accept() {
        SocketChannel client;
        while ((client = acceptNow()) == null) {
            Yield.value(new ReadWait(channel));
        }
        return Yield.done(new TaskSocket(client));
    }

    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SocketChannel acceptNow() {
        try {
            return channel.accept();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
