package dev.coro;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Without the agent or the plugin, every Yield call says what is missing and where it was called. */
class UnwovenYieldTest {

    static final class Caller {
        static Object callAwait() {
            return Yield.await();
        }
    }

    private static String expected(String call, String where) {
        return "Yield." + call + "() called in " + where + ", which was not woven into a coroutine: annotate the"
                + " method with @dev.coro.Coroutine and run with -javaagent:coro-agent.jar or build with the"
                + " coro-maven-plugin";
    }

    @Test
    void awaitNamesTheCallingClassAndMethod() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Caller::callAwait);
        assertEquals(expected("await", "dev.coro.UnwovenYieldTest$Caller.callAwait"), e.getMessage());
    }

    @Test
    void everyMarkerThrows() {
        // each call is in a lambda: javac names their methods lambda$everyMarkerThrows$0, $1, ...
        String here = "dev.coro.UnwovenYieldTest.lambda$everyMarkerThrows$";
        assertEquals(expected("value", here + 0), assertThrows(IllegalStateException.class, () -> Yield.value(1)).getMessage());
        assertEquals(expected("done", here + 1), assertThrows(IllegalStateException.class, () -> Yield.done()).getMessage());
        assertEquals(expected("done", here + 2), assertThrows(IllegalStateException.class, () -> Yield.done(2)).getMessage());
        assertEquals(expected("from", here + 3),
                assertThrows(IllegalStateException.class, () -> Yield.from(java.util.List.of(1))).getMessage());
    }
}
