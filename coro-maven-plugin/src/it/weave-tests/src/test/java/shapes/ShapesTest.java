package shapes;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShapesTest {
    /**
     * A test helper coroutine. The shape is live across a Yield and its frame type is the common
     * superclass of Circle and Square, which the weaver reads from target/classes on the test classpath.
     */
    @Coroutine
    static Coro<String, Void, Void> names(int n) {
        for (int i = 0; i < n; i++) {
            Shape s = i % 2 == 0 ? new Circle() : new Square();
            Yield.value("#" + i);
            Yield.value(s.name());
        }
        return Yield.done();
    }

    @Test
    void theHelperRunsWoven() {
        List<String> got = new ArrayList<>();
        names(3).forEach(got::add);
        assertEquals(List.of("#0", "circle", "#1", "square", "#2", "circle"), got);
    }
}
