package dev.optimlab.course.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import dev.optimlab.base.ui.UiTicker;
import dev.optimlab.runs.Learner;
import dev.optimlab.runs.Program;
import dev.optimlab.runs.RunService;
import java.util.function.Supplier;

/**
 * The Run button under a chapter's {@code ```python run} block, and the block's output and charts in place once
 * it has run. The counterpart of a notebook cell's run button and output area.
 */
class RunnableBlock extends Div {

    final String code;
    final Button run = new Button();
    private final RunService runService;
    private final UiTicker ticker;
    private final Supplier<Learner> learner;
    RunPanel panel;

    RunnableBlock(String code, RunService runService, UiTicker ticker, Supplier<Learner> learner) {
        this.code = code;
        this.runService = runService;
        this.ticker = ticker;
        this.learner = learner;
        addClassNames("ol-runnable-block");
        run.setText(getTranslation("chapter.block.run"));
        run.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(click -> runCode());
        add(run);
    }

    void runCode() {
        if (panel == null) {
            panel = new RunPanel(runService, ticker);
            add(panel);
        }
        panel.run(learner.get(), Program.of(code));
    }
}
