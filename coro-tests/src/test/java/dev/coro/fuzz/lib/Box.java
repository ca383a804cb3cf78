package dev.coro.fuzz.lib;

/** A mutable value object: generated programs build it with yields in the constructor arguments and store into its fields. */
public final class Box {
    public int a;
    public Integer b;
    public String s = "";
    public long l;
    public double d;

    public Box(int a, Integer b) {
        this.a = a;
        this.b = b;
    }

    public Box(String s, int a) {
        this.s = String.valueOf(s);
        this.a = a;
    }

    public Box(long l, double d, Integer b) {
        this.l = l;
        this.d = d;
        this.b = b;
    }

    public int sum() {
        return a + Fz.nz(b) + s.length() + (int) l + (int) d;
    }

    public Box add(int x) {
        a += x;
        return this;
    }

    public Box with(int x, String t) {
        return new Box(t + s, a + x);
    }

    @Override
    public String toString() {
        return "Box(" + a + "," + b + "," + s + "," + l + "," + d + ")";
    }
}
