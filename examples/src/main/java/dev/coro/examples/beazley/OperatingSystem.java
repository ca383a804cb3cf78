package dev.coro.examples.beazley;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;
import dev.coro.examples.tasks.GetTid;
import dev.coro.examples.tasks.KillTask;
import dev.coro.examples.tasks.NewTask;
import dev.coro.examples.tasks.Scheduler;
import dev.coro.examples.tasks.WaitTask;

/**
 * The tasks of Beazley's "operating system" (pyos4 to pyos7): tasks ask for their id, start, wait
 * for and kill each other through system calls they yield, and a subroutine called with
 * {@code Yield.from} makes a system call on its caller's behalf.
 */
public final class OperatingSystem {
    private OperatingSystem() {}

    /**
     * Runs until it is killed; the {@code finally} block runs when it is.
     *
     * <pre>
     * def foo():
     *     mytid = yield GetTid()
     *     while True:
     *         print("I'm foo", mytid)
     *         yield
     * </pre>
     */
    @Coroutine
    public static Coro<Object, Object, Void> foo() {
        int mytid = Yield.value(new GetTid());
        try {
            while (true) {
                System.out.println("I'm foo " + mytid);
                Yield.await();
            }
        } finally {
            System.out.println("foo " + mytid + " is closed");
        }
    }

    /**
     * Takes {@code turns} turns, then returns.
     *
     * <pre>
     * def bar(turns):
     *     mytid = yield GetTid()
     *     for i in range(turns):
     *         print("I'm bar", mytid)
     *         yield
     * </pre>
     */
    @Coroutine
    public static Coro<Object, Object, Void> bar(int turns) {
        int mytid = Yield.value(new GetTid());
        for (int i = 0; i < turns; i++) {
            System.out.println("I'm bar " + mytid);
            Yield.await();
        }
        return Yield.done();
    }

    /** A subroutine: its {@code GetTid} goes to the scheduler, whose answer comes back to it. */
    @Coroutine
    public static Coro<Object, Object, String> whoAmI() {
        int tid = Yield.value(new GetTid());
        return Yield.done("task " + tid);
    }

    /**
     * <pre>
     * def main():
     *     me = yield from who_am_i()
     *     foo_tid = yield NewTask(foo())
     *     bar_tid = yield NewTask(bar(3))
     *     yield WaitTask(bar_tid)
     *     yield KillTask(foo_tid)
     * </pre>
     */
    @Coroutine
    public static Coro<Object, Object, Void> main() {
        String me = Yield.from(whoAmI());
        System.out.println("main is " + me);
        int fooTid = Yield.value(new NewTask(foo()));
        int barTid = Yield.value(new NewTask(bar(3)));
        System.out.println("main waits for task " + barTid);
        Yield.value(new WaitTask(barTid));
        System.out.println("task " + barTid + " is done; main kills task " + fooTid);
        boolean killed = Yield.value(new KillTask(fooTid));
        boolean killedAgain = Yield.value(new KillTask(fooTid));
        boolean waited = Yield.value(new WaitTask(fooTid));
        System.out.println("killed: " + killed + ", killed again: " + killedAgain + ", waited for the dead: " + waited);
        return Yield.done();
    }

    public static void main(String[] args) {
        try (Scheduler sched = new Scheduler()) {
            sched.spawn(main());
            sched.run();
        }
        System.out.println("no tasks left");
    }
}
