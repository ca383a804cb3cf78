package dev.coro.examples.beazley;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;
import dev.coro.examples.tasks.NewTask;
import dev.coro.examples.tasks.Scheduler;
import dev.coro.examples.tasks.TaskServerSocket;
import dev.coro.examples.tasks.TaskSocket;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Beazley's echo server on the {@link Scheduler}: one task accepts connections and starts a task for
 * each, which echoes what it reads until the client closes its end. Everything runs on one thread.
 */
public final class EchoServer {
    private EchoServer() {}

    /** What each connection reads at most at a time. 8 KiB: 10,000 connections hold 80 MB of buffers. */
    public static final int BUFFER_SIZE = 8192;

    /** Counts kept by the tasks of one server; read them once the scheduler has stopped. */
    public static final class Stats {
        private int accepted;
        private int open;
        private int peakOpen;
        private long bytesEchoed;

        public int accepted() {
            return accepted;
        }

        /** The most connections that were open at the same time. */
        public int peakOpen() {
            return peakOpen;
        }

        public int open() {
            return open;
        }

        public long bytesEchoed() {
            return bytesEchoed;
        }
    }

    /**
     * Accepts {@code clients} connections, each handled by a task of its own, then closes the
     * listening socket and returns (the handlers go on).
     *
     * <pre>
     * def server(port):
     *     ...
     *     while True:
     *         client, addr = yield sock.accept()
     *         yield NewTask(handle_client(client, addr))
     * </pre>
     */
    @Coroutine
    public static Coro<Object, Object, Void> server(TaskServerSocket listener, int clients, Stats stats) {
        try (listener) {
            for (int i = 0; i < clients; i++) {
                TaskSocket client = Yield.from(listener.accept());
                stats.accepted++;
                Yield.value(new NewTask(handleClient(client, stats)));
            }
        }
        return Yield.done();
    }

    /**
     * Echoes what {@code client} sends until it closes its end, then closes the connection.
     *
     * <pre>
     * def handle_client(client, addr):
     *     while True:
     *         data = yield client.recv(65536)
     *         if not data:
     *             break
     *         yield client.send(data)
     *     yield client.close()
     * </pre>
     */
    @Coroutine
    public static Coro<Object, Object, Void> handleClient(TaskSocket client, Stats stats) {
        stats.peakOpen = Math.max(stats.peakOpen, ++stats.open);
        try (client) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
            while (Yield.from(client.recv(buffer)) > 0) {
                buffer.flip();
                stats.bytesEchoed += buffer.remaining();
                Yield.from(client.sendAll(buffer));
                buffer.clear();
            }
        } finally {
            stats.open--;
        }
        return Yield.done();
    }

    /**
     * A client task for the demo: connects, sends {@link LoadGenerator#message}, closes its end, reads the echo to
     * the end of the stream, and counts itself in {@code ok[0]} if it got back exactly what it sent.
     * It sends everything before reading, so {@code size} must fit in the sockets' buffers.
     */
    @Coroutine
    public static Coro<Object, Object, Void> client(SocketAddress server, int id, int size, int[] ok) {
        try (TaskSocket socket = Yield.from(TaskSocket.connect(server))) {
            ByteBuffer sent = LoadGenerator.message(id, size);
            Yield.from(socket.sendAll(sent.duplicate()));
            socket.shutdownOutput();
            ByteBuffer echo = ByteBuffer.allocate(size + 1); // room for one byte too many
            while (echo.hasRemaining() && Yield.from(socket.recv(echo)) > 0) {
                // reading until the server closes
            }
            if (Arrays.equals(sent.array(), Arrays.copyOf(echo.array(), echo.position()))) ok[0]++;
        }
        return Yield.done();
    }

    /** The server and {@code clients} client tasks on one scheduler, one thread. */
    public static void demo(int clients, int size) {
        Stats stats = new Stats();
        int[] ok = {0};
        try (Scheduler sched = new Scheduler()) {
            TaskServerSocket listener = TaskServerSocket.bind(new InetSocketAddress("127.0.0.1", 0), clients);
            SocketAddress address = listener.localAddress();
            sched.spawn(server(listener, clients, stats));
            for (int id = 0; id < clients; id++) {
                sched.spawn(client(address, id, size, ok));
            }
            sched.run();
        }
        System.out.println("server: " + stats.accepted() + " connections, " + stats.bytesEchoed() + " bytes echoed, "
                + stats.open() + " open");
        System.out.println("clients: " + ok[0] + " of " + clients + " got back exactly what they sent");
    }

    /**
     * With no arguments, {@link #demo} with 100 clients of 1,000 bytes; with a port, serves on
     * 127.0.0.1 until killed (try {@code LoadGenerator 127.0.0.1 PORT 1000 4096 10}).
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            demo(100, 1000);
            return;
        }
        int port = Integer.parseInt(args[0]);
        try (Scheduler sched = new Scheduler()) {
            TaskServerSocket listener = TaskServerSocket.bind(new InetSocketAddress("127.0.0.1", port), 4096);
            System.out.println("echo server on " + listener.localAddress());
            sched.spawn(server(listener, Integer.MAX_VALUE, new Stats()));
            sched.run();
        }
    }
}
