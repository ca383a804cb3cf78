package dev.coro.examples;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.StopIteration;
import dev.coro.Yield;

/** A coroutine that is sent numbers and answers each with the running average, then returns a result. */
public final class Averager {
    private Averager() {}

    /**
     * Python's {@code term = yield average}: each value sent in is the result of the {@code Yield}
     * that yielded the previous average.
     *
     * <pre>
     * def averager():
     *     total, count, average = 0.0, 0, None
     *     while True:
     *         term = yield average
     *         if term is None:
     *             break
     *         total += term
     *         count += 1
     *         average = total / count
     *     return f"n={count}"
     * </pre>
     */
    @Coroutine
    public static Coro<Double, Double, String> averager() {
        double total = 0;
        int count = 0;
        Double average = null;
        while (true) {
            Double term = Yield.value(average);
            if (term == null) break;
            total += term;
            count++;
            average = total / count;
        }
        return Yield.done("n=" + count);
    }

    /** Sends three numbers, then {@code null} to finish, and shows the result both ways. */
    public static void main(String[] args) {
        Coro<Double, Double, String> avg = averager();
        avg.next(); // runs to the first yield, as Python's next(avg)
        for (double term : new double[] {10, 30, 5}) {
            System.out.println("sent " + term + ", average " + avg.send(term));
        }
        try {
            avg.send(null); // as Python's avg.send(None): the loop ends and the body returns
        } catch (StopIteration stop) {
            System.out.println("StopIteration value: " + stop.value());
        }
        System.out.println("result(): " + avg.result());
    }
}
