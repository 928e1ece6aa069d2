package dev.optimlab.explore.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.optimlab.base.ui.LineChart;
import dev.optimlab.explore.RangeTest;
import dev.optimlab.explore.WidgetCurves;
import java.util.List;

/**
 * The learning-rate range test on a model of the catalogue: loss against lr on a log axis, raw and smoothed,
 * with the three usual suggestions marked and a note on how far to trust them.
 */
public class LrFinderTool extends Div {

    static final List<String> MODELS = List.of("linear-regression", "blobs", "spiral");

    final Select<String> model = new Select<>();
    final NumberField startLr = new NumberField();
    final NumberField endLr = new NumberField();
    final IntegerField steps = new IntegerField();
    final RangeTestFigure figure;

    public LrFinderTool(String modelId, double start, double end, int stepCount, boolean compact) {
        addClassNames("ol-lr-finder-tool");
        model.setLabel(getTranslation("tools.lrfinder.model"));
        // the models' names are long: "Three blobs (2-16-3 MLP, ReLU)"
        model.setWidth("17em");
        model.setItems(MODELS);
        model.setItemLabelGenerator(id -> getTranslation("tools.model." + id));
        model.setValue(modelId);
        startLr.setLabel(getTranslation("tools.lrfinder.start"));
        startLr.setValue(start);
        endLr.setLabel(getTranslation("tools.lrfinder.end"));
        endLr.setValue(end);
        steps.setLabel(getTranslation("tools.schedules.steps"));
        steps.setValue(stepCount);
        steps.setMin(3);
        steps.setMax(WidgetCurves.MAX_STEPS);
        steps.setStepButtonsVisible(true);
        for (var field : List.of(startLr, endLr)) {
            field.setWidth("9em");
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> recompute());
        }
        steps.setWidth("9em");
        steps.setValueChangeMode(ValueChangeMode.LAZY);
        steps.addValueChangeListener(e -> recompute());
        model.addValueChangeListener(e -> recompute());

        figure = new RangeTestFigure(compact ? "300px" : "420px");
        FlexLayout controls = new FlexLayout(model, startLr, endLr, steps);
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.setAlignItems(FlexComponent.Alignment.END);
        controls.getStyle().set("gap", "var(--lumo-space-m)");
        add(controls, figure);
        if (!compact) {
            add(new Paragraph(getTranslation("tools.lrfinder.note.read")), new Paragraph(getTranslation("tools.lrfinder.note.caveats")));
        }
        recompute();
    }

    /** Runs the range test for the fields; a bad field or a run too short to read shows why instead of a chart. */
    void recompute() {
        if (startLr.getValue() == null || endLr.getValue() == null || steps.getValue() == null) {
            figure.showProblem(getTranslation("tools.schedules.numbers"));
            return;
        }
        if (!(startLr.getValue() > 0 && endLr.getValue() > startLr.getValue())) {
            figure.showProblem(getTranslation("tools.lrfinder.range"));
            return;
        }
        try {
            figure.show(RangeTest.run(model.getValue(), startLr.getValue(), endLr.getValue(), steps.getValue()));
        } catch (RuntimeException e) {
            figure.showProblem(getTranslation("tools.lrfinder.problem", e.getMessage()));
        }
    }

    /** The last range test drawn, or null when the settings had a problem. */
    RangeTest.Result result() {
        return figure.result();
    }

    /** The problem the current settings have, as shown to the reader, or empty when the result is drawn. */
    public java.util.Optional<String> problem() {
        return figure.problem();
    }

    public LineChart chart() {
        return figure.chart();
    }
}
