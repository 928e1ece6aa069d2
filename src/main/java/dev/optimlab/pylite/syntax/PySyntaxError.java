package dev.optimlab.pylite.syntax;

/**
 * A compile-time error; mirrors CPython's {@code SyntaxError} and its subclass {@code IndentationError}.
 * Carries the position CPython reports ({@code lineno}, {@code offset}, {@code end_lineno}, {@code end_offset})
 * so the traceback can show the source line and the caret range under it.
 */
public final class PySyntaxError extends RuntimeException {
    private final String typeName;
    private final int line;
    private final int col;
    private final int endLine;
    private final int endCol;

    /** An error at one point: a single caret, as CPython prints when {@code end_offset} equals {@code offset}. */
    public PySyntaxError(String typeName, String message, int line, int col) {
        this(typeName, message, line, col, line, -1);
    }

    public PySyntaxError(String typeName, String message, int line, int col, int endLine, int endCol) {
        super(message, null, false, false);
        this.typeName = typeName;
        this.line = line;
        this.col = col;
        this.endLine = endLine;
        this.endCol = endCol;
    }

    public static PySyntaxError syntax(String message, int line, int col) {
        return new PySyntaxError("SyntaxError", message, line, col);
    }

    /** An error over a range of source, underlined with {@code ^^^} as CPython 3.11 does. */
    public static PySyntaxError syntax(String message, int line, int col, int endLine, int endCol) {
        return new PySyntaxError("SyntaxError", message, line, col, endLine, endCol);
    }

    /** "SyntaxError" or "IndentationError", as CPython names the class. */
    public String typeName() {
        return typeName;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }

    /** 0-based column; negative or before the line's indentation when CPython prints no caret. */
    public int col() {
        return col;
    }

    /** 1-based line where the underlined range ends. */
    public int endLine() {
        return endLine;
    }

    /** 0-based column where the underlined range ends (exclusive), or -1 for a single caret. */
    public int endCol() {
        return endCol;
    }
}
