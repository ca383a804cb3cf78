package dev.coro.weaver;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drift guard of docs/diagnostics.md: a section for every {@link Diagnostic.Code}, in the enum's
 * order, each with an example as printed and, word for word, the code's {@link Diagnostic.Code#remedy()}.
 */
class DiagnosticsDocTest {
    private static final Path DOC = Path.of("../docs/diagnostics.md");
    /** {@code File.java:12: pkg.C.m(): message}, or a class file's {@code C.class: pkg.C: message}. */
    private static final Pattern EXAMPLE = Pattern.compile("    [\\w$]+\\.(java:\\d+: \\S+\\(\\)|class: \\S+): \\S.*");

    private static Map<String, List<String>> sections() throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("## ")) {
                current = new ArrayList<>();
                out.put(line.substring(3).replace("`", ""), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return out;
    }

    @Test
    void everyCodeHasASectionInTheEnumsOrder() throws Exception {
        assertEquals(Arrays.stream(Diagnostic.Code.values()).map(Enum::name).toList(), List.copyOf(sections().keySet()));
    }

    @Test
    void eachSectionHasAnExampleAsPrintedAndTheCodesRemedy() throws Exception {
        Map<String, List<String>> sections = sections();
        for (Diagnostic.Code code : Diagnostic.Code.values()) {
            List<String> lines = sections.getOrDefault(code.name(), List.of());
            assertTrue(lines.stream().anyMatch(l -> EXAMPLE.matcher(l).matches()), code + ": no example as printed");
            assertEquals(List.of("What to do: " + code.remedy()),
                    lines.stream().filter(l -> l.startsWith("What to do: ")).toList(), code.name());
        }
    }
}
