package dev.coro.race;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Two threads calling {@code next()} on one coroutine at once, round after round (woven in-process by
 * RacingThreadsTest), and what each round came to.
 */
public final class Racing {
    private Racing() {}

    /** 0, 1, 2, ...: each value once, so a lost or repeated value shows. */
    @Coroutine
    static Coro<Integer, Void, Void> count() {
        int i = 0;
        while (true) {
            Yield.value(i);
            i++;
        }
    }

    static final String RACED = "coroutine dev.coro.race.Racing.count is running in another thread: next/send must"
            + " not resume a coroutine while another thread does (resume it from one thread at a time)";

    /**
     * Runs {@code rounds} rounds of two threads each calling {@code next()} {@code each} times on one
     * fresh coroutine (a thread stops at its first exception). Returns
     * {@code "rounds R consistent C loud L silent S other O misnamed M"}: consistent rounds gave 0 .. 2*each-1
     * exactly once between them; loud ones raised the exact IllegalStateException; silent ones lost or
     * repeated a value without one; other counts any other exception (what a race the state check did not
     * see can leave: a StopIteration from an endless generator, "corrupt coroutine state"); misnamed counts
     * IllegalStateExceptions that call the race a re-entry from the coroutine's own body.
     */
    public static String race(int rounds, int each) throws Exception {
        int consistent = 0, loud = 0, silent = 0, other = 0, misnamed = 0;
        List<String> odd = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Coro<Integer, Void, Void> c = count();
            CyclicBarrier start = new CyclicBarrier(2);
            int[] go = new int[1];
            int[][] got = new int[2][each];
            int[] n = new int[2];
            Throwable[] failure = new Throwable[2];
            Thread[] threads = new Thread[2];
            for (int t = 0; t < 2; t++) {
                int me = t;
                threads[t] = new Thread(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                        synchronized (go) { // both spin up to here, then start within a few nanoseconds
                            go[0]++;
                        }
                        while (true) {
                            synchronized (go) {
                                if (go[0] == 2) break;
                            }
                        }
                        for (int k = 0; k < each; k++) {
                            got[me][k] = c.next();
                            n[me]++;
                        }
                    } catch (Throwable e) {
                        failure[me] = e;
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) t.join();
            boolean raised = false, wrong = false;
            for (Throwable f : failure) {
                if (f == null) continue;
                if (f instanceof IllegalStateException && RACED.equals(f.getMessage())) raised = true;
                else if (f instanceof IllegalStateException && f.getMessage().contains("inside its own body")) {
                    misnamed++; // the race taken for re-entry: the message before issue 12's item 8
                } else {
                    wrong = true;
                    if (odd.size() < 3) odd.add(String.valueOf(f));
                }
            }
            if (wrong) {
                other++;
            } else if (raised) {
                loud++;
            } else {
                BitSet seen = new BitSet();
                boolean ok = true;
                for (int t = 0; t < 2; t++) {
                    for (int k = 0; k < n[t]; k++) {
                        int v = got[t][k];
                        if (v < 0 || v >= 2 * each || seen.get(v)) ok = false;
                        seen.set(Math.max(v, 0));
                    }
                }
                if (ok && seen.cardinality() == 2 * each) consistent++;
                else {
                    silent++;
                    if (odd.size() < 3) {
                        StringBuilder b = new StringBuilder("silent:");
                        int[] cnt = new int[2 * each + 1];
                        for (int t = 0; t < 2; t++) for (int k = 0; k < n[t]; k++) cnt[Math.min(Math.max(got[t][k], 0), 2 * each)]++;
                        for (int v = 0; v <= 2 * each; v++) if (cnt[v] != 1) b.append(" v").append(v).append("x").append(cnt[v]);
                        odd.add(b.toString());
                    }
                }
            }
        }
        return "rounds " + rounds + " consistent " + consistent + " loud " + loud + " silent " + silent + " other "
                + other + " misnamed " + misnamed + (odd.isEmpty() ? "" : " " + odd);
    }
}
