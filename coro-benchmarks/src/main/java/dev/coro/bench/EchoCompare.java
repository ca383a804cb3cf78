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
 * Beazley's echo server against the usual ways of writing one: the same echo workload served by
 *
 * <ul>
 *   <li>{@code coro}: the examples' {@link EchoServer}, a task per connection on coro's one-thread
 *       {@link Scheduler} (non-blocking NIO, one {@code Selector});</li>
 *   <li>{@code platform}: a platform thread per connection, blocking {@code java.net.Socket} I/O, each
 *       thread with a {@value #PLATFORM_STACK_KIB} KiB stack (so 10,000 of them fit);</li>
 *   <li>{@code virtual}: a virtual thread per connection, the same blocking code (JDK 21 and later; on
 *       earlier JDKs the line says it was skipped).</li>
 * </ul>
 *
 * <p>Every server reads into an 8 KiB buffer per connection ({@link EchoServer#BUFFER_SIZE}) and
 * writes back what it read, on 127.0.0.1, in a JVM of its own ({@code -Xmx1g -XX:+UseSerialGC}). The
 * client is the examples' {@link LoadGenerator} (plain NIO, one thread), in a third JVM, run as
 * {@code EchoServerTest} runs it ({@code LoadGenerator HOST PORT CONNECTIONS BYTES SECONDS}): it opens
 * every connection, then sends each its bytes and reads the echo back, checking every byte, and only
 * when all have their echo closes them. A first, smaller load-generator run warms the server up.
 *
 * <p><b>Throughput</b> is bytes echoed per second in the load generator's echo phase: connections x
 * bytes per connection divided by the time from every connection being open to every connection
 * having its whole echo back. <b>Memory</b> is taken by the server once it has echoed every byte
 * (every connection still open, none closed until it is done: the peak): heap in use after full collections, the process's
 * resident set ({@code VmRSS} of {@code /proc/self/status}) and its native threads; and the same
 * after the warm-up, before the measured connections, so the growth per connection is reported too.
 *
 * <pre>
 * java -cp benchmarks.jar dev.coro.bench.EchoCompare [--workloads 1000x65536,10000x16384] [--servers coro,platform,virtual]
 *      [--runs 1] [--warmup 500x16384] [--seconds 60]
 * </pre>
 *
 * <p>Prints one JSON object per (server, connections) on standard output, progress on standard
 * error. Everything is bounded: the load generator gives up after {@code --seconds}, and is killed
 * 15 s later; each server gives up (and says so) after twice that; a server that fails (a platform
 * thread that cannot be started) says why and exits, so its load generator fails fast.
 */
public final class EchoCompare {
    private EchoCompare() {}

    static final int PLATFORM_STACK_KIB = 256;
    static final long PLATFORM_STACK = PLATFORM_STACK_KIB * 1024L;
    static final int BACKLOG = 4096;
    static final List<String> SERVERS = List.of("coro", "platform", "virtual");

    // ------------------------------------------------------------------ the comparison (the parent JVM)

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("serve")) {
            EchoServers.serve(args);
            return;
        }
        List<int[]> workloads = workloads("1000x65536,10000x16384");
        List<String> servers = SERVERS;
        int runs = 1;
        int[] warmup = {500, 16384};
        int seconds = 60;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--workloads": workloads = workloads(value); i++; break;
                case "--servers": servers = List.of(value.split(",")); i++; break;
                case "--runs": runs = Integer.parseInt(value); i++; break;
                case "--warmup": warmup = workloads(value).get(0); i++; break;
                case "--seconds": seconds = Integer.parseInt(value); i++; break;
                default:
                    System.err.println("usage: EchoCompare [--workloads NxBYTES,...] [--servers coro,platform,virtual]"
                            + " [--runs R] [--warmup NxBYTES] [--seconds S]");
                    System.exit(2);
            }
        }
        long freeFiles = maxFileDescriptors();
        for (int[] w : workloads) {
            int n = w[0];
            int bytes = w[1];
            Map<String, List<Map<String, Object>>> results = new LinkedHashMap<>();
            Map<String, Long> millis = new LinkedHashMap<>();
            for (int r = 0; r < runs; r++) {
                for (String server : servers) {
                    if (skipReason(server, n, freeFiles) != null) continue;
                    long start = System.nanoTime();
                    System.err.printf("EchoCompare: %s, %,d connections x %,d bytes, run %d of %d%n", server, n, bytes, r + 1, runs);
                    Map<String, Object> run;
                    try {
                        run = runOnce(server, n, bytes, warmup, seconds);
                    } catch (Exception e) { // recorded, as a failed run, and the others go on
                        run = new LinkedHashMap<>();
                        run.put("error", "EchoCompare: " + e);
                    }
                    System.err.println("EchoCompare:   " + run);
                    results.computeIfAbsent(server, s -> new ArrayList<>()).add(run);
                    millis.merge(server, (System.nanoTime() - start) / 1_000_000, Long::sum);
                }
            }
            for (String server : servers) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("server", server);
                line.put("connections", n);
                line.put("bytesPerConnection", bytes);
                String skipped = skipReason(server, n, freeFiles);
                if (skipped != null) {
                    line.put("skipped", skipped);
                } else {
                    summarise(line, results.get(server));
                    line.put("wallSeconds", millis.get(server) / 1000.0);
                }
                line.put("warmup", warmup[0] + "x" + warmup[1]);
                line.put("jdk", Runtime.version().toString());
                System.out.println(JsonLine.of(line));
                System.out.flush();
            }
        }
    }

    static List<int[]> workloads(String spec) {
        List<int[]> out = new ArrayList<>();
        for (String w : spec.split("[, ]+")) {
            if (w.isEmpty()) continue;
            String[] parts = w.split("x");
            out.add(new int[] {Integer.parseInt(parts[0].replace("_", "")), Integer.parseInt(parts[1].replace("_", ""))});
        }
        return out;
    }

    static String skipReason(String server, int n, long freeFiles) {
        if (server.equals("virtual") && Runtime.version().feature() < 21) {
            return "virtual threads need JDK 21 or later (this is " + Runtime.version() + ")";
        }
        if (!SERVERS.contains(server)) return "unknown server " + server + " (coro, platform, virtual)";
        if (freeFiles < n + 200L) {
            return "needs " + (n + 200) + " file descriptors per process, the limit is " + freeFiles + " (ulimit -Hn)";
        }
        return null;
    }

    /** The medians over the runs that worked, and the first failure if there was one. */
    static void summarise(Map<String, Object> line, List<Map<String, Object>> runs) {
        List<Map<String, Object>> ok = new ArrayList<>();
        String error = null;
        for (Map<String, Object> r : runs) {
            if (r.containsKey("error")) {
                if (error == null) error = (String) r.get("error");
            } else {
                ok.add(r);
            }
        }
        line.put("runs", runs.size());
        line.put("okRuns", ok.size());
        if (error != null) line.put("error", error);
        if (ok.isEmpty()) return;
        for (String key : List.of("echoBytesPerSecond", "connectMs", "echoMs", "closeMs", "heapAfterGcBytes",
                "heapPerConnectionBytes", "rssBytes", "rssPerConnectionBytes", "peakRssBytes", "nativeThreads",
                "javaThreads", "heapBeforeGcBytes", "baselineHeapAfterGcBytes", "baselineRssBytes", "peakOpen")) {
            List<Double> values = new ArrayList<>();
            for (Map<String, Object> r : ok) {
                Object v = r.get(key);
                if (v instanceof Number) values.add(((Number) v).doubleValue());
            }
            if (values.isEmpty()) continue;
            values.sort(null);
            int m = values.size() / 2;
            double median = values.size() % 2 == 1 ? values.get(m) : (values.get(m - 1) + values.get(m)) / 2;
            line.put(key, median == Math.rint(median) && Math.abs(median) < 1e15 ? (Object) (long) median : (Object) median);
            if (key.equals("echoBytesPerSecond")) line.put("echoBytesPerSecondRuns", values);
        }
    }

    /** One server process, a warm-up load generator, then the measured one. */
    static Map<String, Object> runOnce(String server, int n, int bytes, int[] warmup, int seconds) throws Exception {
        Map<String, Object> run = new LinkedHashMap<>();
        Path serverErr = Files.createTempFile("echo-server", ".err");
        Path loadOut = Files.createTempFile("echo-load", ".out");
        Process srv = null;
        try {
            srv = new ProcessBuilder(java(), "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    EchoCompare.class.getName(), "serve", server, Integer.toString(warmup[0]), Integer.toString(warmup[1]),
                    Integer.toString(n), Integer.toString(bytes), Integer.toString(2 * seconds + 30))
                    .redirectError(serverErr.toFile())
                    .start();
            BlockingQueue<String> lines = lines(srv);
            String listening = await(lines, "listening ", 30);
            if (listening == null) return failed(run, "the server did not start", srv, serverErr);
            int port = Integer.parseInt(listening.substring("listening ".length()).trim());

            if (warmup[0] > 0) {
                String[] warm = load(port, warmup[0], warmup[1], seconds, loadOut);
                if (warm == null || !warm[0].endsWith(" OK")) {
                    return failed(run, "warm-up: " + (warm == null ? "the load generator was killed" : warm[0]), srv, serverErr);
                }
            }
            if (await(lines, "baseline", 60) == null) return failed(run, "the server did not take its baseline", srv, serverErr);

            String[] measured = load(port, n, bytes, seconds, loadOut);
            // after a load that worked, the server ends as its last connections close; after one that failed it may
            // still wait for connections that will never come
            boolean loadOk = measured != null && measured[0].endsWith(" OK");
            if (!srv.waitFor(loadOk ? 30 : 3, TimeUnit.SECONDS)) {
                srv.destroyForcibly().waitFor();
            }
            String result = await(lines, "result ", 5);
            Map<String, String> fields = fields(result);
            if (measured == null) {
                return failed(run, "the load generator was still running " + (seconds + 15) + " s after it started", srv, serverErr);
            }
            Matcher summary = Pattern.compile("connections=(\\d+) connected=(\\d+) echoed=(\\d+) closed=(\\d+) sent=(\\d+)"
                    + " received=(\\d+) wrong=(\\d+) (.*)").matcher(measured[0]);
            Matcher timings = Pattern.compile("connect (\\d+) ms, echo (\\d+) ms, close (\\d+) ms").matcher(measured[1]);
            if (fields.containsKey("error")) {
                return failed(run, "server: " + fields.get("error") + "; load generator: " + measured[0], srv, serverErr);
            }
            if (!summary.matches() || !summary.group(8).equals("OK") || !timings.matches()) {
                return failed(run, "load generator: " + measured[0] + " " + measured[1], srv, serverErr);
            }
            long connectMs = Long.parseLong(timings.group(1));
            long echoMs = Long.parseLong(timings.group(2));
            long closeMs = Long.parseLong(timings.group(3));
            run.put("connectMs", connectMs);
            run.put("echoMs", echoMs);
            run.put("closeMs", closeMs);
            run.put("echoBytesPerSecond", (double) n * bytes / (Math.max(1, echoMs) / 1000.0));
            long baseHeap = num(fields, "baseHeap");
            long baseRss = num(fields, "baseRss");
            long heap = num(fields, "peakHeap");
            long rss = num(fields, "peakRss");
            run.put("heapAfterGcBytes", heap);
            run.put("heapPerConnectionBytes", (double) (heap - baseHeap) / n);
            run.put("rssBytes", rss);
            run.put("rssPerConnectionBytes", (double) (rss - baseRss) / n);
            run.put("peakRssBytes", num(fields, "peakHwm"));
            run.put("nativeThreads", num(fields, "peakThreads"));
            run.put("javaThreads", num(fields, "peakJavaThreads"));
            run.put("heapBeforeGcBytes", num(fields, "peakHeapBefore"));
            run.put("baselineHeapAfterGcBytes", baseHeap);
            run.put("baselineRssBytes", baseRss);
            run.put("peakOpen", num(fields, "peakOpen"));
            if (num(fields, "peakOpen") < n) {
                return failed(run, "the server had only " + num(fields, "peakOpen") + " connections open at once", srv, serverErr);
            }
            return run;
        } finally {
            if (srv != null && srv.isAlive()) srv.destroyForcibly().waitFor();
            Files.deleteIfExists(serverErr);
            Files.deleteIfExists(loadOut);
        }
    }

    /** Runs the load generator in a JVM of its own: its summary and timings lines, or null if it had to be killed. */
    static String[] load(int port, int n, int bytes, int seconds, Path out) throws Exception {
        Process load = new ProcessBuilder(java(), "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LoadGenerator.class.getName(), "127.0.0.1", Integer.toString(port), Integer.toString(n),
                Integer.toString(bytes), Integer.toString(seconds))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!load.waitFor(seconds + 15L, TimeUnit.SECONDS)) {
            load.destroyForcibly().waitFor();
            return null;
        }
        List<String> printed = Files.readAllLines(out, StandardCharsets.UTF_8);
        return new String[] {printed.isEmpty() ? "(nothing printed, exit " + load.exitValue() + ")" : printed.get(0),
                printed.size() > 1 ? printed.get(1) : ""};
    }

    static Map<String, Object> failed(Map<String, Object> run, String why, Process srv, Path serverErr) throws Exception {
        if (srv.isAlive()) srv.destroyForcibly().waitFor();
        String err = Files.exists(serverErr) ? Files.readString(serverErr).strip() : "";
        if (!err.isEmpty()) {
            String first = err.lines().filter(l -> l.contains("Exception") || l.contains("Error")).findFirst()
                    .orElse(err.lines().findFirst().orElse(""));
            why += " (server's standard error: " + first + ")";
        }
        run.put("error", why.length() > 400 ? why.substring(0, 400) + "..." : why);
        return run;
    }

    static BlockingQueue<String> lines(Process p) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.add(line);
            } catch (IOException ignored) {
                // the process was killed
            }
            lines.add("\u0000eof");
        }, "echo-server-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The next line that starts with {@code prefix}, or null at the end of the output or after {@code seconds}. */
    static String await(BlockingQueue<String> lines, String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) return null;
            if (line.equals("\u0000eof")) {
                lines.add(line); // later calls see the end too
                return null;
            }
            if (line.startsWith(prefix)) return line;
        }
    }

    /** {@code result k=v k=v ... error=rest of the line} as a map. */
    static Map<String, String> fields(String result) {
        Map<String, String> out = new LinkedHashMap<>();
        if (result == null) {
            out.put("error", "the server printed no result (killed after its time limit?)");
            return out;
        }
        String rest = result.substring("result ".length());
        int e = rest.indexOf("error=");
        if (e >= 0) {
            out.put("error", rest.substring(e + "error=".length()).trim());
            rest = rest.substring(0, e);
        }
        for (String kv : rest.trim().split(" +")) {
            int eq = kv.indexOf('=');
            if (eq > 0) out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }

    static long num(Map<String, String> fields, String key) {
        String v = fields.get(key);
        return v == null ? -1 : Long.parseLong(v);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static long maxFileDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean) {
            UnixOperatingSystemMXBean unix = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
        }
        return 0;
    }
}
