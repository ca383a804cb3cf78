package dev.coro.bench.corpus;

import dev.coro.Coro;
import dev.coro.CoroutineExit;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** (F) weaving corpus: yields inside try/finally, try/catch, try-with-resources, catching CoroutineExit. */
public final class Finally {
    private Finally() {}

    public static final class Res implements AutoCloseable {
        final List<String> log;
        final String name;

        public Res(List<String> log, String name) {
            this.log = log;
            this.name = name;
            log.add("open " + name);
        }

        @Override
        public void close() {
            log.add("close " + name);
        }
    }

    @Coroutine
    public static Coro<Integer, Void, Void> guarded(List<String> log) {
        try {
            for (int i = 0; ; i++) {
                Yield.value(i);
            }
        } finally {
            log.add("finally ran");
        }
    }

    @Coroutine
    public static Coro<String, String, Integer> withResources(List<String> log, String a, String b) {
        int n = 0;
        try (Res r1 = new Res(log, a); Res r2 = new Res(log, b)) {
            String s = Yield.value(r1.name);
            while (s != null) {
                n++;
                s = Yield.value(r2.name + s);
            }
        }
        return Yield.done(n);
    }

    @Coroutine
    public static Coro<Integer, Integer, String> retrying(int attempts) {
        int failures = 0;
        for (int i = 0; i < attempts; i++) {
            try {
                Integer r = Yield.value(i);
                if (r == null) throw new IOException("no answer to " + i);
                if (r < 0) throw new IllegalArgumentException("negative " + r);
                return Yield.done("ok after " + failures);
            } catch (IOException e) {
                failures++;
            } catch (IllegalArgumentException e) {
                failures += 2;
                Yield.value(-1);
            } finally {
                if (failures > attempts) throw new UncheckedIOException(new IOException("gave up"));
            }
        }
        return Yield.done("failed " + failures);
    }

    @Coroutine
    public static Coro<String, Void, String> cleanUpOnClose(List<String> log) {
        int i = 0;
        try {
            while (true) {
                Yield.value("tick " + i++);
            }
        } catch (CoroutineExit e) {
            log.add("closed after " + i);
            throw e;
        } finally {
            log.add("done");
        }
    }

    @Coroutine
    public static Coro<Long, Void, Void> nested(List<String> log, long n) {
        try {
            for (long i = 0; i < n; i++) {
                try {
                    Yield.value(i);
                    if (i % 2 == 0) continue;
                    try {
                        Yield.value(-i);
                    } finally {
                        log.add("inner " + i);
                    }
                } catch (RuntimeException e) {
                    log.add("caught " + e.getMessage());
                    Yield.value(Long.MIN_VALUE);
                }
            }
        } finally {
            log.add("outer");
        }
        return Yield.done();
    }
}
