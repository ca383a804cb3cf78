package inc;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

public class Gen {
    @Coroutine
    public static Coro<String, Void, Void> letters() {
        for (char c = 'a'; c <= 'c'; c++) {
            Yield.value(String.valueOf(c));
        }
        return Yield.done();
    }
}
