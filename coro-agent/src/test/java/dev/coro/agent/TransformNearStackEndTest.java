package dev.coro.agent;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The transformer called at every depth near the end of the thread stack: where weaving overflows,
 * it weaves on a fresh thread instead, so each call either overflows before it can do anything (as
 * any method call there would; the caller retries one frame up) or returns the woven class. It
 * never returns the class unwoven (null) after a weave that ran out of stack.
 */
class TransformNearStackEndTest {
    private static final int TRIALS = 6;

    @Test
    void everyCallThatRunsWeavesTheClass() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CoroTransformer transformer;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            transformer = new CoroTransformer(AgentOptions.parse(""));
        } finally {
            System.setErr(saved);
        }
        byte[] sample = WarmUp.coroutineClass(); // offered under another name: the agent skips its own package
        ClassLoader loader = getClass().getClassLoader();
        byte[] expected = transformer.transform(loader, "t/Sample", null, null, sample);
        assertNotNull(expected, captured.toString(StandardCharsets.UTF_8));
        int woven = 0;
        for (int i = 0; i < TRIALS; i++) {
            Object got = atTheEdge(() -> transformer.transform(loader, "t/Sample", null, null, sample));
            if (got instanceof byte[] b && Arrays.equals(expected, b)) woven++;
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
        assertEquals(TRIALS, woven);
    }

    /**
     * Recurses until the stack overflows, then calls {@code action} at every depth on the way back
     * up, from the deepest; returns what the first call that did not overflow returned (null included).
     */
    static Object atTheEdge(java.util.function.Supplier<Object> action) {
        try {
            return atTheEdge(action);
        } catch (StackOverflowError e) {
            return action.get();
        }
    }
}
