package dev.optimlab.pylite.syntax;

/**
 * One lexical token; mirrors CPython's {@code tokenize.TokenInfo} (type, string, start position).
 *
 * @param kind what sort of token this is
 * @param text the source text (for STRING and FSTRING the decoded body, for NUMBER the literal)
 * @param value the literal's value: Long/BigInteger/Double for numbers, String for strings
 * @param line 1-based line of the first character
 * @param col 0-based column of the first character, as CPython's col_offset
 * @param endCol 0-based column just after the token on its last line
 */
public record Token(Kind kind, String text, Object value, int line, int col, int endCol) {

    /** Token kinds, named after CPython's {@code token} module. */
    public enum Kind { NAME, NUMBER, STRING, FSTRING, OP, NEWLINE, INDENT, DEDENT, ENDMARKER }

    public boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    public boolean isOp(String t) {
        return kind == Kind.OP && text.equals(t);
    }

    public boolean isKeyword(String t) {
        return kind == Kind.NAME && text.equals(t);
    }
}
