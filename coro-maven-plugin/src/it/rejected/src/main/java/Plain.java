import dev.coro.*;

class Plain {
    static void notACoroutine() {
        Yield.await();
    }
}
