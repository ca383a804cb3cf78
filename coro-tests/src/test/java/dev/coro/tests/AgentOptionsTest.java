package dev.coro.tests;

import dev.coro.harness.Fork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's options, as a user passes them after {@code -javaagent:coro-agent.jar=}. */
class AgentOptionsTest {

    @Test
    void verboseLogsEachWovenClassAndDumpWritesIt(@TempDir Path dump) throws Exception {
        Fork.Output out = Fork.run(null, List.of("-javaagent:" + Fork.agentJar() + "=verbose,dump=" + dump),
                Fork.testClasspath(), "dev.coro.harness.LoadClasses", "dev.coro.fixtures.Seeds", "java.util.ArrayList");
        assertEquals(0, out.exitCode(), out.stderr());
        assertEquals("loaded dev.coro.fixtures.Seeds\nloaded java.util.ArrayList\n", out.stdout());
        assertEquals("coro: agent installed (verbose=true, dump=" + dump + ", verify=true)\n"
                + "coro: wove dev.coro.fixtures.Seeds\n", out.stderr());
        Path dumped = dump.resolve("dev/coro/fixtures/Seeds.class");
        assertTrue(Files.size(dumped) > 0, "dumped class file");
        byte[] magic = Files.readAllBytes(dumped);
        assertEquals(0xCAFEBABE, ((magic[0] & 0xFF) << 24) | ((magic[1] & 0xFF) << 16) | ((magic[2] & 0xFF) << 8)
                | (magic[3] & 0xFF));
    }

    @Test
    void theAgentGivenTwiceIsInstalledOnce() throws Exception {
        String agent = "-javaagent:" + Fork.agentJar() + "=verbose";
        Fork.Output out = Fork.run(null, List.of(agent, agent), Fork.testClasspath(), "dev.coro.harness.LoadClasses",
                "dev.coro.fixtures.Seeds");
        assertEquals(new Fork.Output(0, "loaded dev.coro.fixtures.Seeds\n",
                "coro: agent installed (verbose=true, dump=off, verify=true)\n"
                        + "coro: agent already installed, not installed again\n"
                        + "coro: wove dev.coro.fixtures.Seeds\n"), out);
    }

    @Test
    void anUnknownOptionStopsTheLaunchWithItsName() throws Exception {
        Fork.Output out = Fork.run(null, List.of("-javaagent:" + Fork.agentJar() + "=verbose,turbo"),
                Fork.testClasspath(), "dev.coro.harness.LoadClasses");
        // the message alone: not the JVM's "FATAL ERROR in native method" abort with its stack
        assertEquals(new Fork.Output(1, "", "coro: unknown agent option 'turbo': expected verbose, noverify, strict or"
                + " dump=DIR (comma-separated)\ncoro: the JVM was not started\n"), out);
        assertEquals(new Fork.Output(1, "", "coro: agent option dump needs a directory: dump=DIR\n"
                + "coro: the JVM was not started\n"), Fork.run(null, List.of("-javaagent:" + Fork.agentJar() + "=dump"),
                Fork.testClasspath(), "dev.coro.harness.LoadClasses"));
    }

    @Test
    void withoutTheAgentAYieldCallSaysWhatIsMissing() throws Exception {
        Fork.Output out = Fork.run(null, List.of(), Fork.testClasspath(), "dev.coro.harness.ForkMain",
                "dev.coro.fixtures.Seeds");
        assertEquals(0, out.exitCode(), out.stderr());
        assertTrue(out.stdout().contains("\nescaped !IllegalStateException: Yield.value() called in"
                + " dev.coro.fixtures.Seeds.fibonacci, which was not woven into a coroutine: there is no coro agent in"
                + " this JVM and the class was not woven at build time. Annotate the method with @dev.coro.Coroutine"
                + " (if it is not) and weave it: run with -javaagent:coro-agent.jar, put dev.coro:coro-junit on the"
                + " test class path of a JUnit run, or weave at build time with the coro-maven-plugin or java -jar"
                + " coro-agent.jar weave\n"), out.stdout());
    }

    @Test
    void codeLeftUnwovenThrowsAtItsYieldAndTheAgentNeverWeavesCorosOwnApi() throws Exception {
        // Running unwoven code loads dev.coro.Yield, whose bodies call its own internals: the agent must
        // pass it through silently, printing only the user's diagnostics.
        Fork.Output out = Fork.run(null, List.of("-javaagent:" + Fork.agentJar()), Fork.testClasspath(),
                "dev.coro.harness.CallStatic", "dev.coro.rejects.AwaitInPlainMethod", "plain", "1");
        assertEquals(0, out.exitCode(), out.stderr());
        assertEquals("coro: AwaitInPlainMethod.java:9: dev.coro.rejects.AwaitInPlainMethod.plain(): Yield.await"
                + " outside a @Coroutine method\n"
                + "coro: dev.coro.rejects.AwaitInPlainMethod was left unwoven\n", out.stderr());
        assertEquals("escaped java.lang.IllegalStateException: Yield.await() called in"
                + " dev.coro.rejects.AwaitInPlainMethod.plain, which was not woven into a coroutine: the coro agent"
                + " rejected class dev.coro.rejects.AwaitInPlainMethod and left it unwoven:\n"
                + "AwaitInPlainMethod.java:9: dev.coro.rejects.AwaitInPlainMethod.plain(): Yield.await outside a"
                + " @Coroutine method\n", out.stdout());
    }

