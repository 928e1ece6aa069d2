package dev.optimlab.base.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program's console: printed text as it streams in, stderr and tracebacks in red, and each "line N" of a
 * traceback a button that asks the editor to go there. The counterpart of a terminal running
 * {@code python3 main.py}.
 */
public class Console extends Div {

    /** Where a traceback names a line of the program, e.g. {@code File "main.py", line 7}. */
    static final Pattern LINE_REFERENCE = Pattern.compile("line (\\d+)");

    private final StringBuilder text = new StringBuilder();

    public Console() {
        addClassNames("ol-console");
        getElement().setAttribute("role", "log");
        getElement().setAttribute("aria-live", "polite");
    }

    /** Appends what the program printed. */
    public void stdout(String chunk) {
        append(chunk, "ol-console-out");
    }

    /** Appends error output, with line references turned into buttons. */
    public void stderr(String chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        text.append(chunk);
        Span span = new Span();
        span.addClassNames("ol-console-err");
        Matcher matcher = LINE_REFERENCE.matcher(chunk);
        int from = 0;
        while (matcher.find()) {
            if (matcher.start() > from) {
                span.add(chunk.substring(from, matcher.start()));
            }
            int line = Integer.parseInt(matcher.group(1));
            NativeButton link = new NativeButton(matcher.group(), click -> fireEvent(new LineClickEvent(this, line)));
            link.addClassNames("ol-console-line");
            link.getElement().setAttribute("data-line", String.valueOf(line));
            span.add(link);
            from = matcher.end();
        }
        if (from < chunk.length()) {
            span.add(chunk.substring(from));
        }
        add(span);
        scrollToEnd();
    }

    /** Appends a note from the page itself (e.g. "finished in 1.2 s"), set apart from the program's output. */
    public void note(String message) {
        append(message.endsWith("\n") ? message : message + "\n", "ol-console-note");
    }

    public void clear() {
        removeAll();
        text.setLength(0);
    }

    /** Everything shown so far, as plain text. */
    public String getText() {
        return text.toString();
    }

    public Registration addLineClickListener(ComponentEventListener<LineClickEvent> listener) {
        return addListener(LineClickEvent.class, listener);
    }

    private void append(String chunk, String className) {
        if (chunk.isEmpty()) {
            return;
        }
        text.append(chunk);
        Span span = new Span(chunk);
        span.addClassNames(className);
        add(span);
        scrollToEnd();
    }

    private void scrollToEnd() {
        getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    /** A click on "line N": the program line the learner wants to see. */
    public static class LineClickEvent extends ComponentEvent<Console> {
        private final int line;

        public LineClickEvent(Console source, int line) {
            super(source, true);
            this.line = line;
        }

        public int getLine() {
            return line;
        }
    }
}
