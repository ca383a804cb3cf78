import dev.coro.*;

class Good {
    @Coroutine static Coro<Integer, Void, Void> fine() {
        Yield.value(1);
        return Yield.done();
    }
}
