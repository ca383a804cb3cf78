package dev.coro.examples;

/** The demos, one after another, each under a heading. */
public final class Demo {
    private Demo() {}

    public static void main(String[] args) {
        System.out.println("== fibonacci and grep (the seed tutorial) ==");
        Seed.main(args);
        System.out.println("== averager: send with a result ==");
        Averager.main(args);
        System.out.println("== Beazley's pipeline: source -> grep -> printer ==");
        Pipeline.main(args);
    }
}
