package dev.coro.fuzz.lib;

/**
 * Hands out values of package-private classes ({@link Secret}, {@link Secret2}) through public
 * methods, as library factories do: a generated program (in another package) holds them in
 * {@code var} locals and on the operand stack across suspensions, but can never name their type.
 */
public final class Hid {
    private Hid() {}

    /** The public base of the package-private classes. */
    public static class Base {
        public String describe() {
            return "base";
        }
    }

    public static Secret make(String name) {
        return new Secret(name);
    }

    public static Secret2 other(int n) {
        return new Secret2(n);
    }

    public static Secret[] many(String a, String b) {
        return new Secret[] {new Secret(a), new Secret(b)};
    }

    public static Secret at(Secret[] all, int i) {
        return all[i & 1];
    }

    /** Uses a package-private value together with a value computed (perhaps suspending) after it. */
    public static String use(Secret s, Object then) {
        return s.name + "+" + then;
    }

    public static String desc(Base b) {
        return b == null ? "null" : b.describe();
    }

    public static String desc(Base b, Object then) {
        return desc(b) + "/" + then;
    }

    public static String descAll(Secret[] all) {
        return all == null ? "null" : "[" + all[0].describe() + "," + all[1].describe() + "]";
    }
}

/** Package-private: code in other packages may hold one (its type inferred) but never name it. */
class Secret extends Hid.Base {
    final String name;

    Secret(String name) {
        this.name = name;
    }

    @Override
    public String describe() {
        return "secret " + name;
    }
}

/** A second package-private class: merged with {@link Secret}, the JVM sees their common base. */
class Secret2 extends Hid.Base {
    final int n;

    Secret2(int n) {
        this.n = n;
    }

    @Override
    public String describe() {
        return "secret2 " + n;
    }
}
