package dev.optimlab.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders chapter Markdown to HTML. Raw HTML in content is escaped, so a chapter can only be Markdown.
 * Formulas ({@code $…$}, {@code $$…$$}) come out as {@code <span class="ol-math">TeX</span>} for KaTeX.
 */
public final class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        var extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Splits a chapter at its {@code ```widget TYPE} blocks: the text between them rendered as HTML, each widget
     * with its parsed JSON (or the reason it could not be read).
     */
    public List<ChapterPart> toParts(String markdown) {
        List<ChapterPart> parts = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        StringBuilder text = new StringBuilder();
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (fence == null && trimmed.startsWith("```widget")) {
                flush(text, parts);
                int start = i + 1;
                StringBuilder json = new StringBuilder();
                for (i = i + 1; i < lines.length && !lines[i].strip().equals("```"); i++) {
                    json.append(lines[i]).append('\n');
                }
                parts.add(widget(trimmed.substring("```widget".length()).strip(), json.toString(), start));
                continue;
            }
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fence = fence == null ? trimmed.substring(0, 3) : (trimmed.startsWith(fence) ? null : fence);
            }
            text.append(lines[i]).append('\n');
        }
        flush(text, parts);
        return parts;
    }

    private void flush(StringBuilder text, List<ChapterPart> parts) {
        if (!text.toString().isBlank()) {
            parts.add(new ChapterPart.Text(toHtml(text.toString())));
        }
        text.setLength(0);
    }

    @SuppressWarnings("unchecked")
    private static ChapterPart widget(String type, String json, int line) {
        if (type.isEmpty()) {
            return new ChapterPart.BrokenWidget("a widget block needs a type: ```widget paths, schedule or lr-finder", line);
        }
        try {
            Object spec = JSON.readValue(json, Object.class);
            if (!(spec instanceof Map<?, ?> map)) {
                return new ChapterPart.BrokenWidget("a widget's JSON must be an object { ... }", line);
            }
            return new ChapterPart.Widget(type, (Map<String, Object>) map, line);
        } catch (JacksonException e) {
            return new ChapterPart.BrokenWidget("the widget's JSON is not valid: " + e.getOriginalMessage(), line);
        }
    }

    public String toHtml(String markdown) {
        MathExtractor math = new MathExtractor();
        return math.restore(renderer.render(parser.parse(math.extract(markdown))));
    }
}
