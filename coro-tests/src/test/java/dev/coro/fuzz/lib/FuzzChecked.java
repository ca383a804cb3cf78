package dev.coro.fuzz.lib;

/** A checked exception: only the driver raises it (into a body that can only catch it as {@code Exception}). */
public class FuzzChecked extends Exception {
    private static final long serialVersionUID = 1L;

    public final int k;

    public FuzzChecked(int k) {
        super("C" + k);
        this.k = k;
    }
}
