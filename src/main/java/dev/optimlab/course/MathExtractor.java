package dev.optimlab.course;

import java.util.ArrayList;
import java.util.List;

/**
 * Lifts {@code $…$} and {@code $$…$$} formulas out of Markdown before it is parsed, so that Markdown never
 * reads {@code x_t} or {@code a*b} inside a formula as emphasis, and puts them back afterwards as elements
 * that KaTeX renders in the browser.
 *
 * <p>Rules (as pandoc's): code spans and fenced code are left alone; {@code \$} is a literal dollar; an
 * inline formula's opening {@code $} is not followed by a space and its closing {@code $} is not preceded by
 * one nor followed by a digit; a formula does not cross a blank line.
 */
final class MathExtractor {

    /** A formula lifted out of the text; {@code display} for {@code $$…$$}. */
    record Formula(String tex, boolean display) {
    }

    private static final String MARK = "OLMATHX";

    private final List<Formula> formulas = new ArrayList<>();

    /** Returns the Markdown with every formula replaced by a placeholder word. */
    String extract(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length());
        String[] lines = markdown.split("\n", -1);
        StringBuilder paragraph = new StringBuilder();
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.stripLeading();
            boolean last = i == lines.length - 1;
            if (fence != null) {
                out.append(line).append(last ? "" : "\n");
                if (trimmed.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                out.append(replaceFormulas(paragraph.toString()));
                paragraph.setLength(0);
                fence = trimmed.substring(0, 3);
                out.append(line).append(last ? "" : "\n");
                continue;
            }
            paragraph.append(line).append(last ? "" : "\n");
            if (line.isBlank()) {
                out.append(replaceFormulas(paragraph.toString()));
                paragraph.setLength(0);
            }
        }
        out.append(replaceFormulas(paragraph.toString()));
        return out.toString();
    }

    private String replaceFormulas(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                out.append("\\$");
                i += 2;
            } else if (c == '`') {
                int run = runLength(text, i, '`');
                int close = text.indexOf("`".repeat(run), i + run);
                int end = close < 0 ? i + run : close + run;
                out.append(text, i, end);
                i = end;
            } else if (c == '$' && text.startsWith("$$", i)) {
                int close = text.indexOf("$$", i + 2);
                if (close < 0) {
                    out.append("$$");
                    i += 2;
                } else {
                    out.append(placeholder(new Formula(text.substring(i + 2, close).strip(), true)));
                    i = close + 2;
                }
            } else if (c == '$') {
                int close = closingDollar(text, i + 1);
                if (close < 0) {
                    out.append(c);
                    i++;
                } else {
                    out.append(placeholder(new Formula(text.substring(i + 1, close), false)));
                    i = close + 1;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int runLength(String text, int from, char c) {
        int n = 0;
        while (from + n < text.length() && text.charAt(from + n) == c) {
            n++;
        }
        return n;
    }

    private static int closingDollar(String text, int start) {
        if (start >= text.length() || Character.isWhitespace(text.charAt(start))) {
            return -1;
        }
        for (int j = start; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '\n' && j + 1 < text.length() && text.charAt(j + 1) == '\n') {
                return -1;
            } else if (c == '$') {
                boolean spaceBefore = Character.isWhitespace(text.charAt(j - 1));
                boolean digitAfter = j + 1 < text.length() && Character.isDigit(text.charAt(j + 1));
                if (!spaceBefore && !digitAfter && j > start) {
                    return j;
                }
            }
        }
        return -1;
    }

    private String placeholder(Formula formula) {
        formulas.add(formula);
        return MARK + (formulas.size() - 1) + "Z";
    }

    /** Replaces the placeholders in rendered HTML with elements carrying the escaped TeX source. */
    String restore(String html) {
        String result = html;
        for (int n = formulas.size() - 1; n >= 0; n--) {
            Formula f = formulas.get(n);
            String element = f.display()
                    ? "<span class=\"ol-math ol-math-display\" data-display=\"true\">" + escape(f.tex()) + "</span>"
                    : "<span class=\"ol-math\">" + escape(f.tex()) + "</span>";
            String token = MARK + n + "Z";
            // a display formula alone in its paragraph replaces the paragraph, so it is not nested in <p>
            result = result.replace("<p>" + token + "</p>", element).replace(token, element);
        }
        return result;
    }

    private static String escape(String tex) {
        return tex.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
