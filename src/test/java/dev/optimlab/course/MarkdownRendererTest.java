package dev.optimlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    @DisplayName("tables and fenced code render as HTML")
    void tablesAndCode() {
        String html = renderer.toHtml("| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nx = 1\n```\n");
        assertThat(html).contains("<table>").contains("<td>1</td>").contains("<code class=\"language-python\">x = 1");
    }

    @Test
    @DisplayName("raw HTML in content is shown as text, never executed")
    void rawHtmlIsEscaped() {
        String html = renderer.toHtml("<script>alert(1)</script>\n\n[x](javascript:alert(1))");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("href=\"javascript:");
    }
}
