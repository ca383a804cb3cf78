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
    /** Invisible class annotation that marks a woven class: weaving it again is a no-op. */
    static final String WOVEN_DESC = "Ldev/coro/internal/Woven;";

    static final String OBJECT = "java/lang/Object";
    static final String OBJECT_DESC = "Ljava/lang/Object;";
    static final String THROWABLE_DESC = "Ljava/lang/Throwable;";
    static final String STRING_DESC = "Ljava/lang/String;";

    // CoroFrame members the woven code and the frame class use.
    static final String LABEL_FIELD = "label";
    static final String RESUME = "resume";
    static final String RESUME_DESC = "(ILjava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;";
    static final String CLEAR_LOCALS = "clearLocals";
    static final String METHOD_NAME = "methodName";
    static final String DELEGATE = "delegate";
    static final String DELEGATE_DESC = "(Ljava/lang/Object;I)Ljava/lang/Object;";

    static final String BOOTSTRAP_NAME = "coroutine";
    static final String BOOTSTRAP_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/String;Ljava/lang/String;I)Ljava/lang/invoke/CallSite;";

    /** Number of leading parameters of a body method: frame, label, sent, thrown. */
    static final int BODY_PARAMS = 4;
    static final int BODY_FRAME = 0;
    static final int BODY_LABEL = 1;
    static final int BODY_SENT = 2;
    static final int BODY_THROWN = 3;

    /**
     * The body method's descriptor. The frame is typed {@code CoroFrame}, not its own class: that
     * class is defined only when the coroutine is first called, and reflection on the woven class
     * ({@code getDeclaredMethods}) must not need it before then. The body casts it on entry.
     */
    static final String BODY_DESC = "(L" + FRAME_BASE + ";ILjava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;";

    /** {@code a/b/C} to {@code a.b.C}. */
    static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }

    static final Type OBJECT_TYPE = Type.getObjectType(OBJECT);
}
