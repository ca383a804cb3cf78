package dev.coro.fuzz.lib;

import java.util.List;

/** A resource for try-with-resources: logs its opening and closing, and can throw from {@code close}. */
public final class Res implements AutoCloseable {
    private final List<String> log;
    private final String name;
    private final int failOnClose;

    public Res(List<String> log, String name) {
        this(log, name, -1);
    }

    /** {@code failOnClose >= 0}: {@code close} throws {@code FuzzException(failOnClose)} after logging. */
    public Res(List<String> log, String name, int failOnClose) {
        this.log = log;
        this.name = name;
        this.failOnClose = failOnClose;
        log.add("open " + name);
    }

    public int id() {
        return name.length();
    }

    @Override
    public void close() {
        log.add("close " + name);
        if (failOnClose >= 0) throw new FuzzException(failOnClose);
    }
}
