package v;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Compiled at each --release by ClassVersionsTest, then woven and run. Java 8 syntax only. */
public class Gen {
    static class Animal { public String toString() { return getClass().getSimpleName(); } }
    static class Cat extends Animal {}
    static class Dog extends Animal {}

    @Coroutine
    static Coro<Object, String, String> mix(List<String> log, boolean cats) {
        Animal a = cats ? new Cat() : new Dog();          // merge of two classes: needs the hierarchy
        long total = 1L << 40;
        IntUnaryOperator twice = x -> 2 * x;
        List<String> seen = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                String s = Yield.value(a + ":" + twice.applyAsInt(i) + ":" + total);
                switch (s == null ? "" : s) {
                    case "stop": return Yield.done("stopped at " + i);
                    case "": break;
                    default: seen.add(s); total += s.length();
                }
            }
        } finally {
            log.add("finally " + seen);
        }
        return Yield.done("seen " + seen + " total " + total);
    }
}
