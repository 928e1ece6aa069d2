package dev.optimlab.pylite;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.PyBaseException;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.pylite.syntax.Node;
import dev.optimlab.pylite.syntax.PySyntaxError;
import dev.optimlab.pylite.syntax.Spans;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Formats errors as CPython 3.11 prints them (Lib/traceback.py): the chain of causes and contexts,
 * "Traceback (most recent call last):", one "File ..., line N, in name" entry per frame with its source
 * line and, under it, CPython 3.11's {@code ~~~^^^} markers for the call, attribute, subscript, operation, comparison
 * or name the frame failed in (Python/traceback.c), repeated frames collapsed, and the final "Type: message" line.
 */
final class Tracebacks {
    private static final int RECURSIVE_CUTOFF = 3;

    private Tracebacks() {
    }

    static String syntaxError(PySyntaxError e, String filename, String source) {
        String[] lines = source.replace("\r\n", "\n").split("\n", -1);
        StringBuilder sb = new StringBuilder();
        sb.append("  File \"").append(filename).append("\", line ").append(e.line()).append('\n');
        if (e.line() >= 1 && e.line() <= lines.length) {
            String raw = lines[e.line() - 1];
            String stripped = stripIndent(raw);
            int removed = raw.length() - stripped.length();
            String shown = stripped.stripTrailing();
            if (!shown.isEmpty()) {
                sb.append("    ").append(shown).append('\n');
                sb.append(caretLine(e, raw.length(), removed, shown.length()));
            }
        }
        sb.append(e.typeName()).append(": ").append(e.getMessage()).append('\n');
        return sb.toString();
    }

    /** CPython's print_error_text strips only spaces, tabs and form feeds before the line. */
    private static String stripIndent(String raw) {
        int i = 0;
        while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t' || raw.charAt(i) == '\f')) {
            i++;
        }
        return raw.substring(i);
    }

    /**
     * The caret line of a syntax error as CPython 3.11's print_error_text draws it: from the error's column to its end
     * column (to the end of the line when the range goes on to later lines), at least one caret, the start clipped to
     * the end of the text, and none at all when the column lies inside the line's indentation.
     */
    private static String caretLine(PySyntaxError e, int rawLength, int removed, int shownLength) {
        int start = e.col();
        int end = e.endLine() > e.line() ? rawLength : e.endCol();
        int carets = end > start ? Math.min(end, rawLength + 1) - start : 1;
        int at = Math.min(start - removed, shownLength);
        if (at < 0) {
            return "";
        }
        return "    " + " ".repeat(at) + "^".repeat(Math.max(1, carets)) + "\n";
    }

    static String exception(PyBaseException e, Interpreter in, Spans spans) {
        StringBuilder sb = new StringBuilder();
        chain(e, in, spans, sb, new IdentityHashMap<>());
        return sb.toString();
    }

    private static void chain(PyBaseException e, Interpreter in, Spans spans, StringBuilder sb,
                              Map<Object, Boolean> seen) {
        seen.put(e, true);
        if (e.cause() != null && !seen.containsKey(e.cause())) {
            chain(e.cause(), in, spans, sb, seen);
            sb.append("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (e.context() != null && !e.suppressContext() && !seen.containsKey(e.context())) {
            chain(e.context(), in, spans, sb, seen);
            sb.append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        List<PyBaseException.Entry> entries = e.traceback();
        if (!entries.isEmpty()) {
            sb.append("Traceback (most recent call last):\n");
            PyBaseException.Entry last = null;
            int repeats = 0;
            for (int index = 0; index < entries.size(); index++) {
                PyBaseException.Entry entry = entries.get(index);
                if (entry.equals(last)) {
                    repeats++;
                } else {
                    if (repeats > RECURSIVE_CUTOFF) {
                        appendRepeat(sb, repeats - RECURSIVE_CUTOFF);
                    }
                    repeats = 1;
                }
                last = entry;
                if (repeats <= RECURSIVE_CUTOFF) {
                    sb.append("  File \"").append(entry.filename()).append("\", line ").append(entry.line())
                            .append(", in ").append(entry.function()).append('\n');
                    String raw = in.sourceLine(entry.line());
                    String line = raw.strip();
                    if (!line.isEmpty()) {
                        sb.append("    ").append(line).append('\n');
                        Node position = e.positions().get(index);
                        Spans.Span span = position == null ? null : spans.of(position);
                        if (span != null && span.line() == entry.line()) {
                            sb.append(markers(raw, span));
                        }
                    }
                }
            }
            if (repeats > RECURSIVE_CUTOFF) {
                appendRepeat(sb, repeats - RECURSIVE_CUTOFF);
            }
        }
        sb.append(lastLine(e, in)).append('\n');
    }

    /**
     * CPython 3.11's marker line: {@code ^} under the failing expression, or {@code ~} with {@code ^} under a binary
     * operator or a subscript's index; nothing when the expression is the whole line and has no such anchor.
     */
    private static String markers(String raw, Spans.Span span) {
        int leading = raw.length() - raw.stripLeading().length();
        int stripped = raw.strip().length();
        int start = span.col();
        boolean oneLine = span.endLine() == span.line();
        int end = oneLine ? span.endCol() : raw.stripTrailing().length();
        int left = -1;
        int right = -1;
        if (oneLine && span.anchorFrom() >= 0) {
            if (span.binary()) {
                // the first character after the left operand that is not blank: the operator (or a closing parenthesis)
                for (int i = span.anchorFrom(); i < span.anchorTo() && i < raw.length(); i++) {
                    if (!Character.isWhitespace(raw.charAt(i))) {
                        left = i;
                        right = i + 1 < span.anchorTo() && !Character.isWhitespace(raw.charAt(i + 1)) ? i + 2 : i + 1;
                        break;
                    }
                }
            } else {
                left = span.anchorFrom();
                right = span.anchorTo();
            }
        }
        boolean anchored = left >= 0;
        if (start < leading || end > raw.length() || end <= start || end - start == stripped && !anchored) {
            return "";
        }
        StringBuilder sb = new StringBuilder("    ").append(" ".repeat(start - leading));
        for (int i = start; i < end; i++) {
            sb.append(!anchored || i >= left && i < right ? '^' : '~');
        }
        return sb.append('\n').toString();
    }

    private static void appendRepeat(StringBuilder sb, int n) {
        sb.append("  [Previous line repeated ").append(n).append(" more time").append(n > 1 ? "s" : "").append("]\n");
    }

    static String typeName(PyType type) {
        String module = type.module();
        return module.equals("__main__") || module.equals("builtins") ? type.qualname() : module + "." + type.qualname();
    }

    private static String lastLine(PyBaseException e, Interpreter in) {
        String message;
        try {
            message = e.str(in);
        } catch (PyException failure) {
            message = "<exception str() failed>";
        }
        String name = typeName(e.type());
        String suggestion = e.suggestion();
        if (suggestion != null) {
            message += ". Did you mean: '" + suggestion + "'?";
        }
        return message.isEmpty() ? name : name + ": " + message;
    }
}
