package dev.optimlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.StyleSheet;

/**
 * Trusted HTML rendered on the server (chapter text) whose formulas KaTeX typesets in the browser. Only give
 * it HTML whose raw-HTML input was escaped, as the course's Markdown renderer does.
 */
@Tag("ol-rich-text")
@JsModule("./components/ol-rich-text.js")
@JavaScript("context://webjars/katex/dist/katex.min.js")
@StyleSheet("context://webjars/katex/dist/katex.min.css")
public class RichText extends Component implements HasSize, HasStyle {

    private String html = "";

    public void setHtml(String html) {
        this.html = html;
        getElement().setProperty("html", html);
    }

    public String getHtml() {
        return html;
    }
}
