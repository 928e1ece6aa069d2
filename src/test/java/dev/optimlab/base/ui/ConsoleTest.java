package dev.optimlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    private final Console console = new Console();

    private List<NativeButton> lineButtons() {
        return console.getChildren().flatMap(c -> c.getChildren()).filter(NativeButton.class::isInstance)
                .map(NativeButton.class::cast).toList();
    }

    private static void click(NativeButton button) {
        ComponentUtil.fireEvent(button, new ClickEvent<>(button));
    }

    @Test
    @DisplayName("printed text and error text are kept apart, errors marked for red")
    void streamsAreKeptApart() {
        console.stdout("step 1\n");
        console.stderr("UserWarning: careful\n");
        console.stdout("step 2\n");
        List<String> classes = console.getChildren().map(c -> ((Span) c).getClassNames().iterator().next()).toList();
        assertThat(classes).containsExactly("ol-console-out", "ol-console-err", "ol-console-out");
        assertThat(console.getText()).isEqualTo("step 1\nUserWarning: careful\nstep 2\n");
    }

    @Test
    @DisplayName("each line a traceback names becomes a button that reports the line")
    void tracebackLinesAreClickable() {
        List<Integer> clicked = new ArrayList<>();
        console.addLineClickListener(e -> clicked.add(e.getLine()));
        console.stderr("Traceback (most recent call last):\n  File \"main.py\", line 12, in <module>\n"
                + "  File \"main.py\", line 4, in f\nZeroDivisionError: division by zero\n");
        assertThat(lineButtons()).extracting(NativeButton::getText).containsExactly("line 12", "line 4");
        click(lineButtons().get(1));
        click(lineButtons().get(0));
        assertThat(clicked).containsExactly(4, 12);
        assertThat(console.getText()).contains("ZeroDivisionError: division by zero");
    }

    @Test
    @DisplayName("clearing empties the console")
    void clear() {
        console.stdout("hello\n");
        console.clear();
        assertThat(console.getText()).isEmpty();
        assertThat(console.getChildren()).isEmpty();
    }
}
