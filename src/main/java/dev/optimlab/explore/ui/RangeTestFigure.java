package dev.optimlab.explore.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.optimlab.base.ui.LineChart;
import dev.optimlab.explore.RangeTest;
import java.util.Locale;
import java.util.Optional;

/**
 * A range test drawn the way fastai's {@code LRFinder.plot} draws it: loss against lr on a log axis, raw and
 * smoothed, with the three suggestions marked and listed; or, when there is nothing to draw, the reason in one line.
 */
public class RangeTestFigure extends Div {

    final LineChart chart;
    final UnorderedList suggestions = new UnorderedList();
    final Paragraph problem = new Paragraph();
    private RangeTest.Result result;
    private int liveSeries = -1;

    public RangeTestFigure(String height) {
        addClassNames("ol-range-test-figure");
        chart = new LineChart(getTranslation("chart.lr"), getTranslation("tools.lrfinder.loss"));
        chart.setLogX(true);
        chart.setWidthFull();
        chart.setHeight(height);
        problem.addClassNames("ol-figure-problem");
        problem.getStyle().set("margin-top", "var(--lumo-space-l)");
        problem.setVisible(false);
        suggestions.getStyle().set("list-style", "none");
        add(problem, chart, suggestions);
    }

    /** Draws a range test's curves and suggestions. */
    public void show(RangeTest.Result shown) {
        clear();
        result = shown;
        problem.setVisible(false);
        chart.setVisible(true);
        double[] lrs = new double[shown.log10Lrs().length];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = Math.pow(10, shown.log10Lrs()[i]);
        }
        chart.appendPoints(chart.addSeries(getTranslation("tools.lrfinder.raw")), Interleave.xy(lrs, shown.losses()));
        chart.appendPoints(chart.addSeries(getTranslation("tools.lrfinder.smoothed")), Interleave.xy(lrs, shown.smoothed()));
        int marks = chart.addMarkerSeries(getTranslation("tools.lrfinder.suggestions"));
        mark(marks, 0, "tools.lrfinder.steepest", shown.steepest());
        mark(marks, 1, "tools.lrfinder.minimum", shown.minimumTenth());
        mark(marks, 2, "tools.lrfinder.valley", shown.valley());
    }

    /**
     * Draws one raw point of a test still running, so the curve grows as the program steps; {@link #show} replaces
     * it with the whole reading (smoothed curve and suggestions) when the test ends. Points that are not finite
     * are left out, as they would flatten the axis.
     */
    public void appendLive(double lr, double loss) {
        if (!(lr > 0 && Double.isFinite(lr) && Double.isFinite(loss))) {
            return;
        }
        if (liveSeries < 0) {
            problem.setVisible(false);
            chart.setVisible(true);
            liveSeries = chart.addSeries(getTranslation("tools.lrfinder.raw"));
        }
        chart.appendPoints(liveSeries, lr, loss);
    }

    /** Shows why there is no curve, in place of the chart. */
    public void showProblem(String message) {
        clear();
        problem.setText(message);
        problem.setVisible(true);
        chart.setVisible(false);
    }

    /** Removes the curves, the suggestions and any problem, e.g. while a new test runs. */
    public void clear() {
        chart.removeAllSeries();
        suggestions.removeAll();
        problem.setVisible(false);
        result = null;
        liveSeries = -1;
    }

    private void mark(int series, int index, String key, RangeTest.Suggestion suggestion) {
        chart.appendPoints(series, suggestion.lr(), suggestion.smoothedLoss());
        Span dot = new Span("● ");
        dot.getStyle().set("color", LineChart.MARKER_COLOURS.get(index));
        suggestions.add(new ListItem(dot, new Span(getTranslation(key) + ": lr ≈ "
                + String.format(Locale.ROOT, "%.3g", suggestion.lr()))));
    }

    /** The range test drawn, or null when there is none. */
    public RangeTest.Result result() {
        return result;
    }

    /** The problem shown in place of the chart, or empty when a curve is drawn or nothing is shown yet. */
    public Optional<String> problem() {
        return problem.isVisible() ? Optional.of(problem.getText()) : Optional.empty();
    }

    /** The suggestions as listed beside the chart, e.g. "valley: lr ≈ 0.0316". */
    public java.util.List<String> suggestionTexts() {
        return suggestions.getChildren().map(item -> item.getElement().getTextRecursively().substring(2)).toList();
    }

    public LineChart chart() {
        return chart;
    }
}
