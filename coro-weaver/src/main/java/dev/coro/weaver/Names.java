package dev.coro.weaver;

import org.objectweb.asm.Type;

/** Every JVM name and descriptor the weaver emits or recognises, in one place. */
final class Names {
    private Names() {}

    static final String YIELD = "dev/coro/Yield";
    static final String COROUTINE_DESC = "Ldev/coro/Coroutine;";
    static final String CORO = "dev/coro/Coro";
    static final String CORO_DESC = "Ldev/coro/Coro;";
    static final String FRAME_BASE = "dev/coro/internal/CoroFrame";
    static final String BOOTSTRAP = "dev/coro/internal/Bootstrap";
    /**
     * Invisible class annotation that marks a woven class: weaving it again is a no-op. Its element
     * {@code contract} is {@link #CONTRACT}.
     */
    static final String WOVEN_DESC = "Ldev/coro/internal/Woven;";
    static final String WOVEN_CONTRACT = "contract";
    /**
     * The version of the contract between woven code and the runtime ({@code Bootstrap},
     * {@code CoroFrame}): the first static argument of every coroutine {@code invokedynamic}, checked by
     * the bootstrap. Must equal {@code dev.coro.internal.Bootstrap.CONTRACT}.
     */
    static final int CONTRACT = 2;

    static final String OBJECT = "java/lang/Object";
    static final String OBJECT_DESC = "Ljava/lang/Object;";
    static final String THROWABLE_DESC = "Ljava/lang/Throwable;";
    static final String STRING_DESC = "Ljava/lang/String;";

    // CoroFrame members the frame class uses (the woven body reaches them only through the frame's trampolines).
    static final String LABEL_FIELD = "label";
    static final String RESUME = "resume";
    static final String RESUME_DESC = "(ILjava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;";
    static final String CLEAR_LOCALS = "clearLocals";
    static final String METHOD_NAME = "methodName";
    static final String SOURCE_FILE = "sourceFile";
    static final String LINE = "line";
    static final String DELEGATE = "delegate";
    // CoroFrame's fast-path steps, called by the frame class's own send (see docs/weaving.md)
    static final String FAST_ENTER = "fastEnter";
    static final String FAST_FAILED = "fastFailed";
    static final String FAST_EXIT = "fastExit";
    static final String SLOW_SEND = "slowSend";
    /** {@code CoroFrame.FAILED}: the label of a coroutine whose body threw (must match the runtime's). */
    static final int FAILED_LABEL = -4;
    static final String DELEGATE_DESC = "(Ljava/lang/Object;I)Ljava/lang/Object;";
    /** The frame class's trampolines, called by the body: {@code label(F, int)}, {@code delegate(F, Object, int)}. */
    static final String SET_LABEL = "label";
    /** The frame class's {@code static void check(Throwable t)}: throws {@code t} unless it is null. */
    static final String CHECK_THROWN = "check";
    /** The frame class's fields holding the receiver and the parameters: {@code self}, {@code p0}, {@code p1}, ... */
    static final String SELF_FIELD = "self";
    static final String PARAM_FIELD_PREFIX = "p";

    static final String BOOTSTRAP_NAME = "coroutine";
    /** {@code (Lookup, String, MethodType, Object...)}: a descriptor that never changes; the contract is an argument. */
    static final String BOOTSTRAP_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;";
    /** Bit 0 of the bootstrap's flags argument: {@code @Coroutine(primed = true)}. */
    static final int FLAG_PRIMED = 1;

    /** Number of trailing parameters of a body method, after the original ones: frame, label, sent, thrown. */
    static final int BODY_PARAMS = 4;
    static final int BODY_FRAME = 0;
    static final int BODY_LABEL = 1;
    static final int BODY_SENT = 2;
    static final int BODY_THROWN = 3;

    /**
     * The trailing part of every body method's descriptor. The frame is typed {@code CoroFrame}, not
     * its own class: that class is defined only when the coroutine is first called, and reflection on
     * the woven class ({@code getDeclaredMethods}) must not need it before then. The body casts it on entry.
     */
    static final String BODY_TAIL = "L" + FRAME_BASE + ";ILjava/lang/Object;Ljava/lang/Throwable;";

    /** The body of a coroutine method with descriptor {@code desc}: the original parameters, then the four. */
    static String bodyDesc(String desc) {
        return desc.substring(0, desc.indexOf(')')) + BODY_TAIL + ")" + OBJECT_DESC;
    }

    /**
     * The host's static trampoline to an instance body, used where the frame class is not the host's
     * nestmate: {@code static Object m(Host self, params, CoroFrame, int, Object, Throwable)}.
     */
    static String trampolineDesc(String host, String desc) {
        return "(L" + host + ";" + bodyDesc(desc).substring(1);
    }

    /** {@code a/b/C} to {@code a.b.C}. */
    static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }

    static final Type OBJECT_TYPE = Type.getObjectType(OBJECT);
}
