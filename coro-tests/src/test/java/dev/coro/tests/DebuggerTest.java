package dev.coro.tests;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import dev.coro.harness.Fork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real debugger (JDI) stopped in woven bodies, woven by the agent and by the Maven plugin, on JDK
 * 17 and 25: {@code this} in an instance coroutine, the arguments as arguments, and exactly the
 * locals in scope that hold a value, with their current values, before and after suspensions, in a
 * loop, in a try and in a catch. A local that is dead at a suspension point is not restored there,
 * so it leaves scope until it is next assigned; a breakpoint on a {@code Yield} line is hit again
 * when the coroutine resumes there (docs/debugging.md).
 */
class DebuggerTest {
    private static final String TARGET = "dev.coro.fixtures.DebugTarget";
    private static final Path SOURCE = Path.of("src/test/java/dev/coro/fixtures/DebugTarget.java");

    static Stream<Arguments> modes() {
        List<Arguments> out = new ArrayList<>();
        String jdk = System.getProperty("java.home"); // on JDK 25 too: the jdk25 profile runs the tests again there
        out.add(Arguments.of("agent", jdk));
        out.add(Arguments.of("plugin", jdk));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("modes")
    void theDebuggerSeesThisArgumentsAndTheLiveLocals(String mode, String javaHome) throws Exception {
        List<String> stops = debug(mode, javaHome);
        assertEquals(List.of(
                "walk@beforeYield this.name=\"dt\" args=[n=3, tag=\"t\"] locals=[big=1099511627776, dead=\"t-dead\", half=0.5, k=6]",
                "walk@afterYield this.name=\"dt\" args=[n=3, tag=\"t\"] locals=[big=1099511627776, got=7, half=0.5, k=6]",
                "walk@inLoop this.name=\"dt\" args=[n=3, tag=\"t\"] locals=[after=\"t710995116277760.5610\", got=10, i=0, mark=10]",
                "walk@inLoop this.name=\"dt\" args=[n=3, tag=\"t\"] locals=[after=\"t710995116277760.5610\", got=20, i=1, mark=20]",
                "guarded@inTry static args=[seed=5] locals=[acc=10, r=4]",
                "guarded@inCatch static args=[seed=5] locals=[e=java.lang.IllegalStateException, why=\"thrown in\"]",
                // close() resumes at that Yield: the debugger stops on its line again, where e and why are dead
                "guarded@inCatch static args=[seed=5] locals=[]"),
                stops);
    }

    /** Runs the debuggee under JDI, stopping at every {@code // BP:name} line; what each stop saw. */
    private static List<String> debug(String mode, String javaHome) throws Exception {
        Map<Integer, String> breakpoints = breakpointLines();
        String cp = mode.equals("agent") ? Fork.testClasspath()
                : System.getProperty("coro.plugin.woven") + File.pathSeparator + Fork.testClasspath();
        String options = (mode.equals("agent") ? "-javaagent:" + Fork.agentJar() + " " : "") + "-cp " + cp;

        LaunchingConnector launcher = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> args = launcher.defaultArguments();
        args.get("main").setValue(TARGET);
        args.get("options").setValue(options);
        args.get("home").setValue(javaHome);
        VirtualMachine vm = launcher.launch(args);
        Thread drain = drain(vm.process());
        List<String> stops = new ArrayList<>();
        try {
            ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
            prepare.addClassFilter(TARGET);
            prepare.enable();
            vm.resume();
            for (boolean running = true; running; ) {
                EventSet events = vm.eventQueue().remove(60_000);
                if (events == null) throw new AssertionError("the debuggee stopped answering; stops so far: " + stops);
                for (Event e : events) {
                    if (e instanceof ClassPrepareEvent cp1) {
                        setBreakpoints(vm, cp1.referenceType(), breakpoints);
                    } else if (e instanceof BreakpointEvent bp) {
                        stops.add(describe(bp, breakpoints));
                    } else if (e instanceof VMDeathEvent || e instanceof VMDisconnectEvent) {
                        running = false;
                    }
                }
                if (running) events.resume();
            }
        } finally {
            try {
                vm.dispose();
            } catch (RuntimeException gone) {
                // the debuggee has exited
            }
            vm.process().destroy();
            vm.process().waitFor(30, TimeUnit.SECONDS);
            drain.join(10_000);
        }
        return stops;
    }

    private static void setBreakpoints(VirtualMachine vm, ReferenceType type, Map<Integer, String> lines)
            throws AbsentInformationException {
        for (int line : lines.keySet()) {
            List<Location> at = type.locationsOfLine(line);
            if (at.isEmpty()) throw new AssertionError("no code at DebugTarget.java:" + line);
            for (Location l : at) {
                BreakpointRequest r = vm.eventRequestManager().createBreakpointRequest(l);
                r.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                r.enable();
            }
        }
    }

    /** {@code method@bp this.name=... args=[...] locals=[...]}, locals sorted by name. */
    private static String describe(BreakpointEvent bp, Map<Integer, String> lines)
            throws IncompatibleThreadStateException, AbsentInformationException {
        StackFrame f = bp.thread().frame(0);
        Location l = f.location();
        StringBuilder sb = new StringBuilder(l.method().name()).append('@').append(lines.get(l.lineNumber()));
        ObjectReference self = f.thisObject();
        sb.append(self == null ? " static" : " this.name=" + format(self.getValue(self.referenceType().fieldByName("name"))));
        List<String> arguments = new ArrayList<>();
        for (LocalVariable v : l.method().arguments()) arguments.add(v.name() + "=" + format(f.getValue(v)));
        List<String> locals = new ArrayList<>();
        List<LocalVariable> visible = f.visibleVariables();
        Map<LocalVariable, Value> values = f.getValues(visible); // all at once: fails if any slot is not valid
        for (LocalVariable v : visible) {
            if (!v.isArgument()) locals.add(v.name() + "=" + format(values.get(v)));
        }
        locals.sort(null);
        return sb.append(" args=").append(arguments).append(" locals=").append(locals).toString();
    }

    private static String format(Value v) {
        if (v instanceof StringReference s) return "\"" + s.value() + "\"";
        if (v instanceof ObjectReference o) return o.referenceType().name();
        return String.valueOf(v);
    }

    private static Map<Integer, String> breakpointLines() throws Exception {
        Map<Integer, String> out = new LinkedHashMap<>();
        List<String> src = Files.readAllLines(SOURCE);
        for (int i = 0; i < src.size(); i++) {
            int at = src.get(i).indexOf("// BP:");
            if (at >= 0) out.put(i + 1, src.get(i).substring(at + "// BP:".length()).trim());
        }
        return out;
    }

    private static Thread drain(Process p) {
        Thread t = new Thread(() -> {
            try {
                p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                p.getErrorStream().transferTo(System.err);
            } catch (java.io.IOException ignored) {
                // the process is gone
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
