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

    @Test
    @DisplayName("inline and display formulas survive Markdown untouched, ready for KaTeX")
    void formulas() {
        String html = renderer.toHtml("The update is $v_t = \\mu v_{t-1} + g_t$ and *this* is emphasis.\n\n"
                + "$$\\theta_{t+1} = \\theta_t - \\eta \\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\epsilon}$$\n");
        assertThat(html).contains("<span class=\"ol-math\">v_t = \\mu v_{t-1} + g_t</span>")
                .contains("<em>this</em>")
                .contains("<span class=\"ol-math ol-math-display\" data-display=\"true\">\\theta_{t+1} = \\theta_t - \\eta "
                        + "\\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\epsilon}</span>")
                .doesNotContain("<p><span class=\"ol-math ol-math-display\"");
    }

    @Test
    @DisplayName("dollars in code, escaped dollars and prices are not formulas")
    void notFormulas() {
        String html = renderer.toHtml("Use `x = $a$` in code, costs \\$5 or $5 and $10.\n\n```python\nprint('$x$')\n```\n");
        assertThat(html).doesNotContain("ol-math").contains("<code>x = $a$</code>").contains("print('$x$')");
    }

    @Test
    @DisplayName("a formula with < and & is escaped inside its element")
    void formulaIsEscaped() {
        assertThat(renderer.toHtml("$a < b & c$")).contains("<span class=\"ol-math\">a &lt; b &amp; c</span>");
    }
}
