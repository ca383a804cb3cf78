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
                == Beazley's pipeline: source -> grep -> printer ==
                71.201.176.194 - - [26/Feb/2008:10:30:09 -0600] "GET /python/tutorial/ HTTP/1.1" 200 4447
                128.135.11.92 - - [26/Feb/2008:10:32:01 -0600] "GET /python/generators.pdf HTTP/1.1" 200 591732
                128.135.11.92 - - [26/Feb/2008:10:34:12 -0600] "GET /python/coroutines.pdf HTTP/1.1" 200 2019350
                (3 lines printed)
                """, Stdout.of(() -> Demo.main(new String[0])));
    }
}
