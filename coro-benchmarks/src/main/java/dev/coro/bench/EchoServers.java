package dev.coro.bench;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;
import dev.coro.bench.threads.Threads;
import dev.coro.examples.beazley.EchoServer;
import dev.coro.examples.beazley.LoadGenerator;
import dev.coro.examples.tasks.ReadWait;
import dev.coro.examples.tasks.Scheduler;
import dev.coro.examples.tasks.TaskServerSocket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server side of {@link EchoCompare}: the process each server runs in ({@code EchoCompare serve ...}),
 * the coro server on Beazley's scheduler or a thread-per-connection server, and what it counts.
 */
final class EchoServers {
    private EchoServers() {}

    /**
     * {@code serve KIND WARMUP_CONNECTIONS WARMUP_BYTES CONNECTIONS BYTES SECONDS}: prints {@code listening PORT};
     * once the warm-up's connections have come and gone, takes the baseline and prints {@code baseline}; takes the
     * peak once every byte of the measured connections has been echoed; and when they are all closed (or after
     * SECONDS, or on a failure) prints {@code result k=v ... [error=...]} and exits.
     */
    static void serve(String[] args) throws Exception {
        String kind = args[1];
        int warmN = Integer.parseInt(args[2]);
        int warmBytes = Integer.parseInt(args[3]);
        int n = Integer.parseInt(args[4]);
        int bytes = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        Counts counts = new Counts(warmN, n, (long) warmN * warmBytes + (long) n * bytes, (long) n * bytes);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            } catch (InterruptedException e) {
                return;
            }
            counts.finish("the server's time limit (" + seconds + " s) was reached");
        }, "echo-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            if (kind.equals("coro")) {
                serveCoro(counts);
            } else {
                serveThreads(kind, counts);
            }
            counts.finish(null);
        } catch (Throwable t) {
            counts.finish(t.toString());
        }
    }

    /** What a server counts and measures, and its one result line. */
    static final class Counts {
        final int warmN;
        final int n;
        final long totalBytes;
        final long measuredBytes;
        volatile Snapshot baseline;
        volatile Snapshot peak;
        /** Filled in by the coro server's monitor (on the scheduler's thread) or by the threads' counters. */
        volatile long accepted;
        volatile long peakOpen;
        volatile long bytesEchoed;
        final AtomicLong failures = new AtomicLong();
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        private boolean finished;

        /** Set by the coro server's monitor near the end of the echo: it wants to be woken more often. */
        volatile boolean nearPeak;

        Counts(int warmN, int n, long totalBytes, long measuredBytes) {
            this.warmN = warmN;
            this.n = n;
            this.totalBytes = totalBytes;
            this.measuredBytes = measuredBytes;
        }

        void failure(Throwable t) {
            if (failures.incrementAndGet() <= 3) t.printStackTrace(); // to the server's standard error
            firstFailure.compareAndSet(null, t.toString());
        }

        /** Prints the result line once and ends the process (a failure ends it at once, whatever is still running). */
        synchronized void finish(String error) {
            if (finished) return;
            finished = true;
            Snapshot b = baseline == null ? new Snapshot() : baseline;
            Snapshot p = peak == null ? new Snapshot() : peak;
            String line = "result accepted=" + accepted + " peakOpen=" + peakOpen + " bytesEchoed=" + bytesEchoed
                    + " failures=" + failures.get()
                    + " baseHeap=" + b.heapAfterGc + " baseRss=" + b.rss + " baseThreads=" + b.nativeThreads
                    + " peakHeapBefore=" + p.heapBeforeGc + " peakHeap=" + p.heapAfterGc + " peakRss=" + p.rss
                    + " peakHwm=" + p.hwm + " peakThreads=" + p.nativeThreads + " peakJavaThreads=" + p.javaThreads
                    + " gcMs=" + p.gcMillis;
            if (error == null && peak == null) error = "the peak was never reached: " + bytesEchoed + " of " + totalBytes + " bytes echoed";
            if (error == null && failures.get() > 0) error = failures.get() + " connections failed, the first with " + firstFailure.get();
            if (error != null) line += " error=" + error.replace('\n', ' ');
            System.out.println(line);
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    /** Memory and threads of this process at one moment. */
    static final class Snapshot {
        long heapBeforeGc = -1;
        long heapAfterGc = -1;
        long rss = -1;
        long hwm = -1;
        long nativeThreads = -1;
        long javaThreads = -1;
        long gcMillis = -1;

        static Snapshot take() {
            Snapshot s = new Snapshot();
            s.heapBeforeGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long start = System.nanoTime();
            s.heapAfterGc = Footprint.usedAfterGc();
            s.gcMillis = (System.nanoTime() - start) / 1_000_000;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) s.rss = kib(line);
                    else if (line.startsWith("VmHWM:")) s.hwm = kib(line);
                    else if (line.startsWith("Threads:")) s.nativeThreads = Long.parseLong(line.substring(8).trim());
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: left at -1
            }
            s.javaThreads = ManagementFactory.getThreadMXBean().getThreadCount();
            return s;
        }

        private static long kib(String line) {
            return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
    }

    // ---- coro: the examples' EchoServer on one Scheduler, and a task that takes the measurements

    static void serveCoro(Counts counts) throws IOException {
        BusPositionsBench.checkWoven(); // the examples' coroutines, EchoServer's among them
        WovenGuard.check(); // this module's, the monitor among them
        Scheduler sched = new Scheduler((tid, failure) -> counts.failure(failure));
        TaskServerSocket listener = TaskServerSocket.bind(new InetSocketAddress("127.0.0.1", 0), EchoCompare.BACKLOG);
        EchoServer.Stats stats = new EchoServer.Stats();
        sched.spawn(EchoServer.server(listener, counts.warmN + counts.n, stats));
        Pipe ticks = Pipe.open();
        ticks.source().configureBlocking(false);
        AtomicInteger monitoring = new AtomicInteger(1);
        Thread ticker = new Thread(() -> {
            ByteBuffer tick = ByteBuffer.allocate(1);
            try {
                while (monitoring.get() == 1) {
                    tick.clear();
                    ticks.sink().write(tick);
                    LockSupport.parkNanos(counts.nearPeak ? 200_000 : 10_000_000);
                }
            } catch (IOException e) {
                // the server is done
            }
        }, "echo-ticker");
        ticker.setDaemon(true);
        ticker.start();
        sched.spawn(monitor(ticks.source(), stats, counts));
        System.out.println("listening " + listener.localAddress().getPort());
        System.out.flush();
        try (sched) {
            sched.run();
        }
        monitoring.set(0);
        counts.accepted = stats.accepted();
        counts.peakOpen = stats.peakOpen();
        counts.bytesEchoed = stats.bytesEchoed();
    }

    /**
     * A task on the server's scheduler, woken every 10 ms by a byte in {@code ticks} (every 0.2 ms in the
     * last tenth of the echo, so that the peak is taken before the load generator's first connections
     * close): it reads the server's counts on the scheduler's own thread, takes the baseline once the
     * warm-up's connections are gone and the peak once every byte has been echoed (while it measures,
     * nothing else runs on the scheduler), and ends then.
     */
    @Coroutine
    static Coro<Object, Object, Void> monitor(Pipe.SourceChannel ticks, EchoServer.Stats stats, Counts counts) {
        ByteBuffer drain = ByteBuffer.allocate(256);
        while (!observe(stats, counts)) {
            Yield.value(new ReadWait(ticks));
            drain(ticks, drain);
        }
        return Yield.done();
    }

    /** True when the monitor is done. */
    static boolean observe(EchoServer.Stats stats, Counts counts) {
        counts.accepted = stats.accepted();
        counts.peakOpen = stats.peakOpen();
        counts.bytesEchoed = stats.bytesEchoed();
        if (counts.baseline == null) {
            if (stats.accepted() == counts.warmN && stats.open() == 0) {
                counts.baseline = Snapshot.take();
                System.out.println("baseline");
                System.out.flush();
            }
            return false;
        }
        if (stats.bytesEchoed() >= counts.totalBytes - counts.measuredBytes / 10) counts.nearPeak = true;
        if (counts.peak == null && stats.bytesEchoed() == counts.totalBytes) counts.peak = Snapshot.take();
        return counts.peak != null || stats.accepted() == counts.warmN + counts.n && stats.open() == 0;
    }

    static void drain(Pipe.SourceChannel ticks, ByteBuffer into) {
        try {
            do {
                into.clear();
            } while (ticks.read(into) > 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- platform and virtual threads: a thread per connection, blocking I/O

    static void serveThreads(String kind, Counts counts) throws Exception {
        Function<Runnable, Thread> threads;
        if (kind.equals("platform")) {
            threads = body -> {
                Thread t = new Thread(null, body, "echo", EchoCompare.PLATFORM_STACK);
                t.setDaemon(true);
                return t;
            };
        } else if (kind.equals("virtual")) {
            threads = Threads.virtual();
        } else {
            throw new IllegalArgumentException("unknown server " + kind);
        }
        int all = counts.warmN + counts.n;
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peakOpen = new AtomicInteger();
        AtomicLong echoed = new AtomicLong();
        CountDownLatch warmDone = new CountDownLatch(counts.warmN);
        CountDownLatch allDone = new CountDownLatch(all);
        CountDownLatch allEchoed = new CountDownLatch(1);
        CountDownLatch peakTaken = new CountDownLatch(1);
        Thread peakTaker = new Thread(() -> {
            try {
                allEchoed.await();
                counts.peak = Snapshot.take();
                peakTaken.countDown();
            } catch (InterruptedException e) {
                // the server is done
            }
        }, "echo-peak");
        peakTaker.setDaemon(true);
        peakTaker.start();

        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), EchoCompare.BACKLOG);
            System.out.println("listening " + listener.getLocalPort());
            System.out.flush();
            for (int i = 0; i < all; i++) {
                if (i == counts.warmN) {
                    warmDone.await();
                    counts.baseline = Snapshot.take();
                    System.out.println("baseline");
                    System.out.flush();
                }
                Socket socket = listener.accept();
                counts.accepted = i + 1;
                peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                boolean warm = i < counts.warmN;
                Runnable echo = () -> {
                    try (socket) {
                        InputStream in = socket.getInputStream();
                        OutputStream out = socket.getOutputStream();
                        byte[] buffer = new byte[EchoServer.BUFFER_SIZE];
                        for (int r; (r = in.read(buffer)) > 0; ) {
                            // counted before it is sent, as EchoServer counts: the load generator closes no
                            // connection before every byte is back, so a handler that reads the end of the stream
                            // sees the total, and waits for the peak to be taken before it closes its connection
                            if (echoed.addAndGet(r) == counts.totalBytes) allEchoed.countDown();
                            out.write(buffer, 0, r);
                        }
                        if (!warm && echoed.get() == counts.totalBytes) peakTaken.await(60, TimeUnit.SECONDS);
                        Reference.reachabilityFence(buffer); // held while the connection is, as EchoServer's task holds its
                    } catch (IOException | RuntimeException | InterruptedException e) {
                        counts.failure(e);
                    } finally {
                        open.decrementAndGet();
                        if (warm) warmDone.countDown();
                        allDone.countDown();
                    }
                };
                try {
                    threads.apply(echo).start();
                } catch (OutOfMemoryError | RuntimeException e) {
                    counts.peakOpen = peakOpen.get();
                    counts.bytesEchoed = echoed.get();
                    counts.finish("cannot start " + kind + " thread " + (i + 1) + " of " + all + " (" + open.get()
                            + " open): " + e);
                }
            }
            if (counts.warmN == all) {
                warmDone.await();
                counts.baseline = Snapshot.take();
                System.out.println("baseline");
                System.out.flush();
            }
        }
        allDone.await();
        counts.peakOpen = peakOpen.get();
        counts.bytesEchoed = echoed.get();
    }
}
