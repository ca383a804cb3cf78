package dev.coro;

import dev.coro.internal.AgentRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Without a weaver, every Yield call says where it was called and why it was not woven. (This JVM has
 * no agent; the agent's cases, rejected and attached late, run in forked JVMs in coro-tests.)
 */
class UnwovenYieldTest {

    static final class Caller {
        static Object callAwait() {
            return Yield.await();
        }
    }

    private static final String NO_AGENT = "there is no coro agent in this JVM and the class was not woven at build"
            + " time. Annotate the method with @dev.coro.Coroutine (if it is not) and weave it: run with"
            + " -javaagent:coro-agent.jar, put dev.coro:coro-junit on the test class path of a JUnit run, or weave at"
            + " build time with the coro-maven-plugin or java -jar coro-agent.jar weave";
    private static final String IN_LAMBDA = "a lambda's body is a method of its own and cannot suspend the coroutine"
            + " around it: loop over the elements in the coroutine itself, or yield them all with Yield.from(iterable)";

    private static String expected(String call, String where, String why) {
        return "Yield." + call + "() called in " + where + ", which was not woven into a coroutine: " + why;
    }

    @Test
    void awaitNamesTheCallingClassAndMethodAndSaysThereIsNoAgent() {
        assertEquals(false, AgentRecord.isInstalled());
        IllegalStateException e = assertThrows(IllegalStateException.class, Caller::callAwait);
        assertEquals(expected("await", "dev.coro.UnwovenYieldTest$Caller.callAwait", NO_AGENT), e.getMessage());
    }

    @Test
    void aCallInALambdaIsNamedByTheMethodHoldingTheLambda() {
        // javac names the lambdas' methods lambda$aCallInALambda...$0, $1, ...
        String here = "a lambda in dev.coro.UnwovenYieldTest.aCallInALambdaIsNamedByTheMethodHoldingTheLambda";
        assertEquals(expected("value", here, IN_LAMBDA),
                assertThrows(IllegalStateException.class, () -> Yield.value(1)).getMessage());
        assertEquals(expected("done", here, IN_LAMBDA),
                assertThrows(IllegalStateException.class, () -> Yield.done()).getMessage());
        assertEquals(expected("done", here, IN_LAMBDA),
                assertThrows(IllegalStateException.class, () -> Yield.done(2)).getMessage());
        assertEquals(expected("from", here, IN_LAMBDA),
                assertThrows(IllegalStateException.class, () -> Yield.from(java.util.List.of(1))).getMessage());
    }

    static final class Rejected {
        static Object callValue() {
            return Yield.value(3);
        }
    }

    @Test
    void aClassTheAgentRejectedCarriesItsDiagnostics() {
        String name = "dev.coro.UnwovenYieldTest$Rejected";
        AgentRecord.rejected(name, "UnwovenYieldTest.java:58: " + name + ".callValue(): Yield.value outside a"
                + " @Coroutine method");
        IllegalStateException e = assertThrows(IllegalStateException.class, Rejected::callValue);
        assertEquals(expected("value", name + ".callValue", "the coro agent rejected class " + name
                + " and left it unwoven:\nUnwovenYieldTest.java:58: " + name + ".callValue(): Yield.value outside a"
                + " @Coroutine method"), e.getMessage());
    }
}
