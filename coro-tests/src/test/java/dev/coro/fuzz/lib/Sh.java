package dev.coro.fuzz.lib;

/** A sealed hierarchy of records: what generated programs match with record patterns (on JDK 21 and later). */
public sealed interface Sh permits Pt, Seg, Lbl {
    /** One of each kind, by {@code floorMod(k, 6)}; a segment's second end may be null (a record pattern's remainder). */
    static Sh of(int k) {
        return switch (Math.floorMod(k, 6)) {
            case 0 -> new Pt(k, -k);
            case 1 -> new Seg(new Pt(1, k), new Pt(k, 2));
            case 2 -> new Lbl("l" + k, k);
            case 3 -> new Lbl("m", "s" + k);
            case 4 -> new Seg(new Pt(k, k), null);
            default -> new Lbl("n", null);
        };
    }
}