    @Test
    void strictMakesARejectedClassFailOnFirstUseWithItsDiagnostics() throws Exception {
        Fork.Output out = Fork.run(null, List.of("-javaagent:" + Fork.agentJar() + "=strict"), Fork.testClasspath(),
                "dev.coro.harness.CallStatic", "dev.coro.rejects.AwaitInPlainMethod", "plain", "1");
        // CallStatic's Class.forName initialises the class: the error escapes main from there, unwrapped
        assertEquals(1, out.exitCode(), out.stderr());
        assertEquals("", out.stdout());
        String diagnostic = "AwaitInPlainMethod.java:9: dev.coro.rejects.AwaitInPlainMethod.plain(): Yield.await"
                + " outside a @Coroutine method";
        String expected = "coro: " + diagnostic + "\n"
                + "coro: dev.coro.rejects.AwaitInPlainMethod fails on first use (strict)\n"
                + "Exception in thread \"main\" java.lang.LinkageError: coro (strict) rejected"
                + " dev.coro.rejects.AwaitInPlainMethod:\n" + diagnostic + "\n"
                + "\tat dev.coro.rejects.AwaitInPlainMethod.<clinit>(AwaitInPlainMethod.java)\n";
        assertEquals(expected, out.stderr().substring(0, Math.min(expected.length(), out.stderr().length())));
    }

    @Test
    void aClassLoadedBeforeTheAgentAttachedSaysSo() throws Exception {
        Fork.Output out = Fork.run(null, List.of("-Djdk.attach.allowAttachSelf=true", "-XX:+EnableDynamicAgentLoading"),
                Fork.testClasspath(), "dev.coro.harness.LoadAttachCall", Fork.agentJar().toString(),
                "dev.coro.fixtures.Seeds", "fibonacci");
        assertEquals(0, out.exitCode(), out.stderr());
        assertEquals("", out.stderr());
        String prefix = "escaped java.lang.IllegalStateException: Yield.value() called in dev.coro.fixtures.Seeds.fibonacci,"
                + " which was not woven into a coroutine: class dev.coro.fixtures.Seeds was loaded before the coro agent"
                + " was attached to this JVM (at ";
        assertTrue(out.stdout().startsWith(prefix), out.stdout());
        assertTrue(out.stdout().matches("(?s).*\\(at \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\), and a class loaded before that stays"
                + " as it was: attach the agent before the class loads \\(dev.coro:coro-junit does so before any test"
                + " class loads\\) or start the JVM with -javaagent:coro-agent.jar\n"), out.stdout());
    }

    @Test
    void theAgentJarAloneSuppliesTheRuntime() throws Exception {
        // The same program, once with coro-api on the class path and once with only the agent jar.
        String api = Fork.apiJar().toString();
        List<String> rest = new java.util.ArrayList<>();
        for (String p : Fork.testClasspath().split(java.io.File.pathSeparator)) {
            if (!p.equals(api) && !p.endsWith("coro-api/target/classes")) rest.add(p);
        }
        assertEquals(Fork.testClasspath().split(java.io.File.pathSeparator).length - 1, rest.size(),
                "coro-api is on the test class path exactly once: " + Fork.testClasspath());
        List<String> agent = List.of("-javaagent:" + Fork.agentJar());
        Fork.Output with = Fork.run(null, agent, Fork.testClasspath(), "dev.coro.harness.ForkMain",
                "dev.coro.fixtures.Seeds");
        Fork.Output without = Fork.run(null, agent, String.join(java.io.File.pathSeparator, rest),
                "dev.coro.harness.ForkMain", "dev.coro.fixtures.Seeds");
        assertEquals(0, without.exitCode(), without.stderr());
        assertEquals("", without.stderr());
        assertTrue(without.stdout().contains("next -> 514229\n"), without.stdout());
        assertEquals(with.stdout(), without.stdout());
    }

    @Test
    void attachedToARunningJvmItWeavesWhatLoadsAfterwards() throws Exception {
        // Byte Buddy attaches the jar to the running JVM (agentmain): same traces as -javaagent at launch.
        String[] fixtures = {"dev.coro.fixtures.Seeds", "dev.coro.fixtures.YieldFromBasics"};
        Fork.Output atLaunch = Fork.run(null, List.of("-javaagent:" + Fork.agentJar()), Fork.testClasspath(),
                "dev.coro.harness.ForkMain", fixtures);
        List<String> args = new java.util.ArrayList<>(List.of(Fork.agentJar().toString()));
        args.addAll(List.of(fixtures));
        Fork.Output attached = Fork.run(null, List.of("-Djdk.attach.allowAttachSelf=true", "-XX:+EnableDynamicAgentLoading"),
                Fork.testClasspath(), "dev.coro.harness.AttachThenRun", args.toArray(new String[0]));
        assertEquals(0, attached.exitCode(), attached.stderr());
        assertEquals("", attached.stderr());
        assertTrue(attached.stdout().contains("### dev.coro.fixtures.Seeds#"), attached.stdout());
        assertTrue(attached.stdout().contains("next -> 514229\n"), attached.stdout());
        assertEquals(atLaunch.stdout(), attached.stdout());
    }
}
