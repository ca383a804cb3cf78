package dev.coro.harness;

/** Loads (and initialises) each class named, in a JVM the test started with the agent. */
public final class LoadClasses {
    private LoadClasses() {}

    public static void main(String[] args) throws Exception {
        for (String name : args) {
            Class.forName(name);
            System.out.println("loaded " + name);
        }
    }
}
