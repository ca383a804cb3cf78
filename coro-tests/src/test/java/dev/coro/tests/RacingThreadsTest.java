package dev.coro.tests;

import dev.coro.harness.WeavingClassLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two threads resuming one woven coroutine at once (a caller's bug), 400 rounds of 5,000 calls each:
 * whenever a resume finds the coroutine running, it fails with the exact "running in another thread"
 * IllegalStateException, never with the re-entry message ("called from inside its own body") that it
 * gave before. The check costs nothing on the hot path: it runs only where a resume finds the state
 * RUNNING, and it tells a race from re-entry by looking for the coroutine's resume on the thread's stack.
 *
 * <p>What it does not do (the contract asks for loud failure "wherever that costs nothing on the hot
 * path"): two resumes that pass the state check together both run the body, and such rounds lose or
 * repeat values, or end in another exception. Catching those needs each resume to claim the coroutine
 * (a store and a check per resume, which measured about 30% on the three-stage pipeline on JDK 17), so
 * their counts are printed, not bounded. The deterministic cases are in coro-api's OtherThreadTest.
 */
class RacingThreadsTest {
    private static final int ROUNDS = 400;
    private static final int EACH = 5000;

    @Test
    void aRaceTheStateCheckSeesSaysAnotherThreadIsRunningIt() throws Exception {
        WeavingClassLoader loader = new WeavingClassLoader(getClass().getClassLoader(), "dev.coro.race.");
        Class<?> racing = Class.forName("dev.coro.race.Racing", true, loader);
        String outcome = (String) racing.getMethod("race", int.class, int.class).invoke(null, ROUNDS, EACH);
        System.out.println("racing threads: " + outcome);
        String[] f = outcome.split(" ");
        assertEquals("misnamed", f[10], outcome);
        assertEquals("0", f[11], "a race was reported as re-entry from the coroutine's own body: " + outcome);
        assertTrue(Integer.parseInt(f[5]) > 0, "no round raised the race's IllegalStateException: " + outcome);
    }
}
