package dev.coro.bench.coro;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

/**
 * (H) 16 behaviourally identical Fibonacci generators, each its own coroutine type (its own frame
 * class), woven at build time. Generated once by hand from one template; keep them identical.
 */
public final class ManyTypes {
    private ManyTypes() {}

    /** A new generator of type {@code k} (0 .. 15). */
    public static Coro<Long, Void, Void> of(int k) {
        switch (k) {
            case 0: return gen0();
            case 1: return gen1();
            case 2: return gen2();
            case 3: return gen3();
            case 4: return gen4();
            case 5: return gen5();
            case 6: return gen6();
            case 7: return gen7();
            case 8: return gen8();
            case 9: return gen9();
            case 10: return gen10();
            case 11: return gen11();
            case 12: return gen12();
            case 13: return gen13();
            case 14: return gen14();
            case 15: return gen15();
            default: throw new IllegalArgumentException("type " + k);
        }
    }

    /** Type 0: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen0() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 1: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen1() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 2: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen2() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 3: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen3() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 4: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen4() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 5: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen5() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 6: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen6() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 7: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen7() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 8: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen8() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 9: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen9() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 10: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen10() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 11: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen11() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 12: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen12() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 13: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen13() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 14: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen14() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }

    /** Type 15: the same generator as every other here, its own frame class. */
    @Coroutine
    public static Coro<Long, Void, Void> gen15() {
        long a = 0, b = 1;
        while (true) {
            Yield.value(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }
}
