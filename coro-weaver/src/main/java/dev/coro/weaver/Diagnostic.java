package dev.coro.weaver;

/**
 * One problem found while weaving, as data; front ends format it (the agent prefixes {@code coro: },
 * the Maven plugin fails the build with it).
 *
 * @param code what kind of problem
 * @param className binary name ({@code a.b.C$D}) of the class
 * @param methodName the method's name, or null for a class-level problem
 * @param sourceFile the SourceFile attribute, or null when the class has none
 * @param line the line, or 0 when unknown
 * @param message what is wrong, in words
 */
public record Diagnostic(Code code, String className, String methodName, String sourceFile, int line,
        String message) {

    /** The kinds of problems. */
    public enum Code {
        /** A Yield call in a method that is not @Coroutine (lambda bodies included). */
        YIELD_OUTSIDE_COROUTINE,
        /** A Yield call while a monitor is held. */
        YIELD_IN_SYNCHRONIZED,
        /** A synchronized @Coroutine method. */
        SYNCHRONIZED_COROUTINE,
        /** A @Coroutine method whose return type is not Coro. */
        BAD_RETURN_TYPE,
        /** A call to a Yield method this weaver does not know. */
        UNKNOWN_YIELD_METHOD,
        /**
         * Where the generic signature says {@code Coro<Y, S, R>}: a value yielded, received, delegated
         * to or returned that cannot be of its type, or a return that is not {@code Yield.done(...)}.
         */
        TYPE_MISMATCH,
        /** Bytecode the weaver cannot make resumable (an unusual compiler's shape, JSR/RET...). */
        UNSUPPORTED_CODE,
        /** A class file version outside 52 (Java 8) to 69 (Java 25). */
        UNSUPPORTED_VERSION,
        /** A truncated or corrupt class file. */
        BAD_CLASS_FILE,
        /** A class needed for stack map frames could not be found. */
        MISSING_CLASS,
        /** The class files on the classpath describe an impossible hierarchy (a superclass chain that loops). */
        BAD_HIERARCHY,
        /** The weaver ran out of thread stack (a class loaded near the end of a thread's stack): retry on a larger one. */
        OUT_OF_STACK,
        /** The woven method would exceed the JVM's 64 KB code limit. */
        METHOD_TOO_LARGE,
        /** A member or class the weaver must add already exists under that name (a user's own, or a crafted one). */
        NAME_CLASH,
        /** A class woven by another version of coro's weaver, whose woven code this runtime cannot run. */
        STALE_WEAVE,
        /** The weaver's own output failed verification, or the weaver failed: a bug in coro. */
        INTERNAL_ERROR
    }

    /** javac's form: {@code Demo.java:12: pkg.Demo.averager(): Yield.value inside a synchronized block}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(sourceFile != null ? sourceFile : simpleClassFile());
        if (line > 0) sb.append(':').append(line);
        sb.append(": ").append(className);
        if (methodName != null) sb.append('.').append(methodName).append("()");
        sb.append(": ").append(message);
        return sb.toString();
    }

    private String simpleClassFile() {
        String n = className == null ? "<unknown>" : className;
        int dot = n.lastIndexOf('.');
        return n.substring(dot + 1) + ".class";
    }

    @Override
    public String toString() {
        return format();
    }
}
