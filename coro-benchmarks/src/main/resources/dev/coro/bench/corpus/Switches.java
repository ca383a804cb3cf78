package dev.coro.bench.corpus;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.util.ArrayList;
import java.util.List;

/** (F) weaving corpus: yields in table, lookup, String and enum switches, switch expressions and selectors. */
public final class Switches {
    private Switches() {}

    public enum Color { RED, GREEN, BLUE }

    @Coroutine
    @SuppressWarnings("fallthrough")
    public static Coro<String, Integer, Integer> dense(int... ks) {
        int acc = 0;
        for (int k : ks) {
            switch (k) {
                case 0:
                    acc += Yield.<Integer>value("zero");
                    break;
                case 1:
                    acc += 1;
                    // fall through
                case 2:
                    acc += Yield.<Integer>value("one-or-two:" + k);
                    break;
                case 3:
                    acc--;
                    break;
                case 4:
                    acc *= Yield.<Integer>value("four");
                    // fall through
                default:
                    acc -= 1;
            }
        }
        return Yield.done(acc);
    }

    @Coroutine
    public static Coro<String, Integer, String> sparse() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            switch (Yield.<Integer>value("key?")) {
                case -1000:
                    sb.append(Yield.<Integer>value("neg"));
                    break;
                case 7:
                    sb.append('7');
                    break;
                case 1_000_000:
                    sb.append("M").append(Yield.<Integer>value("million") * 2L);
                    break;
                case Integer.MIN_VALUE:
                    return Yield.done(sb.toString());
                default:
                    sb.append('?');
            }
            sb.append('.');
        }
    }

    @Coroutine
    public static Coro<String, String, List<String>> words() {
        List<String> out = new ArrayList<>();
        String w = Yield.value("start");
        while (w != null) {
            switch (w) {
                case "Aa":
                    out.add("Aa:" + Yield.value("hash-twin of BB"));
                    break;
                case "BB":
                    out.add("BB:" + Yield.value("hash-twin of Aa"));
                    break;
                case "stop":
                    return Yield.done(out);
                default:
                    out.add(w);
            }
            w = Yield.value("next");
        }
        return Yield.done(out);
    }

    @Coroutine
    public static Coro<Color, Color, Integer> colors(Color start) {
        int score = 0;
        Color c = start;
        while (c != null) {
            int delta = switch (c) {
                case RED -> 1;
                case GREEN -> {
                    Color seen = Yield.value(Color.GREEN);
                    yield seen == null ? 0 : seen.ordinal() * 10;
                }
                case BLUE -> 100;
            };
            score += delta;
            c = Yield.value(c);
        }
        return Yield.done(score);
    }

    @Coroutine
    public static Coro<Object, Object, String> describe() {
        StringBuilder sb = new StringBuilder();
        Object o;
        while ((o = Yield.value(sb.length())) != null) {
            String kind = switch (o.getClass().getSimpleName()) {
                case "Integer", "Long" -> "number " + Yield.value("which base?");
                case "String" -> "text";
                default -> "other";
            };
            sb.append(kind).append(';');
        }
        return Yield.done(sb.toString());
    }
}
