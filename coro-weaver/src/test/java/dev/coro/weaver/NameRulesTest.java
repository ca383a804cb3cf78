package dev.coro.weaver;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link NameRules}: the JVM's rules for names and descriptors (JVMS 4.2, 4.3), each shown on what it accepts. */
class NameRulesTest {
    private static List<String> accepted(Predicate<String> rule, String... candidates) {
        return java.util.Arrays.stream(candidates).filter(rule).toList();
    }

    @Test
    void unqualifiedNames() {
        assertEquals(List.of("x", "<init>", "$a-b"), accepted(s -> NameRules.isUnqualified(s, false),
                "x", "<init>", "$a-b", "", "a.b", "a;b", "a[b", "a/b", null));
        assertEquals(List.of("x", "$a-b"), accepted(s -> NameRules.isUnqualified(s, true), "x", "<init>", "$a-b", "a>b"));
    }

    @Test
    void classNamesAndClassConstants() {
        assertEquals(List.of("a", "a/b/C", "a/b$C"), accepted(NameRules::isClassName,
                "a", "a/b/C", "a/b$C", "", "/a", "a/", "a//b", "a.b", "[I"));
        assertEquals(List.of("a/b/C", "[I", "[[La/B;"), accepted(NameRules::isClassOrArray,
                "a/b/C", "[I", "[[La/B;", "[V", "[La/B", "[", null));
    }

    @Test
    void fieldAndMethodDescriptors() {
        assertEquals(List.of("I", "Ljava/lang/String;", "[[J", "[".repeat(255) + "I"), accepted(NameRules::isFieldDescriptor,
                "I", "Ljava/lang/String;", "[[J", "[".repeat(255) + "I", "[".repeat(256) + "I", "V", "L;", "La.b;",
                "Ljava/lang/String", "II", ""));
        assertEquals(List.of("()V", "(IJ)I", "([Ljava/lang/String;D)[La/B;"), accepted(NameRules::isMethodDescriptor,
                "()V", "(IJ)I", "([Ljava/lang/String;D)[La/B;", "()", "(V)V", "()VV", "(I", "I)V", "()Q", null));
    }
}
