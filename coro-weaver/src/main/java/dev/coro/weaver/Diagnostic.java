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

    /**
     * The kinds of problems, each with what it means and what to do about it: the text
     * docs/diagnostics.md lists for it (a test keeps the two in step) and the build front ends print
     * as a hint. A code's name is stable: tests, docs and users' searches go by it.
     */
    public enum Code {
        YIELD_OUTSIDE_COROUTINE("a Yield call in a method that is not @Coroutine (lambda bodies included)",
                "annotate the method with @dev.coro.Coroutine and make it return Coro<Y, S, R>"),
        YIELD_IN_SYNCHRONIZED("a Yield call while a monitor is held",
                "move the Yield out of the synchronized block: a suspended coroutine cannot hold a monitor"
                        + " (take the lock again after resuming)"),
        SYNCHRONIZED_COROUTINE("a synchronized @Coroutine method",
                "remove synchronized from the method; lock inside it, around code that does not yield"),
        BAD_RETURN_TYPE("a @Coroutine method whose return type is not Coro",
                "declare the method to return dev.coro.Coro<Y, S, R> and end it with return Yield.done(...)"),
        UNKNOWN_YIELD_METHOD("a call to a Yield method this weaver does not know",
                "the class was compiled against another coro-api than the weaver's: use one coro version for both"),
        TYPE_MISMATCH("where the generic signature says Coro<Y, S, R>: a value yielded, received, delegated to or"
                + " returned that cannot be of its type, or a return that is not Yield.done(...)",
                "make the value's type match the coroutine's Coro<Y, S, R>, or change those type arguments"),
        UNSUPPORTED_CODE("bytecode the weaver cannot make resumable (an unusual compiler's shape, JSR/RET...),"
                + " or that does not verify as compiled",
                "compile the class with javac or ecj, for Java 8 or later"),
        UNSUPPORTED_VERSION("a class file version outside 52 (Java 8) to 69 (Java 25)",
                "compile the class for Java 8 to 25 (javac --release)"),
        BAD_CLASS_FILE("a truncated or corrupt class file", "the class file is damaged: rebuild it"),
        MISSING_CLASS("a class needed for stack map frames could not be found",
                "put the jar or directory holding that class on the weaver's classpath"),
        BAD_HIERARCHY("the class files on the classpath describe an impossible hierarchy (a superclass chain that"
                + " loops)", "the class files on the weaver's classpath disagree about their superclasses: rebuild"
                + " them from source together"),
        OUT_OF_STACK("the weaver ran out of thread stack (a class loaded near the end of a thread's stack)",
                "run the weaver with a larger thread stack (-Xss)"),
        METHOD_TOO_LARGE("the woven method would exceed the JVM's 64 KB code limit (or the woven class its 65535"
                + " constants)", "split the coroutine: move part of its body into another @Coroutine method and call"
                + " it with Yield.from"),
        NAME_CLASH("a member or class the weaver must add already exists under that name (a user's own, or a"
                + " crafted one)", "rename the coroutine or the other method (overloads of a coroutine are fine)"),
        STALE_WEAVE("a class woven by another version of coro's weaver, whose woven code this runtime cannot run",
                "delete the build's output (mvn clean) so that the class is compiled and woven again"),
        INTERNAL_ERROR("the weaver's own output failed verification, or the weaver failed: a bug in coro",
                "a bug in coro: please report it with this class file");

        private final String meaning;
        private final String remedy;

        Code(String meaning, String remedy) {
            this.meaning = meaning;
            this.remedy = remedy;
        }

        /** What the problem is, in one line. */
        public String meaning() {
            return meaning;
        }

        /** What to do about it, in one line. */
        public String remedy() {
            return remedy;
        }
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
