package dev.coro.examples;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DemoTest {

    @Test
    void printsEveryDemoUnderItsHeading() {
        assertEquals("""
                == fibonacci and grep (the seed tutorial) ==
                0
                1
                1
                2
                3
                5
                8
                13
                21
                34
                55
                89
                144
                233
                377
                610
                987
                1597
                2584
                4181
                6765
                10946
                17711
                28657
                46368
                75025
                121393
                196418
                317811
                514229
                Searching for coroutine
                I love coroutines instead!
                == averager: send with a result ==
                sent 10.0, average 10.0
                sent 30.0, average 20.0
                sent 5.0, average 15.0
                StopIteration value: n=3
                result(): n=3
                == delegation: Yield.from ==
                girls;kg: n=10, last average 42.04
                boys;m: n=10, last average 1.40
                in order: 1 2 3 4 5 6
                a tree 100000 levels deep: 100000 values, sum 4999950000
                == Beazley's pipeline: source -> grep -> printer ==
                71.201.176.194 - - [26/Feb/2008:10:30:09 -0600] "GET /python/tutorial/ HTTP/1.1" 200 4447
                128.135.11.92 - - [26/Feb/2008:10:32:01 -0600] "GET /python/generators.pdf HTTP/1.1" 200 591732
                128.135.11.92 - - [26/Feb/2008:10:34:12 -0600] "GET /python/coroutines.pdf HTTP/1.1" 200 2019350
                (3 lines printed)
                == Beazley's follow: tail -f a growing log -> grep -> printer ==
                71.201.176.194 - - [26/Feb/2008:10:30:09 -0600] "GET /python/tutorial/ HTTP/1.1" 200 4447
                128.135.11.92 - - [26/Feb/2008:10:32:01 -0600] "GET /python/generators.pdf HTTP/1.1" 200 591732
                128.135.11.92 - - [26/Feb/2008:10:34:12 -0600] "GET /python/coroutines.pdf HTTP/1.1" 200 2019350
                (3 lines printed)
                == Beazley's broadcast: one log, three filters ==
                ply: 99.169.45.3 - - [26/Feb/2008:11:02:40 -0600] "GET /ply/ HTTP/1.1" 200 8018
                python: 99.169.45.3 - - [26/Feb/2008:11:02:41 -0600] "GET /python/tutorial/ HTTP/1.1" 200 4447
                swig: 65.55.208.10 - - [26/Feb/2008:11:03:12 -0600] "GET /swig/Doc1.3/ HTTP/1.1" 200 6710
                ply: 99.169.45.3 - - [26/Feb/2008:11:03:55 -0600] "GET /ply/ply-2.3.tar.gz HTTP/1.1" 200 81762
                python: 65.55.208.10 - - [26/Feb/2008:11:04:30 -0600] "GET /python/generators.pdf HTTP/1.1" 200 591732
                == Beazley's event handling: SAX events -> buses_to_dicts -> filters -> printer ==
                22,1427,"North Bound",41.729131,-87.631917
                22,2376,"North Bound",41.881681,-87.920259
                22,2397,"North Bound",41.898348,-87.885495
                (3 buses)
                plain SAX handler: 3 buses, the same
                == Beazley's operating system: tasks and system calls ==
                main is task 1
                I'm foo 2
                main waits for task 3
                I'm foo 2
                I'm bar 3
                I'm foo 2
                I'm bar 3
                I'm foo 2
                I'm bar 3
                I'm foo 2
                I'm foo 2
                task 3 is done; main kills task 2
                foo 2 is closed
                killed: true, killed again: false, waited for the dead: false
                no tasks left
                == Beazley's echo server: 100 clients, one thread ==
                server: 100 connections, 100000 bytes echoed, 0 open
                clients: 100 of 100 got back exactly what they sent
                """, Stdout.of(() -> Demo.main(new String[0])));
    }
}
