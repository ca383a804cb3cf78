package dev.coro.edge;

import dev.coro.Coro;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Run in a forked JVM with the agent and a small {@code -Xss}: a coroutine's first call at every
 * depth near the end of the stack, each trial in a fresh class loader with its own copy of coro-api
 * (so its own first-time initialisation of the runtime and its own frame class); then a coroutine
 * whose body overflows inside nested {@code next()} calls. (The class itself is loaded at a
 * shallow depth: within the last few pages of a stack, the JVM does not call an agent at all and
 * defines the class as given, printing "transform method call failed"; no agent can do better.) Prints one line per check:
 * {@code trials T deep-ok D later-ok L} and {@code nest trials N left-running 0 closed-without-finally 0 (each closed some)}
 * when all is well (args: T N).
 */
public final class StackEdgeMain {
    private StackEdgeMain() {}

    public static void main(String[] args) throws Throwable {
        int trials = Integer.parseInt(args[0]);
        // the JDK's own first uses (reflection, string concatenation, resource lookup), not coro's, are kept away from the edge:
        // a JDK class whose static initialiser overflows is unusable for the life of the JVM
        PlainTarget.class.getMethod("six").invoke(null);
        System.setProperty("coro.edge.warm", "concat" + trials);
        for (String file : List.of("dev/coro/edge/Edge.class", "dev/coro/internal/Bootstrap.class")) {
            // as OwnApiLoader reads class files (the first read opens the JDK's module image, or a jar)
            try (InputStream in = StackEdgeMain.class.getClassLoader().getResourceAsStream(file)) {
                in.readAllBytes();
            }
        }
        int deepOk = 0;
        int laterOk = 0;
        for (int t = 0; t < trials; t++) {
            ClassLoader l = new OwnApiLoader();
            // loaded (and woven) here; coro-api's runtime (Bootstrap, the frame class) loads at the edge
            Class.forName("dev.coro.edge.Edge", true, l);
            Object deep = atTheEdge(() -> sumIn(l));
            if (Integer.valueOf(6).equals(deep)) deepOk++;
            else System.out.println("trial " + t + " deep: " + deep);
            Object later;
            try {
                later = sumIn(l);
            } catch (Throwable e) {
                later = e;
            }
            if (Integer.valueOf(6).equals(later)) laterOk++;
            else System.out.println("trial " + t + " later: " + later);
        }
        System.out.println("trials " + trials + " deep-ok " + deepOk + " later-ok " + laterOk);

        int nestTrials = Integer.parseInt(args[1]);
        int runningLeft = 0;
        int finallyMissed = 0;
        int suspendedSeen = 0;
        for (int pad = 0; pad < nestTrials; pad++) {
            int[] outcome = padded(pad, StackEdgeMain::nestOnce);
            runningLeft += outcome[0];
            suspendedSeen += outcome[1];
            finallyMissed += outcome[2];
        }
        System.out.println("nest trials " + nestTrials + " left-running " + runningLeft + " closed-without-finally "
                + finallyMissed + (suspendedSeen >= nestTrials ? " (each closed some)" : " (closed " + suspendedSeen + ")"));
    }

    /** {@code work} run {@code pad} frames deeper than here, so that it overflows at another point of its own code. */
    static int[] padded(int pad, java.util.function.Supplier<int[]> work) {
        return pad == 0 ? work.get() : padded(pad - 1, work);
    }

    /**
     * Runs {@link Edge#nest} to its overflow, then closes every suspended coroutine. Returns {how many
     * were left RUNNING, how many were suspended, how many of those close() did not run the finally of}.
     */
    static int[] nestOnce() {
        List<Coro<Integer, Void, Void>> all = new ArrayList<>();
        Set<Integer> finallies = new HashSet<>();
        Coro<Integer, Void, Void> top = Edge.nest(all, finallies, 0);
        all.add(0, top);
        top.next();
        List<Integer> suspended = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).state() == Coro.State.SUSPENDED) suspended.add(i);
        }
        int missed = 0;
        for (int i : suspended) {
            all.get(i).close();
            if (!finallies.contains(i) || !all.get(i).isDone()) missed++;
        }
        int running = (int) all.stream().filter(c -> c.state() == Coro.State.RUNNING).count();
        return new int[] {running, suspended.size(), missed};
    }

    /** Plain reflection target, to warm up reflection at a shallow depth. */
    public static final class PlainTarget {
        public static int six() {
            return 6;
        }
    }

    /** Edge.sum() of the Edge class of {@code l}, loading (and so weaving) it first if need be. */
    static Object sumIn(ClassLoader l) throws Exception {
        Class<?> c = Class.forName("dev.coro.edge.Edge", true, l);
        try {
            return c.getMethod("sum").invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error err) throw err;
            throw (Exception) e.getCause();
        }
    }

    /**
     * Recurses until the stack overflows, then tries {@code action} at every depth on the way back
     * up, from the deepest: an overflow in the action just moves the try one frame up. Returns what
     * the first try that did not overflow returned or threw.
     */
    static Object atTheEdge(Callable<Object> action) {
        try {
            return atTheEdge(action);
        } catch (StackOverflowError e) {
            try {
                return action.call();
            } catch (StackOverflowError again) {
                throw again;
            } catch (Throwable other) {
                return other;
            }
        }
    }

    /** Defines its own coro-api and Edge (from the class path's class files); everything else from its parent. */
    static final class OwnApiLoader extends ClassLoader {
        OwnApiLoader() {
            super(StackEdgeMain.class.getClassLoader());
        }

        private static boolean own(String name) {
            return name.equals("dev.coro.edge.Edge") || name.startsWith("dev.coro.internal.")
                    || name.startsWith("dev.coro.") && name.indexOf('.', "dev.coro.".length()) < 0;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!own(name)) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c != null) return c;
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/').concat(".class"))) {
                    if (in == null) throw new ClassNotFoundException(name);
                    byte[] b = in.readAllBytes();
                    return defineClass(name, b, 0, b.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }
}
