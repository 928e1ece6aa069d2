package dev.optimlab.course;

import java.util.List;
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

    public String toHtml(String markdown) {
        MathExtractor math = new MathExtractor();
        return math.restore(renderer.render(parser.parse(math.extract(markdown))));
    }
}
