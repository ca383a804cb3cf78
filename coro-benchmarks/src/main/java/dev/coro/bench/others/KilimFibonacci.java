package dev.coro.bench.others;

import kilim.Generator;
import kilim.Pausable;

/**
 * (A), (C) on Kilim (org.db4j:kilim, woven at build time by Kilim's own Maven plugin): a
 * {@link Generator}, each value a boxed {@code Long} through {@code yield}, as Kilim's users write it.
 */
public final class KilimFibonacci extends Generator<Long> {
    @Override
    public void execute() throws Pausable {
        long a = 0, b = 1;
        while (true) {
            this.yield(a); // "this." because yield is a restricted identifier since Java 14
            long t = a + b;
            a = b;
            b = t;
        }
    }
}
