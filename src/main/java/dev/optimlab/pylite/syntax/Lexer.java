package dev.optimlab.pylite.syntax;

import dev.optimlab.pylite.syntax.Token.Kind;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns source text into tokens with INDENT/DEDENT; mirrors CPython's tokenizer (Parser/tokenizer.c),
 * including implicit line joining inside brackets and backslash continuation.
 */
public final class Lexer {
    /** CPython's limit on decimal digits in int literals (sys.int_info.default_max_str_digits). */
    public static final int MAX_STR_DIGITS = 4300;


    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Integer> indents = new ArrayDeque<>();
    /** The same indentation levels measured with a tab counting as one column, as CPython's altindstack. */
    private final Deque<Integer> altIndents = new ArrayDeque<>();
    private final Deque<Token> brackets = new ArrayDeque<>();
    private int pos;
    private int line = 1;
    private int lineStart;
    private boolean atLineStart = true;

    public Lexer(String src) {
        this.src = src.replace("\r\n", "\n").replace('\r', '\n');
        indents.push(0);
        altIndents.push(0);
    }

    public List<Token> tokenize() {
        while (pos < src.length()) {
            if (atLineStart) {
                if (!readIndentation()) {
                    continue;
                }
            }
            char c = src.charAt(pos);
            if (c == '\n') {
                newline();
            } else if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                skipComment();
            } else if (c == '\\') {
                continuation();
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                number();
            } else if (isIdentifierStart(c)) {
                nameOrString();
            } else if (c == '"' || c == '\'') {
                string("", pos);
            } else {
                operator();
            }
        }
        if (!brackets.isEmpty()) {
            Token open = brackets.peek();
            throw PySyntaxError.syntax("'" + open.text() + "' was never closed", open.line(), open.col());
        }
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Kind.NEWLINE
                && tokens.get(tokens.size() - 1).kind() != Kind.DEDENT) {
            add(Kind.NEWLINE, "", null, pos, pos);
        }
        while (indents.peek() > 0) {
            indents.pop();
            add(Kind.DEDENT, "", null, pos, pos);
        }
        add(Kind.ENDMARKER, "", null, pos, pos);
        return tokens;
    }

    /** Measures the indentation of a new logical line; returns false if the line was blank or a comment. */
    private boolean readIndentation() {
        int width = 0;
        int altWidth = 0;
        int start = pos;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ') {
                width++;
                altWidth++;
            } else if (c == '\t') {
                width = (width / 8 + 1) * 8;
                altWidth++;
            } else if (c == '\f') {
                width = 0;
                altWidth = 0;
            } else {
                break;
            }
            pos++;
        }
        if (pos >= src.length()) {
            return false;
        }
        char c = src.charAt(pos);
        if (c == '\n' || c == '#' || (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n')) {
            if (c == '#') {
                skipComment();
            }
            if (pos < src.length() && src.charAt(pos) == '\\') {
                pos += 2;
                line++;
                lineStart = pos;
                return false;
            }
            if (pos < src.length()) {
                pos++;
                line++;
                lineStart = pos;
            }
            return false;
        }
        atLineStart = false;
        int current = indents.peek();
        if (width == current && altWidth != altIndents.peek()) {
            throw inconsistentTabs();
        }
        if (width > current) {
            if (altWidth <= altIndents.peek()) {
                throw inconsistentTabs();
            }
            indents.push(width);
            altIndents.push(altWidth);
            tokens.add(new Token(Kind.INDENT, src.substring(start, pos), null, line, 0, pos - lineStart));
        } else if (width < current) {
            while (indents.peek() > width) {
                indents.pop();
                altIndents.pop();
                tokens.add(new Token(Kind.DEDENT, "", null, line, pos - lineStart, pos - lineStart));
            }
            if (indents.peek() != width) {
                // CPython's tokenizer reports it past the end of the line
                int lineEnd = src.indexOf('\n', pos);
                throw new PySyntaxError("IndentationError", "unindent does not match any outer indentation level",
                        line, (lineEnd < 0 ? src.length() : lineEnd) - lineStart);
            }
            if (altWidth != altIndents.peek()) {
                throw inconsistentTabs();
            }
        }
        return true;
    }

    /**
     * CPython's tokenizer raises TabError when tabs and spaces order two lines differently at tab sizes 8 and 1;
     * it prints no caret.
     */
    private PySyntaxError inconsistentTabs() {
        return new PySyntaxError("TabError", "inconsistent use of tabs and spaces in indentation", line, -1);
    }

    private void newline() {
        if (brackets.isEmpty()) {
            add(Kind.NEWLINE, "\n", null, pos, pos + 1);
            atLineStart = true;
        }
        pos++;
        line++;
        lineStart = pos;
    }

    private void skipComment() {
        while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void continuation() {
        if (pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
            pos += 2;
            line++;
            lineStart = pos;
            if (pos >= src.length()) {
                throw PySyntaxError.syntax("unexpected EOF while parsing", line - 1, 0);
            }
            return;
        }
        throw PySyntaxError.syntax("unexpected character after line continuation character", line, pos - lineStart);
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private void nameOrString() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        String word = src.substring(start, pos);
        if (pos < src.length() && (src.charAt(pos) == '\'' || src.charAt(pos) == '"') && word.length() <= 2
                && isStringPrefix(word.toLowerCase())) {
            string(word.toLowerCase(), start);
            return;
        }
        add(Kind.NAME, word, null, start, pos);
    }

    /** Whether a word before a quote is one of the string prefixes the tokenizer knows (lower-cased). */
    private static boolean isStringPrefix(String word) {
        return switch (word) {
            case "r", "u", "f", "b", "rf", "fr", "rb", "br" -> true;
            default -> false;
        };
    }

    private void string(String prefix, int start) {
        if (prefix.contains("b")) {
            throw PySyntaxError.syntax("bytes literals are not supported in OptimLab", line, start - lineStart);
        }
        int startLine = line;
        int startCol = start - lineStart;
        char quote = src.charAt(pos);
        boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        int bodyStart = pos;
        while (true) {
            if (pos >= src.length()) {
                throw unterminated(triple, startLine, startCol);
            }
            char c = src.charAt(pos);
            if (c == '\\') {
                if (pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                    line++;
                    lineStart = pos + 2;
                }
                pos += 2;
                continue;
            }
            if (c == '\n') {
                if (!triple) {
                    throw unterminated(false, startLine, startCol);
                }
                line++;
                lineStart = pos + 1;
            }
            if (c == quote && (!triple || src.startsWith(String.valueOf(quote).repeat(3), pos))) {
                break;
            }
            pos++;
        }
        String body = src.substring(bodyStart, pos);
        pos += triple ? 3 : 1;
        boolean raw = prefix.contains("r");
        if (prefix.contains("f")) {
            tokens.add(new Token(Kind.FSTRING, raw ? "r" : "", body, startLine, startCol, pos - lineStart));
        } else {
            String value = raw ? body : unescape(body, startLine, startCol);
            tokens.add(new Token(Kind.STRING, body, value, startLine, startCol, pos - lineStart));
        }
    }

    private PySyntaxError unterminated(boolean triple, int startLine, int startCol) {
        String what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
        int detected = triple ? line - (pos > 0 && src.charAt(pos - 1) == '\n' ? 1 : 0) : startLine;
        return PySyntaxError.syntax(what + " (detected at line " + detected + ")", startLine, startCol);
    }

    /** Decodes backslash escapes as CPython does for non-raw literals; unknown escapes stay as written. */
    public static String unescape(String s, int line, int col) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case '\n' -> { }
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x', 'u', 'U' -> {
                    int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    String hex = s.substring(i + 1, Math.min(s.length(), i + 1 + len));
                    if (hex.length() < len || !hex.matches("[0-9a-fA-F]+")) {
                        throw PySyntaxError.syntax("(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\"
                                + e + "XX escape", line, col);
                    }
                    out.appendCodePoint(Integer.parseInt(hex, 16));
                    i += len;
                }
                case 'N' -> throw PySyntaxError.syntax("\\N{...} escapes are not supported in OptimLab", line, col);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < s.length() && end < i + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(s.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private void number() {
        int start = pos;
        int col = start - lineStart;
        Object value;
        if (src.charAt(pos) == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
            char base = Character.toLowerCase(src.charAt(pos + 1));
            pos += 2;
            int digitsStart = pos;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            String digits = src.substring(digitsStart, pos).replace("_", "");
            int radix = base == 'x' ? 16 : base == 'o' ? 8 : 2;
            try {
                value = narrow(new BigInteger(digits, radix));
            } catch (NumberFormatException ex) {
                String kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
                throw PySyntaxError.syntax("invalid " + kind + " literal", line, col);
            }
        } else {
            boolean isFloat = false;
            digits();
            if (pos < src.length() && src.charAt(pos) == '.') {
                isFloat = true;
                pos++;
                digits();
            }
            if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
                int save = pos;
                pos++;
                if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    isFloat = true;
                    digits();
                } else {
                    pos = save;
                }
            }
            String literal = src.substring(start, pos).replace("_", "");
            if (pos < src.length() && (src.charAt(pos) == 'j' || src.charAt(pos) == 'J')) {
                throw PySyntaxError.syntax("complex numbers are not supported in OptimLab", line, col);
            }
            if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
                throw PySyntaxError.syntax("invalid decimal literal", line, col);
            }
            if (isFloat) {
                value = Double.parseDouble(literal);
            } else {
                if (literal.length() > 1 && literal.charAt(0) == '0' && !literal.matches("0+")) {
                    throw PySyntaxError.syntax("leading zeros in decimal integer literals are not permitted; "
                            + "use an 0o prefix for octal integers", line, col);
                }
                if (literal.length() > MAX_STR_DIGITS) {
                    throw PySyntaxError.syntax("Exceeds the limit (4300 digits) for integer string conversion: value has "
                            + literal.length() + " digits; use sys.set_int_max_str_digits() to increase the limit"
                            + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                            line, col);
                }
                // 18 decimal digits always fit a long, which is what narrow() gives for them
                value = literal.length() <= 18 ? (Object) Long.parseLong(literal) : narrow(new BigInteger(literal));
            }
        }
        tokens.add(new Token(Kind.NUMBER, src.substring(start, pos), value, line, col, pos - lineStart));
    }

    private void digits() {
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || (src.charAt(pos) == '_'
                && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))))) {
            pos++;
        }
    }

    private static Object narrow(BigInteger v) {
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private void operator() {
        int start = pos;
        int length = operatorLength();
        if (length == 0) {
            int cp = src.codePointAt(pos);
            String shown = new String(Character.toChars(cp));
            if (cp == '!' || cp == '$' || cp == '?' || cp == '`') {
                throw PySyntaxError.syntax("invalid syntax", line, pos - lineStart);
            }
            throw PySyntaxError.syntax("invalid character '" + shown + "' (U+" + String.format("%04X", cp) + ")",
                    line, pos - lineStart);
        }
        String op = src.substring(pos, pos + length);
        pos += length;
        Token token = new Token(Kind.OP, op, null, line, start - lineStart, pos - lineStart);
        switch (op.charAt(0)) {
            case '(', '[', '{' -> brackets.push(token);
            case ')', ']', '}' -> {
                if (brackets.isEmpty()) {
                    throw PySyntaxError.syntax("unmatched '" + op + "'", line, start - lineStart);
                }
                Token open = brackets.pop();
                String expected = switch (open.text()) {
                    case "(" -> ")";
                    case "[" -> "]";
                    default -> "}";
                };
                if (!expected.equals(op)) {
                    String msg = "closing parenthesis '" + op + "' does not match opening parenthesis '" + open.text() + "'";
                    if (open.line() != line) {
                        msg += " on line " + open.line();
                    }
                    throw PySyntaxError.syntax(msg, line, start - lineStart);
                }
            }
            default -> { }
        }
        tokens.add(token);
    }

    /**
     * How many characters the operator at {@code pos} spans, the longest of Python's operators that starts
     * there (as Parser/token.c's PyToken_ThreeChars, TwoChars, OneChar), or 0 when none does.
     */
    private int operatorLength() {
        char c = src.charAt(pos);
        char next = pos + 1 < src.length() ? src.charAt(pos + 1) : '\0';
        char third = pos + 2 < src.length() ? src.charAt(pos + 2) : '\0';
        return switch (c) {
            // ** // << >> and their augmented forms, *= /= <= >=
            case '*', '/', '<', '>' -> next == c ? (third == '=' ? 3 : 2) : next == '=' ? 2 : 1;
            case '.' -> next == '.' && third == '.' ? 3 : 1;
            case '-' -> next == '=' || next == '>' ? 2 : 1;
            case '+', '%', '&', '|', '^', '@', ':', '=' -> next == '=' ? 2 : 1;
            case '!' -> next == '=' ? 2 : 0;
            case '~', '(', ')', '[', ']', '{', '}', ',', ';' -> 1;
            default -> 0;
        };
    }

    private void add(Kind kind, String text, Object value, int start, int end) {
        tokens.add(new Token(kind, text, value, line, start - lineStart, end - lineStart));
    }
}
