package dev.coro.fuzz.lib;

/** A subclass of {@link FuzzException}, so that the order of catch clauses matters. */
public class FuzzSub extends FuzzException {
    private static final long serialVersionUID = 1L;

    public FuzzSub(int k) {
        super(k);
    }
}
