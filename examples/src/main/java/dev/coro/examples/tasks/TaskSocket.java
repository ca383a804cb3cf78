package dev.coro.examples.tasks;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A connected socket for tasks, Beazley's {@code Socket} wrapper: each operation that may have to
 * wait is a subroutine that yields {@link ReadWait} or {@link WriteWait} to the scheduler, and a task
 * calls it with {@code Yield.from}, so it reads as a blocking call would:
 *
 * <pre>
 * int n = Yield.from(client.recv(buffer));     # data = yield client.recv(65536)
 * Yield.from(client.sendAll(buffer));          # yield client.send(data)
 * </pre>
 *
 * <p>I/O errors are thrown as {@link UncheckedIOException}: a coroutine's checked exceptions would
 * have to be declared on the method that creates it, where nothing is thrown yet.
 */
public final class TaskSocket implements AutoCloseable {
    private final SocketChannel channel;

    /** Wraps {@code channel}, switching it to non-blocking mode. */
    public TaskSocket(SocketChannel channel) {
        this.channel = channel;
        try {
            channel.configureBlocking(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects to {@code remote}, waiting (as for a write) until the connection is made. */
    @Coroutine
    public static Coro<Object, Object, TaskSocket> connect(SocketAddress remote) {
        TaskSocket socket = new TaskSocket(open());
        boolean connected = false;
        try {
            if (!socket.startConnect(remote)) {
                do {
                    Yield.value(new WriteWait(socket.channel));
                } while (!socket.finishConnect());
            }
            connected = true;
            return Yield.done(socket);
        } finally {
            if (!connected) socket.close();
        }
    }

    /**
     * Waits until the socket is readable, then reads into {@code buffer} what has arrived (at most its
     * remaining space, which must not be empty); answers the number of bytes read, or -1 at the end
     * of the stream.
     *
     * <pre>
     * def recv(self, maxbytes):
     *     yield ReadWait(self.sock)
     *     yield self.sock.recv(maxbytes)
     * </pre>
     */
    @Coroutine
    public Coro<Object, Object, Integer> recv(ByteBuffer buffer) {
        if (!buffer.hasRemaining()) throw new IllegalArgumentException("no room in " + buffer);
        int n;
        do {
            Yield.value(new ReadWait(channel));
            n = read(buffer);
        } while (n == 0);
        return Yield.done(n);
    }

    /**
     * Writes all of {@code buffer}'s remaining bytes, waiting whenever the socket can take no more.
     * Unlike Beazley's, it writes first and waits only if it has to: on a socket with room in its send
     * buffer that saves a trip through the scheduler.
     *
     * <pre>
     * def send(self, buffer):
     *     while buffer:
     *         yield WriteWait(self.sock)
     *         len = self.sock.send(buffer)
     *         buffer = buffer[len:]
     * </pre>
     */
    @Coroutine
    public Coro<Object, Object, Void> sendAll(ByteBuffer buffer) {
        while (buffer.hasRemaining()) {
            if (write(buffer) == 0) Yield.value(new WriteWait(channel));
        }
        return Yield.done();
    }

    /** Sends the end of the stream (TCP FIN) while still reading what the peer sends. */
    public void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SocketChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SocketChannel open() {
        try {
            return SocketChannel.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean startConnect(SocketAddress remote) {
        try {
            return channel.connect(remote);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean finishConnect() {
        try {
            return channel.finishConnect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int read(ByteBuffer buffer) {
        try {
            return channel.read(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int write(ByteBuffer buffer) {
        try {
            return channel.write(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
