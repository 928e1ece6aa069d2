package dev.optimlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.ArrayList;
import java.util.List;

/**
 * A Chart.js line chart fed from the server: series are added by label and points appended as they are
 * produced (with {@code @Push}, a chart draws live while a computation runs).
 */
@Tag("ol-line-chart")
@JsModule("./components/ol-line-chart.js")
@JavaScript("context://webjars/chart.js/dist/chart.umd.min.js")
public class LineChart extends Component implements HasSize {

    private final List<String> series = new ArrayList<>();
    private final List<Integer> pointCounts = new ArrayList<>();
    private boolean logX;

    private final String xLabel;
    private final String yLabel;
    private boolean logScale;

    public LineChart(String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        getElement().callJsFunction("setAxes", xLabel, yLabel, false);
    }

    /** Draws the y axis on a log scale (losses that fall over orders of magnitude) or a linear one. */
    public void setLogScale(boolean log) {
        logScale = log;
        getElement().callJsFunction("setAxes", xLabel, yLabel, log);
    }

    public boolean isLogScale() {
        return logScale;
    }

    /** Removes every point, keeping the series. */
    public void clear() {
        pointCounts.replaceAll(count -> 0);
        getElement().callJsFunction("clear");
    }

    /** Adds a series and returns its index. */
    public int addSeries(String label) {
        return addSeries(label, false);
    }

    /** The colours of a marker series' points, in order, so that a legend outside the chart can match them. */
    public static final List<String> MARKER_COLOURS = List.of("#d62728", "#2ca02c", "#9467bd", "#e377c2", "#8c564b");

    /**
     * Adds a series drawn as large unconnected markers, point i in {@code MARKER_COLOURS[i]} (to mark a few points
     * on a curve), and returns its index.
     */
    public int addMarkerSeries(String label) {
        return addSeries(label, true);
    }

    private int addSeries(String label, boolean markers) {
        series.add(label);
        pointCounts.add(0);
        getElement().callJsFunction("addSeries", label, markers);
        return series.size() - 1;
    }

    /** Removes every series, so the chart can be drawn anew. */
    public void removeAllSeries() {
        series.clear();
        pointCounts.clear();
        getElement().callJsFunction("removeAllSeries");
    }

    /** Draws the x axis on a log scale (x values must then be positive). */
    public void setLogX(boolean logX) {
        this.logX = logX;
        getElement().callJsFunction("setLogX", logX);
    }

    public boolean isLogX() {
        return logX;
    }

    /** Appends points to a series; {@code xy} holds x0, y0, x1, y1, ... */
    public void appendPoints(int seriesIndex, double... xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("points come in (x, y) pairs, got " + xy.length + " numbers");
        }
        if (seriesIndex < 0 || seriesIndex >= series.size()) {
            throw new IndexOutOfBoundsException("no series " + seriesIndex + " (the chart has " + series.size() + ")");
        }
        List<Double> flat = new ArrayList<>(xy.length);
        for (double v : xy) {
            flat.add(v);
        }
        pointCounts.set(seriesIndex, pointCounts.get(seriesIndex) + xy.length / 2);
        getElement().callJsFunction("appendPoints", seriesIndex, flat);
    }

    public List<String> seriesLabels() {
        return List.copyOf(series);
    }

    /** How many points the server has sent to a series. */
    public int pointCount(int seriesIndex) {
        return pointCounts.get(seriesIndex);
    }
}
