package dev.optimlab.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one Python literal as {@code ast.literal_eval} would for the values a tool's argument field holds:
 * int, float (also {@code inf}), True/False/None, a quoted string, or a list or tuple of these. A Python int
 * becomes an Integer, a float a Double, a list or tuple a List.
 */
public final class PythonLiteral {

    /** What the reader expected and where it stopped, for a message next to the field. */
    public static final class SyntaxError extends IllegalArgumentException {
        public SyntaxError(String message) {
            super(message);
        }
    }

    private final String text;
    private int position;

    private PythonLiteral(String text) {
        this.text = text;
    }

    public static Object parse(String text) {
        PythonLiteral reader = new PythonLiteral(text == null ? "" : text);
        Object value = reader.value();
        reader.skipSpaces();
        if (reader.position != reader.text.length()) {
            throw new SyntaxError("unexpected '" + reader.text.substring(reader.position) + "' after the value");
        }
        return value;
    }

    private Object value() {
        skipSpaces();
        if (position >= text.length()) {
            throw new SyntaxError("a value is missing");
        }
        char c = text.charAt(position);
        if (c == '[' || c == '(') {
            return sequence(c == '[' ? ']' : ')');
        }
        if (c == '\'' || c == '"') {
            int end = text.indexOf(c, position + 1);
            if (end < 0) {
                throw new SyntaxError("the string has no closing " + c);
            }
            String s = text.substring(position + 1, end);
            position = end + 1;
            return s;
        }
        int start = position;
        while (position < text.length() && "+-.eE_".indexOf(text.charAt(position)) >= 0
                || position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
            position++;
        }
        String word = text.substring(start, position);
        return switch (word) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> null;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "" -> throw new SyntaxError("unexpected '" + c + "'");
            default -> number(word);
        };
    }

    private static Object number(String word) {
        String digits = word.replace("_", "");
        try {
            if (digits.matches("[+-]?\\d+")) {
                return Integer.valueOf(digits);
            }
            if (digits.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                return Double.valueOf(digits);
            }
        } catch (NumberFormatException e) {
            throw new SyntaxError("'" + word + "' is too large");
        }
        throw new SyntaxError("'" + word + "' is not a number, True, False, None or a quoted string");
    }

    private List<Object> sequence(char close) {
        position++;
        List<Object> items = new ArrayList<>();
        skipSpaces();
        while (position < text.length() && text.charAt(position) != close) {
            items.add(value());
            skipSpaces();
            if (position < text.length() && text.charAt(position) == ',') {
                position++;
                skipSpaces();
            } else if (position >= text.length() || text.charAt(position) != close) {
                throw new SyntaxError("expected ',' or '" + close + "'");
            }
        }
        if (position >= text.length()) {
            throw new SyntaxError("expected '" + close + "'");
        }
        position++;
        return items;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
