package dev.coro.fuzz.lib;

/** The unchecked exception generated programs throw and the driver raises; {@link #k} tells throw sites apart. */
public class FuzzException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public final int k;

    public FuzzException(int k) {
        super("F" + k);
        this.k = k;
    }
}
