package dev.coro.weaver;

import java.util.List;

/**
 * The outcome of weaving one class file.
 *
 * @param status what happened
 * @param bytes the woven class file when {@code status == WOVEN}; otherwise the input, unchanged
 * @param diagnostics the problems found (non-empty exactly when {@code status == REJECTED})
 */
public record WeaveResult(Status status, byte[] bytes, List<Diagnostic> diagnostics) {

    public enum Status {
        /** Nothing to weave: the class mentions no coroutine (or has no @Coroutine method with a body). */
        UNTOUCHED,
        /** Woven before: weaving again changes nothing. */
        ALREADY_WOVEN,
        /** Woven: {@link #bytes()} is the new class file. */
        WOVEN,
        /** Rejected: see {@link #diagnostics()}; the class is left entirely unwoven. */
        REJECTED
    }

    public boolean changed() {
        return status == Status.WOVEN;
    }
}
