package dev.coro.fuzz;

import dev.coro.Coro;
import dev.coro.CoroutineExit;
import dev.coro.StopIteration;
import dev.coro.fuzz.lib.FuzzChecked;
import dev.coro.fuzz.lib.FuzzException;
import dev.coro.fuzz.lib.FuzzSub;
import dev.coro.fuzz.lib.Fz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random sequence of protocol calls on a program's top coroutine, and the trace of running it.
 *
 * <p>The trace is the body's log with one line per call interleaved ({@code ">> send 5 -> 12 |
 * SUSPENDED"}): the call, its outcome (the value it returned, or the exception it threw as
 * {@link Fz#d} shows it, {@code StopIteration(value)} included) and the coroutine's state after it.
 * The calls stop two calls after the coroutine is {@code DONE}.
 */
public final class Driver {
    private Driver() {}

    /** One protocol call. */
    public record Op(Kind kind, int arg) {
        @Override
        public String toString() {
            return switch (kind) {
                case NEXT -> "next";
                case SEND -> "send " + arg;
                case RAISE -> "raise FuzzException(" + arg + ")";
                case RAISE_SUB -> "raise FuzzSub(" + arg + ")";
                case RAISE_CHECKED -> "raise FuzzChecked(" + arg + ")";
                case RAISE_EXIT -> "raise CoroutineExit";
                case RAISE_STOP -> "raise StopIteration(" + arg + ")";
                case CLOSE -> "close";
                case RESULT -> "result";
            };
        }
    }

    public enum Kind { NEXT, SEND, RAISE, RAISE_SUB, RAISE_CHECKED, RAISE_EXIT, RAISE_STOP, CLOSE, RESULT }

    /**
     * A random sequence of 1 to {@code maxOps} calls: mostly next and send, so that bodies run far;
     * raise and close now and then (each usually ends the coroutine); the first call is now and then
     * one that acts on a {@code CREATED} coroutine.
     */
    public static List<Op> random(Random r, int maxOps) {
        int n = 1 + r.nextInt(maxOps);
        List<Op> ops = new ArrayList<>(n);
        boolean gentle = r.nextInt(10) < 7; // most drivers let the body run long; the others raise and close a lot
        for (int i = 0; i < n; i++) {
            int k = i == 0 && r.nextInt(5) != 0 ? 0 : r.nextInt(100);
            if (gentle && k >= 80 && r.nextInt(4) != 0) k = r.nextInt(80);
            Op op;
            if (k < 44) op = new Op(Kind.NEXT, 0);
            else if (k < 80) op = new Op(Kind.SEND, sendValue(r));
            else if (k < 88) op = new Op(Kind.RAISE, r.nextInt(10));
            else if (k < 90) op = new Op(Kind.RAISE_SUB, r.nextInt(10));
            else if (k < 91) op = new Op(Kind.RAISE_CHECKED, r.nextInt(10));
            else if (k < 92) op = new Op(Kind.RAISE_EXIT, 0);
            else if (k < 93) op = new Op(Kind.RAISE_STOP, r.nextInt(10));
            else if (k < 98) op = new Op(Kind.CLOSE, 0);
            else op = new Op(Kind.RESULT, 0);
            ops.add(op);
        }
        return ops;
    }

    private static int sendValue(Random r) {
        int k = r.nextInt(10);
        if (k < 6) return r.nextInt(60);
        if (k < 8) return -r.nextInt(5);
        return r.nextInt();
    }

    /**
     * Calls {@code start(log)} of {@code program} (a class as rendered by {@link Program}), then
     * {@code ops} on the coroutine it returns; returns the trace (the log).
     */
    public static List<String> run(Class<?> program, List<Op> ops) {
        List<String> log = new ArrayList<>();
        Fz.sink = log;
        try {
            return runOn(program, ops, log);
        } finally {
            Fz.sink = null;
        }
    }

    private static List<String> runOn(Class<?> program, List<Op> ops, List<String> log) {
        Coro<Object, Integer, ?> c;
        try {
            Method start = program.getDeclaredMethod("start", List.class);
            @SuppressWarnings("unchecked")
            Coro<Object, Integer, ?> made = (Coro<Object, Integer, ?>) start.invoke(null, log);
            c = made;
            log.add(">> start | " + c.state());
        } catch (InvocationTargetException e) {
            log.add(">> start !" + Fz.d(e.getCause()));
            return new ArrayList<>(log);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        int afterDone = 0;
        for (Op op : ops) {
            if (c.isDone() && afterDone++ >= 2) break;
            log.add(">> " + op + " " + outcome(c, op) + " | " + c.state());
        }
        return new ArrayList<>(log); // a copy: abandoned reference coroutines may log on while their threads end
    }

    private static String outcome(Coro<Object, Integer, ?> c, Op op) {
        try {
            Object y = switch (op.kind()) {
                case NEXT -> c.next();
                case SEND -> c.send(op.arg());
                case RAISE -> c.raise(new FuzzException(op.arg()));
                case RAISE_SUB -> c.raise(new FuzzSub(op.arg()));
                case RAISE_CHECKED -> c.raise(new FuzzChecked(op.arg()));
                case RAISE_EXIT -> c.raise(new CoroutineExit());
                case RAISE_STOP -> c.raise(new StopIteration("stop" + op.arg()));
                case CLOSE -> {
                    c.close();
                    yield "ok";
                }
                case RESULT -> c.result();
            };
            return "-> " + y;
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) throw (VirtualMachineError) e;
            return "!" + Fz.d(e);
        }
    }
}
