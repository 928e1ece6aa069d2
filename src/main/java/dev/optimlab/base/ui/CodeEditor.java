package dev.optimlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * A CodeMirror 6 Python editor: line numbers, four-space indentation on Enter and Tab, bracket matching, Ctrl/Cmd+Enter to
 * run, and a marked line for the line a traceback points at; its token colours follow Lumo's light or dark scheme. Edits
 * reach the server debounced, and every Run carries the text as it was when the key was pressed. The counterpart of the editor cell of a notebook.
 */
@Tag("ol-code-editor")
@JsModule("./components/ol-code-editor.js")
@NpmPackage(value = "codemirror", version = "6.0.2")
@NpmPackage(value = "@codemirror/lang-python", version = "6.2.1")
@NpmPackage(value = "@codemirror/view", version = "6.43.15")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@NpmPackage(value = "@codemirror/commands", version = "6.11.1")
@NpmPackage(value = "@codemirror/language", version = "6.13.1")
@NpmPackage(value = "@codemirror/theme-one-dark", version = "6.1.3")
public class CodeEditor extends Component implements HasSize, HasStyle {

    private String value = "";
    private int markedLine;

    public CodeEditor() {
        getElement().setProperty("value", value);
        addListener(ChangeEvent.class, event -> value = event.getValue());
        addListener(RunEvent.class, event -> value = event.getCode());
    }

    public String getValue() {
        return value;
    }

    /** Replaces the text (e.g. a restored draft or the starter); clears the marked line. */
    public void setValue(String text) {
        value = text == null ? "" : text;
        getElement().setProperty("value", value);
        markLine(0);
    }

    /** Marks a program line (1-based) as the one a traceback points at; 0 clears the mark. */
    public void markLine(int line) {
        markedLine = Math.max(0, line);
        getElement().callJsFunction("markLine", markedLine, false);
    }

    /** Marks a line and moves the cursor to it, as a click on "line N" in the console does. */
    public void revealLine(int line) {
        markedLine = Math.max(0, line);
        getElement().callJsFunction("markLine", markedLine, true);
    }

    public int getMarkedLine() {
        return markedLine;
    }

    /** Sets the name a screen reader announces for the editor. */
    public void setAccessibleName(String name) {
        getElement().setAttribute("aria-label", name);
    }

    /** Called with the text after the learner paused typing. */
    public Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    /** Called when the learner presses Ctrl/Cmd+Enter. */
    public Registration addRunListener(ComponentEventListener<RunEvent> listener) {
        return addListener(RunEvent.class, listener);
    }

    /** The text after a pause in typing. */
    @DomEvent("ol-change")
    public static class ChangeEvent extends ComponentEvent<CodeEditor> {
        private final String value;

        public ChangeEvent(CodeEditor source, boolean fromClient, @EventData("event.detail.value") String value) {
            super(source, fromClient);
            this.value = value == null ? "" : value;
        }

        public String getValue() {
            return value;
        }
    }

    /** Ctrl/Cmd+Enter, with the text at that moment. */
    @DomEvent("ol-run")
    public static class RunEvent extends ComponentEvent<CodeEditor> {
        private final String code;

        public RunEvent(CodeEditor source, boolean fromClient, @EventData("event.detail.value") String code) {
            super(source, fromClient);
            this.code = code == null ? "" : code;
        }

        public String getCode() {
            return code;
        }
    }
}
