package dev.coro.examples.beazley;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A load generator for an echo server, in plain NIO so that it checks the coroutine server without
 * sharing its code: it opens all its connections (a few hundred connecting at a time), then sends
 * each {@link #message} and reads the echo back, checking every byte, and only when every
 * connection has had its echo closes its sending side on all of them and reads each to the end of
 * the stream. So the server holds all the connections open at once, and whatever it sends beyond
 * the echo is caught. It gives up when the time limit is reached. One thread, one {@link Selector}.
 *
 * <pre>
 * java -cp examples/target/classes dev.coro.examples.beazley.LoadGenerator HOST PORT CONNECTIONS BYTES SECONDS
 * </pre>
 *
 * <p>Prints a summary line (see {@link #summary()}), then the time each phase took; exits with 0 if
 * every connection got exactly its bytes back, 1 otherwise, 2 on bad arguments.
 */
public final class LoadGenerator {
    private static final int CONNECTING_AT_ONCE = 256;

    private final InetSocketAddress server;
    private final int connections;
    private final int bytesPerConnection;
    private final long deadline;
    private final List<Connection> open = new ArrayList<>();
    private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);

    private int connected;
    private int echoed;
    private int closed;
    private long sent;
    private long received;
    private long wrong;
    private String outcome = "OK";
    private final long[] phaseNanos = new long[3];

    private static final class Connection {
        final int id;
        final SocketChannel channel;
        final ByteBuffer out;
        final SelectionKey key;
        int received;

        Connection(int id, SocketChannel channel, ByteBuffer out, SelectionKey key) {
            this.id = id;
            this.channel = channel;
            this.out = out;
            this.key = key;
        }
    }

    public LoadGenerator(InetSocketAddress server, int connections, int bytesPerConnection, long seconds) {
        this.server = server;
        this.connections = connections;
        this.bytesPerConnection = bytesPerConnection;
        this.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: LoadGenerator HOST PORT CONNECTIONS BYTES_PER_CONNECTION SECONDS");
            System.exit(2);
        }
        LoadGenerator load = new LoadGenerator(new InetSocketAddress(args[0], Integer.parseInt(args[1])),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
        boolean ok = load.run();
        System.out.println(load.summary());
        System.out.println(load.timings());
        System.out.flush();
        System.exit(ok ? 0 : 1);
    }

    /**
     * The bytes connection {@code id} sends: {@code size} bytes of a pattern that differs from one
     * connection to the next, so that an echo sent to the wrong connection is caught.
     */
    public static ByteBuffer message(int id, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ((id * 31 + i) % 251);
        }
        return ByteBuffer.wrap(bytes);
    }

    /** Runs the three phases; true if every connection got exactly its bytes back and was closed. */
    public boolean run() throws IOException {
        try (Selector selector = Selector.open()) {
            long start = System.nanoTime();
            connectAll(selector);
            phaseNanos[0] = System.nanoTime() - start;
            start = System.nanoTime();
            echoAll(selector);
            phaseNanos[1] = System.nanoTime() - start;
            start = System.nanoTime();
            closeAll(selector);
            phaseNanos[2] = System.nanoTime() - start;
        } catch (TimeLimitReached e) {
            outcome = "TIMEOUT in " + e.getMessage();
        } catch (IOException e) {
            outcome = "FAILED: " + e;
        } finally {
            for (Connection c : open) c.channel.close();
        }
        if (wrong > 0 && outcome.equals("OK")) outcome = "WRONG BYTES";
        return outcome.equals("OK");
    }

    /**
     * {@code connections=N connected=N echoed=N closed=N sent=B received=B wrong=0 OK}: how many
     * connections were asked for, made, had their whole echo, and ended with the server closing
     * them after exactly the echo; bytes sent and echoed back; bytes that were not what was sent
     * (or came beyond it); and the outcome.
     */
    public String summary() {
        return "connections=" + connections + " connected=" + connected + " echoed=" + echoed + " closed=" + closed
                + " sent=" + sent + " received=" + received + " wrong=" + wrong + " " + outcome;
    }

    public String timings() {
        return String.format("connect %d ms, echo %d ms, close %d ms",
                phaseNanos[0] / 1_000_000, phaseNanos[1] / 1_000_000, phaseNanos[2] / 1_000_000);
    }

    private void connectAll(Selector selector) throws IOException {
        int pending = 0;
        while (connected < connections) {
            while (open.size() < connections && pending < CONNECTING_AT_ONCE) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                boolean now = channel.connect(server);
                SelectionKey key = channel.register(selector, now ? 0 : SelectionKey.OP_CONNECT);
                Connection c = new Connection(open.size(), channel, message(open.size(), bytesPerConnection), key);
                key.attach(c);
                open.add(c);
                if (now) connected++; else pending++;
            }
            for (SelectionKey key : select(selector, "connect")) {
                Connection c = (Connection) key.attachment();
                if (c.channel.finishConnect()) {
                    key.interestOps(0);
                    pending--;
                    connected++;
                }
            }
        }
    }

    private void echoAll(Selector selector) throws IOException {
        for (Connection c : open) c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        while (echoed < connections) {
            for (SelectionKey key : select(selector, "echo")) {
                Connection c = (Connection) key.attachment();
                if (key.isWritable()) {
                    sent += c.channel.write(c.out);
                    if (!c.out.hasRemaining()) key.interestOps(SelectionKey.OP_READ);
                }
                if (key.isReadable()) {
                    in.clear().limit(Math.min(in.capacity(), bytesPerConnection - c.received));
                    int n = c.channel.read(in);
                    if (n < 0) throw new IOException("connection " + c.id + " closed by the server after "
                            + c.received + " of " + bytesPerConnection + " bytes");
                    check(c, n);
                    if (c.received == bytesPerConnection) {
                        key.interestOps(0);
                        echoed++;
                    }
                }
            }
        }
    }

    private void closeAll(Selector selector) throws IOException {
        for (Connection c : open) {
            c.channel.shutdownOutput();
            c.key.interestOps(SelectionKey.OP_READ);
        }
        while (closed < connections) {
            for (SelectionKey key : select(selector, "close")) {
                Connection c = (Connection) key.attachment();
                in.clear();
                int n = c.channel.read(in);
                if (n < 0) {
                    c.channel.close();
                    closed++;
                } else {
                    wrong += n; // nothing may come after the echo
                }
            }
        }
    }

    /** Counts the bytes just read into {@code in} for {@code c}, and those that differ from what it sent. */
    private void check(Connection c, int n) {
        byte[] expected = c.out.array();
        for (int i = 0; i < n; i++) {
            if (in.get(i) != expected[c.received + i]) wrong++;
        }
        c.received += n;
        received += n;
    }

    private List<SelectionKey> select(Selector selector, String phase) throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) throw new TimeLimitReached(phase);
        selector.select(left);
        List<SelectionKey> keys = new ArrayList<>(selector.selectedKeys());
        selector.selectedKeys().clear();
        return keys;
    }

    private static final class TimeLimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimeLimitReached(String phase) {
            super(phase, null, false, false);
        }
    }
}
