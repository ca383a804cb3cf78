package dev.coro.examples.beazley;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the complete lines of a file that another process is still writing. Unlike
 * {@code BufferedReader.readLine}, it never returns a line the writer has only half written: bytes
 * after the last line end wait until the rest of their line arrives.
 */
final class TailReader implements AutoCloseable {
    private final FileChannel channel;
    /** Bytes read from the file and not yet looked at, in read mode. */
    private final ByteBuffer buffer = ByteBuffer.allocate(8192).flip();
    /** The bytes of the line being read so far. */
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    TailReader(Path file) {
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next complete line (UTF-8, without its {@code \n} or {@code \r\n}), or {@code null} when
     * the file holds no complete line past those already returned: Python's {@code readline()}
     * returning {@code ""}.
     */
    String readLine() {
        try {
            while (true) {
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') return takeLine();
                    line.write(b);
                }
                buffer.clear();
                int n = channel.read(buffer);
                buffer.flip();
                if (n <= 0) return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String takeLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
