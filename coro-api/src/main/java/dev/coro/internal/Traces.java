package dev.coro.internal;

/**
 * Stack traces as Python's traceback shows them: an exception that leaves a sub-coroutine and is
 * raised in its delegator at {@code Yield.from} gets the delegator's frame, at the line of that call,
 * below the frames of the body it came from. Resumes go straight to the innermost coroutine (that is
 * what keeps them O(1) at any depth), so the delegators were never on the Java stack: they are put
 * back here, on the exception path only.
 */
final class Traces {
    private Traces() {}

    /** No delegator added yet: the next one goes below the failing body's frames. */
    static final int NOT_YET = -1;
    /** The exception did not come from the body (it was thrown in, or has no stack trace): add nothing. */
    static final int NEVER = -2;

    /**
     * Inserts {@code delegator}'s frame into {@code failure}'s stack trace, below the frames of the
     * body of {@code child} it escaped from (first delegator) or below the previous delegator.
     *
     * @param at {@link #NOT_YET}, {@link #NEVER}, or the index the previous delegator was put at
     * @return the index for the next delegator's frame
     */
    static int addDelegator(Throwable failure, CoroFrame<?, ?, ?> child, CoroFrame<?, ?, ?> delegator, int at) {
        if (at == NEVER) return NEVER;
        StackTraceElement[] st = failure.getStackTrace();
        int index = at + 1;
        if (at == NOT_YET) {
            // the body's frames end where the child's frame class (its resume) or the runtime begins
            String frame = child.getClass().getName();
            index = -1;
            for (int i = 0; i < st.length && index < 0; i++) {
                String c = st[i].getClassName();
                if (c.equals(frame) || c.equals(CoroFrame.class.getName())) index = i;
            }
            if (index <= 0) return NEVER;
        }
        if (index > st.length) return NEVER;
        StackTraceElement[] out = new StackTraceElement[st.length + 1];
        System.arraycopy(st, 0, out, 0, index);
        out[index] = delegator.suspendedAt();
        System.arraycopy(st, index, out, index + 1, st.length - index);
        failure.setStackTrace(out);
        return index;
    }

    /** {@code Demo.java:37}, or what is known of it. */
    static String where(String sourceFile, int line) {
        String file = sourceFile == null ? "Unknown Source" : sourceFile;
        return line > 0 ? file + ":" + line : file;
    }
}
