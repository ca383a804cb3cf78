package dev.coro.examples.tasks;

import dev.coro.Coro;
import dev.coro.Coroutine;
import dev.coro.Yield;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduler's turns and each system call, with tasks that write what they do to a trace. */
@Timeout(10)
class SchedulerTest {
    private final List<String> trace = new ArrayList<>();
    private final Map<Integer, Throwable> failures = new TreeMap<>();
    private final Scheduler sched = new Scheduler(failures::put);

    @AfterEach
    void closeScheduler() {
        sched.close();
    }

    @Coroutine
    Coro<Object, Object, Void> counter(String name, int turns) {
        for (int i = 1; i <= turns; i++) {
            trace.add(name + i);
            Yield.await();
        }
        return Yield.done();
    }

    @Test
    void tasksTakeTurnsInTheOrderTheyWereSpawned() {
        sched.spawn(counter("a", 3));
        sched.spawn(counter("b", 2));
        sched.run();
        assertEquals(List.of("a1", "b1", "a2", "b2", "a3"), trace);
    }

    @Coroutine
    Coro<Object, Object, Void> whoAmI() {
        int tid = Yield.value(new GetTid());
        trace.add("I am " + tid);
        return Yield.done();
    }

    @Test
    void getTidAnswersEachTaskItsOwnId() {
        assertEquals(1, sched.spawn(whoAmI()));
        assertEquals(2, sched.spawn(whoAmI()));
        sched.run();
        assertEquals(List.of("I am 1", "I am 2"), trace);
    }

    @Coroutine
    Coro<Object, Object, Void> parent() {
        int child = Yield.value(new NewTask(counter("child", 2)));
        trace.add("parent started " + child);
        boolean waited = Yield.value(new WaitTask(child));
        trace.add("parent waited: " + waited);
        boolean again = Yield.value(new WaitTask(child));
        trace.add("parent waited again: " + again);
        return Yield.done();
    }

    @Test
    void newTaskAnswersTheChildsIdAndWaitTaskResumesWhenItExits() {
        sched.spawn(parent());
        sched.spawn(counter("other", 1));
        sched.run();
        // the child is queued before its parent goes back to the queue
        assertEquals(List.of("other1", "child1", "parent started 3", "child2", "parent waited: true",
                "parent waited again: false"), trace);
    }

    @Coroutine
    Coro<Object, Object, Void> forever(String name) {
        try {
            while (true) {
                trace.add(name);
                Yield.await();
            }
        } finally {
            trace.add(name + " closed");
        }
    }

    @Coroutine
    Coro<Object, Object, Void> waiter(int tid) {
        boolean waited = Yield.value(new WaitTask(tid));
        trace.add("waiter woke: " + waited);
        return Yield.done();
    }

    @Coroutine
    Coro<Object, Object, Void> killer(int victim) {
        Yield.await();
        int me = Yield.value(new GetTid());
        boolean killedSelf = Yield.value(new KillTask(me));
        boolean killed = Yield.value(new KillTask(victim));
        boolean killedAgain = Yield.value(new KillTask(victim));
        trace.add("killed self: " + killedSelf + ", killed: " + killed + ", again: " + killedAgain);
        return Yield.done();
    }

    @Test
    void killTaskClosesTheVictimAndWakesItsWaiters() {
        int victim = sched.spawn(forever("loop"));
        sched.spawn(waiter(victim));
        sched.spawn(killer(victim));
        sched.run();
        assertEquals(List.of("loop", "loop", "loop", "loop", "loop closed", "waiter woke: true",
                "killed self: false, killed: true, again: false"), trace);
    }

    @Coroutine
    static Coro<Object, Object, String> tidName() {
        int tid = Yield.value(new GetTid());
        Yield.await(); // a plain yield passes through the delegation too
        return Yield.done("task " + tid);
    }

    @Coroutine
    Coro<Object, Object, Void> caller() {
        String name = Yield.from(tidName());
        int child = Yield.from(spawnFrom());
        trace.add(name + " started " + child);
        return Yield.done();
    }

    @Coroutine
    Coro<Object, Object, Integer> spawnFrom() {
        int tid = Yield.value(new NewTask(counter("sub", 1)));
        return Yield.done(tid);
    }

    @Test
    void subroutinesMakeSystemCallsThroughYieldFrom() {
        sched.spawn(caller());
        sched.run();
        assertEquals(List.of("sub1", "task 1 started 2"), trace);
    }

    @Coroutine
    Coro<Object, Object, Void> failing() {
        Yield.await();
        throw new IllegalArgumentException("boom");
    }

    @Test
    void aTaskThatThrowsIsEndedReportedAndItsWaitersWoken() {
        int bad = sched.spawn(failing());
        sched.spawn(waiter(bad));
        sched.spawn(counter("c", 3));
        sched.run();
        assertEquals(List.of("c1", "c2", "waiter woke: true", "c3"), trace);
        assertEquals(List.of(bad), List.copyOf(failures.keySet()));
        assertEquals("boom", failures.get(bad).getMessage());
    }

