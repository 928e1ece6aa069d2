package dev.optimlab.explore.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.optimlab.base.ui.LineChart;
import dev.optimlab.explore.LrLambda;
import dev.optimlab.explore.ScheduleExplorer;
import dev.optimlab.explore.WidgetCurves;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schedule explorer: any scheduler of the core, or two of them composed with SequentialLR or
 * ChainedScheduler, with editable arguments, the learning rate per step, and the PyTorch code that builds it.
 * In compact form (a chapter's widget) the kind of scheduler is the author's and only its arguments, the
 * optimizer's lr and the number of steps can be changed.
 */
public class ScheduleTool extends Div {

    static final String SEQUENTIAL = "SequentialLR";
    static final String CHAINED = "ChainedScheduler";
    /** What SequentialLR and ChainedScheduler may be made of: every scheduler but the metric-driven one. */
    private static final List<String> PARTS = ScheduleExplorer.SCHEDULERS.stream()
            .filter(name -> !name.equals("ReduceLROnPlateau")).toList();

    final Select<String> kind = new Select<>();
    final SchedulerPicker first;
    final SchedulerPicker second;
    final IntegerField milestone = new IntegerField();
    final NumberField baseLr = new NumberField();
    final IntegerField steps = new IntegerField();
    final IntegerField seed = new IntegerField();
    final NumberField noise = new NumberField();
    final LineChart lrChart;
    final LineChart metricChart;
    final Pre code = new Pre();
    final Paragraph problem = new Paragraph();
    private final Paragraph codeIntro = new Paragraph();
    private WidgetCurves.Series lrs;
    private boolean wasComposed;

    /** What a tool starts from: a scheduler (or composition), its number of steps and the optimizer's lr. */
    public record Preset(ScheduleExplorer.Spec spec, int steps, double lr) {
    }

    /** The full tool, starting from a cosine annealing schedule. */
    public ScheduleTool() {
        this(new Preset(new ScheduleExplorer.Single("CosineAnnealingLR", java.util.Map.of()), 100, 0.1), false);
    }

    /**
     * A tool preset from {@code preset}; a composition must have two parts (and SequentialLR one milestone), as the
     * controls have room for two.
     */
    public ScheduleTool(Preset preset, boolean compact) {
        addClassNames("ol-schedule-tool");
        List<String> kinds = new ArrayList<>(ScheduleExplorer.SCHEDULERS);
        kinds.add(SEQUENTIAL);
        kinds.add(CHAINED);
        kind.setLabel(getTranslation("tools.schedules.scheduler"));
        kind.setWidth(SchedulerPicker.NAME_WIDTH);
        kind.setItems(kinds);
        List<ScheduleExplorer.Single> parts = switch (preset.spec()) {
            case ScheduleExplorer.Single single -> List.of(single, new ScheduleExplorer.Single("CosineAnnealingLR", java.util.Map.of()));
            case ScheduleExplorer.Sequential sequential -> sequential.schedulers();
            case ScheduleExplorer.Chained chained -> chained.schedulers();
        };
        if (parts.size() != 2) {
            throw new IllegalArgumentException("the schedule tool composes two schedulers, got " + parts.size());
        }
        kind.setValue(switch (preset.spec()) {
            case ScheduleExplorer.Single single -> single.name();
            case ScheduleExplorer.Sequential sequential -> SEQUENTIAL;
            case ScheduleExplorer.Chained chained -> CHAINED;
        });
        first = new SchedulerPicker(getTranslation("tools.schedules.first"), ScheduleExplorer.SCHEDULERS, parts.get(0));
        second = new SchedulerPicker(getTranslation("tools.schedules.second"), PARTS, parts.get(1));
        milestone.setLabel("milestones=[…]");
        milestone.setValue(preset.spec() instanceof ScheduleExplorer.Sequential sequential ? sequential.milestones().getFirst() : 20);
        milestone.setMin(0);
        baseLr.setLabel(getTranslation("tools.schedules.base-lr"));
        baseLr.setValue(preset.lr());
        baseLr.setMin(0);
        steps.setLabel(getTranslation("tools.schedules.steps"));
        steps.setValue(preset.steps());
        steps.setMin(1);
        steps.setMax(WidgetCurves.MAX_STEPS);
        seed.setLabel(getTranslation("tools.schedules.seed"));
        seed.setValue(0);
        noise.setLabel(getTranslation("tools.schedules.noise"));
        noise.setValue(0.02);
        noise.setMin(0);
        noise.setStep(0.01);
        for (var field : List.of(milestone, steps, seed)) {
            field.setWidth("9em");
            field.setStepButtonsVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> recompute());
        }
        for (NumberField field : List.of(baseLr, noise)) {
            field.setWidth("9em");
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> recompute());
        }
        kind.addValueChangeListener(e -> showKind());
        first.onChange(this::recompute);
        second.onChange(this::recompute);

        lrChart = new LineChart(getTranslation("chart.step"), getTranslation("chart.lr"));
        lrChart.setWidthFull();
        lrChart.setHeight(compact ? "280px" : "340px");
        metricChart = new LineChart(getTranslation("chart.step"), getTranslation("tools.schedules.metric"));
        metricChart.setWidthFull();
        metricChart.setHeight("200px");
        problem.addClassNames("ol-figure-problem");
        problem.getStyle().set("margin-top", "var(--lumo-space-l)");
        problem.setVisible(false);
        code.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("overflow", "auto");

        wasComposed = !(preset.spec() instanceof ScheduleExplorer.Single);
        kind.setVisible(!compact);
        FlexLayout common = row(kind, baseLr, steps, seed, noise, milestone);
        Div settings = new Div(common, first, second);
        if (compact) {
            add(settings, problem, lrChart, metricChart, new Details(getTranslation("tools.code"), code));
        } else {
            codeIntro.setText(getTranslation("tools.code.intro"));
            add(settings, problem, lrChart, metricChart, codeIntro, code);
        }
        showKind();
    }

    private static FlexLayout row(com.vaadin.flow.component.Component... components) {
        FlexLayout row = new FlexLayout(components);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.END);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }

    /** Shows the fields the chosen kind of scheduler needs and redraws. */
    void showKind() {
        String chosen = kind.getValue();
        boolean composed = chosen.equals(SEQUENTIAL) || chosen.equals(CHAINED);
        boolean plateau = chosen.equals("ReduceLROnPlateau");
        if (!composed && !first.scheduler.getValue().equals(chosen)) {
            first.scheduler.setValue(chosen);
        } else if (composed && !wasComposed) {
            // a warm-up is the usual first part of a composition
            first.scheduler.setValue("LinearLR");
        }
        wasComposed = composed;
        first.scheduler.setVisible(composed);
        second.setVisible(composed);
        milestone.setVisible(chosen.equals(SEQUENTIAL));
        seed.setVisible(plateau);
        noise.setVisible(plateau);
        metricChart.setVisible(plateau);
        recompute();
    }

    /** Builds the schedule from the fields; anything wrong is said in the reader's language next to the chart. */
    void recompute() {
        Optional<ScheduleExplorer.Spec> spec = spec();
        lrChart.removeAllSeries();
        metricChart.removeAllSeries();
        lrs = null;
        if (spec.isEmpty()) {
            showProblem(getTranslation("tools.schedules.fix-fields"));
            return;
        }
        if (steps.getValue() == null || baseLr.getValue() == null || seed.getValue() == null || noise.getValue() == null
                || steps.isInvalid() || baseLr.isInvalid()) {
            showProblem(getTranslation("tools.schedules.numbers"));
            return;
        }
        ScheduleExplorer.PlateauMetric metric = new ScheduleExplorer.PlateauMetric(seed.getValue(), noise.getValue());
        try {
            lrs = ScheduleExplorer.lrs(spec.get(), steps.getValue(), baseLr.getValue(), metric);
        } catch (LrLambda.Failure e) {
            showProblem(switch (e.kind()) {
                case NOT_A_LAMBDA -> getTranslation("tools.schedules.lambda.missing");
                case ERROR -> getTranslation("tools.schedules.lambda.error", e.detail());
                case LIMIT -> getTranslation("tools.schedules.lambda.limit");
            });
            return;
        } catch (RuntimeException e) {
            showProblem(getTranslation("tools.schedules.problem", e.getMessage()));
            return;
        }
        problem.setVisible(false);
        lrChart.setVisible(true);
        codeIntro.setVisible(true);
        lrChart.appendPoints(lrChart.addSeries(lrs.label()), Interleave.xy(lrs.xs(), lrs.ys()));
        if (metricChart.isVisible()) {
            double[] values = metric.values(steps.getValue());
            metricChart.appendPoints(metricChart.addSeries(getTranslation("tools.schedules.metric")), Interleave.xy(lrs.xs(), values));
        }
        code.setText(ScheduleExplorer.pytorchCode(spec.get(), steps.getValue(), baseLr.getValue(), metric));
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
        lrChart.setVisible(false);
        // no program to introduce while the settings have a problem
        codeIntro.setVisible(false);
        code.setText("");
    }

    private Optional<ScheduleExplorer.Spec> spec() {
        java.util.function.Function<String, String> message = m -> getTranslation("tools.schedules.literal", m);
        String chosen = kind.getValue();
        Optional<ScheduleExplorer.Single> a = first.spec(message);
        if (!chosen.equals(SEQUENTIAL) && !chosen.equals(CHAINED)) {
            return a.map(single -> single);
        }
        Optional<ScheduleExplorer.Single> b = second.spec(message);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        if (chosen.equals(CHAINED)) {
            return Optional.of(new ScheduleExplorer.Chained(List.of(a.get(), b.get())));
        }
        if (milestone.getValue() == null) {
            return Optional.empty();
        }
        return Optional.of(new ScheduleExplorer.Sequential(List.of(a.get(), b.get()), List.of(milestone.getValue())));
    }

    /** The rates last drawn, or null when the settings had a problem. */
    WidgetCurves.Series lrs() {
        return lrs;
    }

    /** The problem the current settings have, as shown to the reader, or empty when the result is drawn. */
    public java.util.Optional<String> problem() {
        return problem.isVisible() ? java.util.Optional.of(problem.getText()) : java.util.Optional.empty();
    }

    public LineChart lrChart() {
        return lrChart;
    }
}
