package dev.coro.examples.beazley;

import dev.coro.examples.Stdout;

import dev.coro.examples.tasks.Scheduler;
import dev.coro.examples.tasks.TaskServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EchoServerTest {
    private static final int CONNECTIONS = 10_000;
    private static final int BYTES_PER_CONNECTION = 16 * 1024;
    /** The load generator's own time limit; it stops by itself when reached. */
    private static final int LOAD_SECONDS = 50;
    /** How long the test waits for the load generator before killing it. */
    private static final int HARD_TIMEOUT_SECONDS = 60;

    @Test
    void demoServesAHundredClientsOnOneScheduler() {
        assertEquals("""
                server: 100 connections, 100000 bytes echoed, 0 open
                clients: 100 of 100 got back exactly what they sent
                """, Stdout.of(() -> EchoServer.main(new String[0])));
    }

    /**
     * The server runs in this JVM, on one thread (the scheduler's); the load generator in a JVM of
     * its own, since each side holds 10,000 sockets open at once. It connects all 10,000 before
     * sending, and closes none before every one has had its echo, so the server has them all open
     * together.
     */
    @Test
    @Timeout(HARD_TIMEOUT_SECONDS + 30)
    void servesTenThousandConcurrentLoopbackConnectionsOnOneThread(@TempDir Path dir) throws Exception {
        long freeFiles = freeFileDescriptors();
        assumeTrue(freeFiles >= CONNECTIONS + 200, "skipped: the echo server needs " + (CONNECTIONS + 200)
                + " free file descriptors, this process may open only " + freeFiles + " more (ulimit -n)");

        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        Scheduler sched = new Scheduler((tid, failure) -> failures.add(failure));
        TaskServerSocket listener = TaskServerSocket.bind(new InetSocketAddress("127.0.0.1", 0), 4096);
        int port = listener.localAddress().getPort();
        EchoServer.Stats stats = new EchoServer.Stats();
        sched.spawn(EchoServer.server(listener, CONNECTIONS, stats));
        Thread server = new Thread(() -> {
            try (sched) {
                sched.run();
            }
        }, "echo server");

        long start = System.nanoTime();
        server.start();
        Path out = dir.resolve("load.out");
        Path err = dir.resolve("load.err");
        Process load = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classesDirectory(), LoadGenerator.class.getName(),
                "127.0.0.1", Integer.toString(port), Integer.toString(CONNECTIONS),
                Integer.toString(BYTES_PER_CONNECTION), Integer.toString(LOAD_SECONDS))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        boolean exited = load.waitFor(HARD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) load.destroyForcibly().waitFor();
        server.join(10_000); // the last handlers end as the last connections close
        boolean serverStopped = !server.isAlive();
        if (!serverStopped) {
            sched.shutdown();
            server.join();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        String printed = Files.readString(out) + Files.readString(err);
        assertTrue(exited, "the load generator was still running after " + HARD_TIMEOUT_SECONDS + " s: " + printed);
        long total = (long) CONNECTIONS * BYTES_PER_CONNECTION;
        assertEquals("connections=10000 connected=10000 echoed=10000 closed=10000 sent=" + total
                + " received=" + total + " wrong=0 OK", printed.lines().findFirst().orElse(""), printed);
        assertEquals(0, load.exitValue(), printed);
        assertTrue(serverStopped, "the server had not stopped 10 s after the load generator");
        assertEquals(List.of(), failures);
        assertEquals(CONNECTIONS, stats.accepted());
        assertEquals(CONNECTIONS, stats.peakOpen());
        assertEquals(0, stats.open());
        assertEquals(total, stats.bytesEchoed());
        assertTrue(millis < (HARD_TIMEOUT_SECONDS + 10) * 1000L, millis + " ms");
        System.out.printf("echo server, %d connections x %d bytes: %d ms in all (load generator: %s)%n",
                CONNECTIONS, BYTES_PER_CONNECTION, millis, printed.lines().skip(1).findFirst().orElse("?"));
    }

    /** Descriptors this process may still open: its limit ({@code ulimit -n}) less those open now. */
    private static long freeFileDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
        }
        return 0; // not a Unix: don't try
    }

    /** Where {@link LoadGenerator} was loaded from: it needs nothing else (plain NIO, no coroutines). */
    private static String classesDirectory() throws URISyntaxException {
        return Path.of(LoadGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
