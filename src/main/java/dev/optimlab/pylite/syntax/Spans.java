package dev.optimlab.pylite.syntax;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where expressions start and end (those tracebacks point at, and every expression a syntax error may underline), as CPython's {@code col_offset}/{@code end_lineno}/{@code end_col_offset}, with the part CPython 3.11's
 * traceback underlines with {@code ^} inside them (Python/traceback.c, {@code extract_anchors_from_line}). Kept
 * beside the AST, filled by the {@link Parser}.
 */
public final class Spans {
    /**
     * One expression's extent (1-based lines, 0-based columns, end exclusive); for a binary operation
     * {@code anchorFrom}/{@code anchorTo} are where its left operand ends and its right operand starts, for a
     * subscript where its value ends and one past its index's end; -1 for the other expressions.
     */
    public record Span(int line, int col, int endLine, int endCol, int anchorFrom, int anchorTo, boolean binary) { }

    private Map<Node, Span> spans = new IdentityHashMap<>();
    private final Map<Node, Token> parenthesizedEnds = new IdentityHashMap<>();

    public Span of(Node node) {
        return spans.get(node);
    }

    /** Sizes the table once for about this many expressions, so that recording them never rehashes it. */
    void expect(int expressions) {
        if (spans.isEmpty()) {
            spans = new IdentityHashMap<>(expressions);
        }
    }

    void put(Node node, Span span) {
        spans.put(node, span);
    }

    /** Records an expression's extent from its first to its last token, unless its own rule recorded it already. */
    void cover(Node node, Token first, Token last) {
        spans.putIfAbsent(node, new Span(first.line(), first.col(), last.line(), last.endCol(), -1, -1, false));
    }

    /** Remembers the last token inside the (innermost) parentheses around an expression. */
    void parenthesized(Node node, Token lastInside) {
        parenthesizedEnds.putIfAbsent(node, lastInside);
    }

    /** Where an expression itself ends, without parentheses around it, or -1 when it is not parenthesized. */
    int innerEnd(Node node) {
        Token t = parenthesizedEnds.get(node);
        return t == null ? -1 : t.endCol();
    }
}
