import dev.coro.*;

class Demo {
    static final Object LOCK = new Object();

    @Coroutine static Coro<Integer, Void, Void> bad() {
        synchronized (LOCK) { Yield.value(1); }
        return Yield.done();
    }

    @Coroutine static synchronized Coro<Integer, Void, Void> worse() {
        Yield.value(2);
        return Yield.done();
    }
}
