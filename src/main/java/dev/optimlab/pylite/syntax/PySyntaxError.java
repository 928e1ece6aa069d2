package dev.optimlab.pylite.syntax;

/**
 * A compile-time error; mirrors CPython's {@code SyntaxError} and its subclass {@code IndentationError}.
 * Carries the position so the traceback can show the source line and a caret.
 */
public final class PySyntaxError extends RuntimeException {
    private final String typeName;
    private final int line;
    private final int col;

    public PySyntaxError(String typeName, String message, int line, int col) {
        super(message, null, false, false);
        this.typeName = typeName;
        this.line = line;
        this.col = col;
    }

    public static PySyntaxError syntax(String message, int line, int col) {
        return new PySyntaxError("SyntaxError", message, line, col);
    }

    /** "SyntaxError" or "IndentationError", as CPython names the class. */
    public String typeName() {
        return typeName;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }

    /** 0-based column. */
    public int col() {
        return col;
    }
}