    @Test
    void tasksWaitingForEachOtherAreADeadlock() {
        sched.spawn(waiter(2));
        sched.spawn(waiter(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, sched::run);
        assertTrue(e.getMessage().startsWith("deadlock: "), e.getMessage());
    }

    // ---- I/O, on a pipe ----

    @Coroutine
    Coro<Object, Object, Void> reader(Pipe.SourceChannel source, String name) {
        trace.add(name + " waits");
        Yield.value(new ReadWait(source));
        ByteBuffer buffer = ByteBuffer.allocate(16);
        read(source, buffer);
        trace.add(name + " read " + new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
        return Yield.done();
    }

    @Coroutine
    Coro<Object, Object, Void> writer(Pipe.SinkChannel sink, String text) {
        Yield.value(new WriteWait(sink));
        trace.add("writer writes " + text);
        write(sink, text);
        return Yield.done();
    }

    @Test
    void readWaitWakesTheTaskWhenDataArrives() throws IOException {
        Pipe pipe = openPipe();
        sched.spawn(reader(pipe.source(), "reader"));
        sched.spawn(counter("busy", 3));
        sched.spawn(writer(pipe.sink(), "hi"));
        sched.run();
        // I/O is polled once a round: what it makes ready runs after the tasks already ready
        assertEquals(List.of("reader waits", "busy1", "busy2", "writer writes hi", "busy3", "reader read hi"), trace);
    }

    @Coroutine
    Coro<Object, Object, Void> killAfterTwoTurns(int victim) {
        Yield.await();
        Yield.await();
        Yield.value(new KillTask(victim));
        return Yield.done();
    }

    @Coroutine
    Coro<Object, Object, Void> guardedReader(Pipe.SourceChannel source) {
        try {
            Yield.value(new ReadWait(source));
            trace.add("guarded reader woke");
        } finally {
            trace.add("guarded reader closed");
        }
        return Yield.done();
    }

    @Test
    void killingATaskThatWaitsForIoCancelsItsWait() throws IOException {
        Pipe pipe = openPipe();
        int blocked = sched.spawn(guardedReader(pipe.source()));
        sched.spawn(killAfterTwoTurns(blocked));
        sched.run();
        assertEquals(List.of("guarded reader closed"), trace);

        trace.clear(); // the channel is free again for another reader
        sched.spawn(reader(pipe.source(), "next reader"));
        sched.spawn(writer(pipe.sink(), "ok"));
        sched.run();
        assertEquals(List.of("next reader waits", "writer writes ok", "next reader read ok"), trace);
        assertEquals(Map.of(), failures);
    }

    @Coroutine
    Coro<Object, Object, Void> secondReader(Pipe.SourceChannel source) {
        try {
            Yield.value(new ReadWait(source));
        } catch (IllegalStateException e) {
            trace.add("second reader: " + e.getMessage());
        }
        return Yield.done();
    }

    @Test
    void aSecondReaderOfAChannelHasTheErrorThrownIn() throws IOException {
        Pipe pipe = openPipe();
        sched.spawn(reader(pipe.source(), "first"));
        sched.spawn(secondReader(pipe.source()));
        sched.spawn(writer(pipe.sink(), "x"));
        sched.run();
        assertEquals(List.of("first waits", "second reader: task 1 already waits to read " + pipe.source(),
                "writer writes x", "first read x"), trace);
    }

    @Coroutine
    Coro<Object, Object, Void> readClosed(Pipe.SourceChannel source) {
        try {
            Yield.value(new ReadWait(source));
        } catch (UncheckedIOException e) {
            trace.add("thrown in: " + e.getCause().getClass().getSimpleName());
        }
        return Yield.done();
    }

    @Test
    void waitingOnAClosedChannelThrowsIntoTheTask() throws IOException {
        Pipe pipe = openPipe();
        pipe.source().close();
        sched.spawn(readClosed(pipe.source()));
        sched.run();
        assertEquals(List.of("thrown in: " + ClosedChannelException.class.getSimpleName()), trace);
    }

    @Test
    void shutdownFromAnotherThreadClosesTheTasksBlockedOnIo() throws Exception {
        Pipe pipe = openPipe();
        sched.spawn(guardedReader(pipe.source()));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sched.shutdown();
        });
        stopper.start();
        sched.run();
        stopper.join();
        assertEquals(List.of("guarded reader closed"), trace);
    }

    @Test
    void aBlockingChannelIsRefusedAtTheYield() throws IOException {
        Pipe pipe = Pipe.open(); // left in blocking mode
        try {
            sched.spawn(reader(pipe.source(), "r"));
            sched.run();
            assertEquals(List.of("r waits"), trace);
            assertInstanceOf(java.nio.channels.IllegalBlockingModeException.class, failures.get(1));
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    private final List<Pipe> pipes = new ArrayList<>();

    private Pipe openPipe() throws IOException {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        pipe.sink().configureBlocking(false);
        pipes.add(pipe);
        return pipe;
    }

    @AfterEach
    void closePipes() throws IOException {
        for (Pipe pipe : pipes) {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    private static void read(Pipe.SourceChannel source, ByteBuffer buffer) {
        try {
            source.read(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Pipe.SinkChannel sink, String text) {
        try {
            sink.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
