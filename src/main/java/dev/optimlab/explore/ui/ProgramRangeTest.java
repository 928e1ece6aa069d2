package dev.optimlab.explore.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import dev.optimlab.explore.RangeTest;
import dev.optimlab.pylite.bridge.LrSweep;
import dev.optimlab.runs.RunEvent;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The learning-rate range test on the learner's own program, as torch-lr-finder's {@code LRFinder.range_test} runs
 * it on a model: the settings of the sweep, the points the run reports ({@link LrSweep}'s series) drawn as they
 * arrive, and when the run ends, the curve read by {@link RangeTest} with its suggestions, or one line saying why
 * there is none.
 */
public class ProgramRangeTest extends Section {

    static final double DEFAULT_LR_MIN = 1e-5;
    static final double DEFAULT_LR_MAX = 10;
    static final int DEFAULT_STEPS = 100;
    static final int MAX_STEPS = 1000;

    final NumberField lrMin = new NumberField();
    final NumberField lrMax = new NumberField();
    final IntegerField steps = new IntegerField();
    final Paragraph summary = new Paragraph();
    final RangeTestFigure figure = new RangeTestFigure("300px");
    private final Map<Long, Double> lrs = new TreeMap<>();
    private final Map<Long, Double> losses = new TreeMap<>();
    private Double divergedAt;
    private LrSweep running;

    public ProgramRangeTest() {
        addClassNames("ol-program-range-test");
        lrMin.setLabel(getTranslation("rangetest.lrmin"));
        lrMin.setValue(DEFAULT_LR_MIN);
        lrMax.setLabel(getTranslation("rangetest.lrmax"));
        lrMax.setValue(DEFAULT_LR_MAX);
        steps.setLabel(getTranslation("tools.schedules.steps"));
        steps.setValue(DEFAULT_STEPS);
        steps.setMin(3);
        steps.setMax(MAX_STEPS);
        steps.setStepButtonsVisible(true);
        lrMin.setWidth("9em");
        lrMax.setWidth("9em");
        steps.setWidth("9em");
        FlexLayout controls = new FlexLayout(lrMin, lrMax, steps);
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.setAlignItems(FlexComponent.Alignment.END);
        controls.getStyle().set("gap", "var(--lumo-space-m)");
        summary.addClassNames("ol-range-test-summary");
        summary.getElement().setAttribute("role", "status");
        Paragraph note = new Paragraph(getTranslation("rangetest.note"));
        note.addClassNames("ol-range-test-note");
        add(new H2(getTranslation("rangetest.title")), note, controls, summary, figure);
    }

    /** The sweep the fields describe, or empty after showing what is wrong with them. */
    public Optional<LrSweep> sweep() {
        Double min = lrMin.getValue();
        Double max = lrMax.getValue();
        Integer count = steps.getValue();
        if (min == null || max == null || count == null) {
            return refuse(getTranslation("tools.schedules.numbers"));
        }
        if (!(min > 0 && max > min && Double.isFinite(max))) {
            return refuse(getTranslation("tools.lrfinder.range"));
        }
        if (count < 3 || count > MAX_STEPS) {
            return refuse(getTranslation("rangetest.steps", "3", String.valueOf(MAX_STEPS)));
        }
        return Optional.of(new LrSweep(min, max, count));
    }

    private Optional<LrSweep> refuse(String message) {
        summary.setText("");
        figure.showProblem(message);
        return Optional.empty();
    }

    /** Forgets the last test's points as a new sweep starts. */
    public void begin(LrSweep sweep) {
        running = sweep;
        lrs.clear();
        losses.clear();
        divergedAt = null;
        figure.clear();
        summary.setText(getTranslation("rangetest.running"));
    }

    /** A point the running program reported. */
    public void accept(RunEvent.Metric metric) {
        switch (metric.series()) {
            case LrSweep.LR_SERIES -> lrs.put(metric.step(), metric.value());
            case LrSweep.LOSS_SERIES -> {
                losses.put(metric.step(), metric.value());
                Double lr = lrs.get(metric.step());
                if (running != null && lr != null) {
                    figure.appendLive(lr, metric.value());
                }
            }
            case LrSweep.DIVERGED_SERIES -> divergedAt = metric.value();
            default -> {
            }
        }
    }

    /** Reads the curve once the run has ended, or says why there is none. */
    public void finish(RunEvent.Finished end) {
        if (running == null) {
            return;
        }
        LrSweep sweep = running;
        running = null;
        switch (end.status()) {
            case CANCELLED -> {
                summary.setText("");
                figure.showProblem(getTranslation("rangetest.cancelled"));
                return;
            }
            case PYTHON_ERROR, LIMIT_EXCEEDED -> {
                summary.setText("");
                figure.showProblem(getTranslation("rangetest.error"));
                return;
            }
            case OK -> {
            }
        }
        int count = 0;
        double[] log10Lrs = new double[losses.size()];
        double[] curve = new double[losses.size()];
        for (Map.Entry<Long, Double> point : losses.entrySet()) {
            Double lr = lrs.get(point.getKey());
            if (lr != null) {
                log10Lrs[count] = Math.log10(lr);
                curve[count++] = point.getValue();
            }
        }
        if (count == 0 && divergedAt == null) {
            summary.setText("");
            figure.showProblem(getTranslation("rangetest.no_optimizer"));
            return;
        }
        if (count < 3) {
            summary.setText("");
            figure.showProblem(getTranslation("rangetest.too_short", String.valueOf(count)));
            return;
        }
        log10Lrs = java.util.Arrays.copyOf(log10Lrs, count);
        curve = java.util.Arrays.copyOf(curve, count);
        figure.show(RangeTest.read(log10Lrs, curve));
        String first = lr(Math.pow(10, log10Lrs[0]));
        String last = lr(Math.pow(10, log10Lrs[count - 1]));
        if (divergedAt != null) {
            summary.setText(getTranslation("rangetest.diverged", String.valueOf(count), first, last, lr(divergedAt)));
        } else if (count < sweep.steps()) {
            summary.setText(getTranslation("rangetest.ended", String.valueOf(count), first, last, String.valueOf(sweep.steps())));
        } else {
            summary.setText(getTranslation("rangetest.done", String.valueOf(count), first, last));
        }
    }

    /** Whether a sweep is under way, so that the end of an ordinary Run is not read as one. */
    public boolean isRunning() {
        return running != null;
    }

    /** Forgets a sweep that will not report its end, e.g. when an ordinary Run replaced it. */
    public void abandon() {
        if (running != null) {
            running = null;
            summary.setText("");
        }
    }

    public RangeTestFigure figure() {
        return figure;
    }

    private static String lr(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
