package dev.coro.fuzz.lib;

/** The enum generated programs switch over. */
public enum E {
    A, B, C, D;

    /** The constant at {@code floorMod(x, 4)}. */
    public static E of(int x) {
        return values()[Math.floorMod(x, 4)];
    }
}
