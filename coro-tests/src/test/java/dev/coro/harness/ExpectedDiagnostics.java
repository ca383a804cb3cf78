package dev.coro.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the diagnostics a rejection fixture expects from its source: each line ending in
 * {@code // expect-diagnostic: CODE: TEXT} expects a diagnostic of that code with message TEXT
 * reported at that line.
 */
public final class ExpectedDiagnostics {
    private ExpectedDiagnostics() {}

    private static final String MARK = "// expect-diagnostic:";

    /** An expected diagnostic: its line, code (a {@code Diagnostic.Code}'s name) and message. */
    public record Expected(int line, String code, String message) {}

    public static Path source(String className) {
        return Path.of("src/test/java", className.replace('.', '/') + ".java");
    }

    public static List<Expected> of(String className) throws IOException {
        List<String> lines = Files.readAllLines(source(className));
        List<Expected> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int at = lines.get(i).indexOf(MARK);
            if (at < 0) continue;
            String text = lines.get(i).substring(at + MARK.length()).trim();
            int colon = text.indexOf(": ");
            if (colon < 0 || !text.substring(0, colon).matches("[A-Z_]+")) {
                throw new IllegalArgumentException(className + ":" + (i + 1) + ": write " + MARK + " CODE: message");
            }
            out.add(new Expected(i + 1, text.substring(0, colon), text.substring(colon + 2)));
        }
        return out;
    }
}
