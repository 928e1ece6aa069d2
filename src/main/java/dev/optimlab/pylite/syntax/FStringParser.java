package dev.optimlab.pylite.syntax;

import dev.optimlab.pylite.syntax.Node.Constant;
import dev.optimlab.pylite.syntax.Node.Expression;
import dev.optimlab.pylite.syntax.Node.FormattedValue;
import dev.optimlab.pylite.syntax.Node.JoinedStr;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an f-string body into literal text and replacement fields; mirrors CPython 3.11's
 * Parser/string_parser.c (fstring_find_literal / fstring_find_expr), including {@code =} and {@code !r}.
 */
final class FStringParser {
    private final String body;
    private final boolean raw;
    private final int line;
    private final int col;
    private final int depth;
    private int pos;

    FStringParser(Token token, int depth) {
        this.body = (String) token.value();
        this.raw = token.text().equals("r");
        this.line = token.line();
        this.col = token.col();
        this.depth = depth;
    }

    List<Expression> parse() {
        return parts(false);
    }

    /** Parses literal text and fields up to the end, or up to an unmatched '}' when inside a format spec. */
    private List<Expression> parts(boolean inSpec) {
        List<Expression> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (pos < body.length()) {
            char c = body.charAt(pos);
            if (c == '{') {
                if (!inSpec && pos + 1 < body.length() && body.charAt(pos + 1) == '{') {
                    literal.append('{');
                    pos += 2;
                    continue;
                }
                flush(parts, literal);
                pos++;
                field(parts);
            } else if (c == '}') {
                if (inSpec) {
                    break;
                }
                if (pos + 1 < body.length() && body.charAt(pos + 1) == '}') {
                    literal.append('}');
                    pos += 2;
                    continue;
                }
                throw error("f-string: single '}' is not allowed");
            } else {
                literal.append(c);
                pos++;
            }
        }
        flush(parts, literal);
        return parts;
    }

    private void flush(List<Expression> parts, StringBuilder literal) {
        if (!literal.isEmpty()) {
            String text = raw ? literal.toString() : Lexer.unescape(literal.toString(), line, col);
            parts.add(new Constant(text, line, col));
            literal.setLength(0);
        }
    }

    private void field(List<Expression> parts) {
        int start = pos;
        int nesting = 0;
        char quote = 0;
        while (pos < body.length()) {
            char c = body.charAt(pos);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                throw error("f-string expression part cannot include a backslash");
            } else if (c == '(' || c == '[' || c == '{') {
                nesting++;
            } else if (c == ')' || c == ']' || (c == '}' && nesting > 0)) {
                nesting--;
            } else if (nesting == 0 && (c == '}' || c == ':' || (c == '!' && next() != '=')
                    || (c == '=' && next() != '=' && "=!<>".indexOf(prev()) < 0))) {
                break;
            }
            pos++;
        }
        if (quote != 0) {
            throw error("f-string: unterminated string");
        }
        if (pos >= body.length()) {
            throw error("f-string: expecting '}'");
        }
        String source = body.substring(start, pos);
        if (source.isBlank()) {
            throw error("f-string: empty expression not allowed");
        }
        Expression value = expression(source);
        int conversion = -1;
        if (body.charAt(pos) == '=') {
            pos++;
            int spaceStart = pos;
            while (pos < body.length() && Character.isWhitespace(body.charAt(pos))) {
                pos++;
            }
            parts.add(new Constant(source + "=" + body.substring(spaceStart, pos), line, col));
            conversion = 'r';
        }
        if (pos < body.length() && body.charAt(pos) == '!') {
            pos++;
            char conv = pos < body.length() ? body.charAt(pos) : 0;
            if (conv != 'r' && conv != 's' && conv != 'a') {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            conversion = conv;
            pos++;
        }
        Expression spec = null;
        if (pos < body.length() && body.charAt(pos) == ':') {
            pos++;
            if (conversion == 'r' && debugText(start, source)) {
                conversion = -1;
            }
            List<Expression> specParts = parts(true);
            spec = new JoinedStr(specParts, line, col);
        }
        if (pos >= body.length() || body.charAt(pos) != '}') {
            throw error("f-string: expecting '}'");
        }
        pos++;
        parts.add(new FormattedValue(value, conversion, spec, line, col));
    }

    private boolean debugText(int start, String source) {
        return body.charAt(start + source.length()) == '=' && body.lastIndexOf('!', pos - 1) < start + source.length();
    }

    private Expression expression(String source) {
        List<Token> tokens;
        try {
            tokens = new Lexer("(" + source.strip() + ")").tokenize();
        } catch (PySyntaxError e) {
            throw error("f-string: " + e.getMessage());
        }
        List<Token> placed = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            placed.add(new Token(t.kind(), t.text(), t.value(), line, col, col));
        }
        Parser parser = new Parser(placed);
        try {
            Expression e = parser.starExpressions();
            return e;
        } catch (PySyntaxError e) {
            throw error("f-string: " + e.getMessage());
        }
    }

    private char next() {
        return pos + 1 < body.length() ? body.charAt(pos + 1) : 0;
    }

    private char prev() {
        return pos > 0 ? body.charAt(pos - 1) : 0;
    }

    private PySyntaxError error(String message) {
        return PySyntaxError.syntax(message, line, col);
    }
}
