package dev.coro.weaver;

/** Thrown inside the weaver when a method cannot be woven; the weaver turns it into a {@link Diagnostic}. */
final class WeaveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final Diagnostic.Code code;
    /** The instruction's line when known, else 0 (the method's first line is used). */
    final int line;
    /** The method and source file the problem lies in, when the thrower knows them (input checks), else null. */
    final String method;
    final String sourceFile;

    WeaveException(Diagnostic.Code code, int line, String message, String method, String sourceFile) {
        super(message);
        this.code = code;
        this.line = line;
        this.method = method;
        this.sourceFile = sourceFile;
    }

    WeaveException(Diagnostic.Code code, int line, String message) {
        this(code, line, message, null, null);
    }

    WeaveException(Diagnostic.Code code, String message) {
        this(code, 0, message);
    }
}
