package dev.coro.examples.beazley;

import dev.coro.examples.Stdout;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OperatingSystemTest {

    @Test
    void tasksStartWaitForAndKillEachOther() {
        assertEquals("""
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
                """, Stdout.of(() -> OperatingSystem.main(new String[0])));
    }
}
