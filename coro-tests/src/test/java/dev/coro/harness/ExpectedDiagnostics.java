package dev.coro.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the diagnostics a rejection fixture expects from its source: each line ending in
 * {@code // expect-diagnostic: TEXT} expects TEXT reported at that line.
 */
public final class ExpectedDiagnostics {
    private ExpectedDiagnostics() {}

    private static final String MARK = "// expect-diagnostic:";

    /** An expected diagnostic: its line and message. */
    public record Expected(int line, String message) {}

    public static Path source(String className) {
        return Path.of("src/test/java", className.replace('.', '/') + ".java");
    }

    public static List<Expected> of(String className) throws IOException {
        List<String> lines = Files.readAllLines(source(className));
        List<Expected> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int at = lines.get(i).indexOf(MARK);
            if (at >= 0) out.add(new Expected(i + 1, lines.get(i).substring(at + MARK.length()).trim()));
        }
        return out;
    }
}
