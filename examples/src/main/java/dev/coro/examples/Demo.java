package dev.coro.examples;

import dev.coro.examples.beazley.Broadcast;
import dev.coro.examples.beazley.BusPositions;
import dev.coro.examples.beazley.EchoServer;
import dev.coro.examples.beazley.Follow;
import dev.coro.examples.beazley.OperatingSystem;

/** The demos, one after another, each under a heading. */
public final class Demo {
    private Demo() {}

    public static void main(String[] args) {
        System.out.println("== fibonacci and grep (the seed tutorial) ==");
        Seed.main(args);
        System.out.println("== averager: send with a result ==");
        Averager.main(args);
        System.out.println("== delegation: Yield.from ==");
        Delegation.main(args);
        System.out.println("== Beazley's pipeline: source -> grep -> printer ==");
        Pipeline.main(args);
        System.out.println("== Beazley's follow: tail -f a growing log -> grep -> printer ==");
        Follow.main(args);
        System.out.println("== Beazley's broadcast: one log, three filters ==");
        Broadcast.main(args);
        System.out.println("== Beazley's event handling: SAX events -> buses_to_dicts -> filters -> printer ==");
        BusPositions.main(args);
        System.out.println("== Beazley's operating system: tasks and system calls ==");
        OperatingSystem.main(args);
        System.out.println("== Beazley's echo server: 100 clients, one thread ==");
        EchoServer.main(new String[0]);
    }
}
