package demo;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

public class Main {
    @Coroutine
    static Coro<Integer, Void, String> countdown(int from) {
        for (int i = from; i > 0; i--) {
            Yield.value(i);
        }
        return Yield.done("liftoff");
    }

    @Coroutine(primed = true)
    static Coro<Void, String, Integer> shout(StringBuilder out) {
        int words = 0;
        String word;
        while ((word = Yield.await()) != null) {
            out.append(word.toUpperCase()).append(' ');
            words++;
        }
        return Yield.done(words);
    }

    public static void main(String[] args) {
        Coro<Integer, Void, String> countdown = countdown(3);
        for (int i : countdown) {
            System.out.println(i);
        }
        System.out.println(countdown.result());

        StringBuilder out = new StringBuilder();
        Coro<Void, String, Integer> shout = shout(out);
        shout.send("hello");
        shout.send("world");
        try {
            shout.send(null);
        } catch (dev.coro.StopIteration stop) {
            System.out.println(out + "(" + stop.value() + " words)");
        }
    }
}
