package dev.coro.harness;

import net.bytebuddy.agent.ByteBuddyAgent;

import java.io.File;
import java.util.Arrays;

/**
 * Attaches the agent jar {@code args[0]} to this running JVM (its {@code Agent-Class}, as a tool
 * attaching late would), then runs the fixtures named by the other arguments as {@link ForkMain} does.
 * The fixtures load after the attach, so they are woven.
 */
public final class AttachThenRun {
    private AttachThenRun() {}

    public static void main(String[] args) throws Exception {
        ByteBuddyAgent.attach(new File(args[0]), String.valueOf(ProcessHandle.current().pid()));
        ForkMain.main(Arrays.copyOfRange(args, 1, args.length));
    }
}
