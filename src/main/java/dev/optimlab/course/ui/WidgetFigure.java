package dev.optimlab.course.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.optimlab.base.ui.LineChart;
import dev.optimlab.course.ChapterPart;
import dev.optimlab.explore.WidgetCurves;
import java.util.List;
import java.util.Map;

/**
 * A chapter's {@code ```widget} block drawn as a figure computed on the torch core: optimizer paths on a
 * surface, a schedule's learning rate, or the learning-rate range test. A block that cannot be computed
 * shows its problem in place, so a content mistake never breaks the page.
 */
class WidgetFigure extends Div {

    final LineChart chart;

    WidgetFigure(ChapterPart.Widget widget) {
        addClassNames("ol-figure");
        LineChart built;
        try {
            built = switch (widget.type()) {
                case "paths" -> paths(widget.spec());
                case "schedule" -> schedule(widget.spec());
                case "lr-finder" -> lrFinder(widget.spec());
                default -> throw new IllegalArgumentException("unknown widget type '" + widget.type()
                        + "' (expected paths, schedule or lr-finder)");
            };
        } catch (RuntimeException e) {
            built = null;
            add(problem(widget.line(), e.getMessage()));
        }
        chart = built;
        if (chart != null) {
            chart.setWidthFull();
            chart.setHeight("320px");
            add(chart);
        }
    }

    static Paragraph problem(int line, String message) {
        Paragraph p = new Paragraph(getStatic("figure.problem") + " (line " + line + "): " + message);
        p.addClassNames("ol-figure-problem");
        return p;
    }

    private static String getStatic(String key) {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null ? key : ui.getTranslation(key);
    }

    @SuppressWarnings("unchecked")
    private LineChart paths(Map<String, Object> spec) {
        String surface = string(spec, "surface");
        List<Map<String, Object>> optimizers = (List<Map<String, Object>>) required(spec, "optimizers");
        double[] start = null;
        if (spec.get("start") instanceof List<?> xy && xy.size() == 2) {
            start = new double[] {number(xy.get(0)), number(xy.get(1))};
        }
        int steps = spec.containsKey("steps") ? (int) number(spec.get("steps")) : 100;
        LineChart chart = new LineChart("x", "y");
        for (WidgetCurves.Series path : WidgetCurves.paths(surface, optimizers, start, steps)) {
            chart.appendPoints(chart.addSeries(path.label()), interleave(path));
        }
        return chart;
    }

    @SuppressWarnings("unchecked")
    private LineChart schedule(Map<String, Object> spec) {
        Map<String, Object> args = spec.get("args") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        int steps = spec.containsKey("steps") ? (int) number(spec.get("steps")) : 100;
        double lr = spec.containsKey("lr") ? number(spec.get("lr")) : 0.1;
        WidgetCurves.Series curve = WidgetCurves.schedule(string(spec, "scheduler"), args, steps, lr);
        LineChart chart = new LineChart(getStatic("chart.step"), getStatic("chart.lr"));
        chart.appendPoints(chart.addSeries(curve.label()), interleave(curve));
        return chart;
    }

    private LineChart lrFinder(Map<String, Object> spec) {
        WidgetCurves.Series curve = WidgetCurves.lrFinder(string(spec, "model"), number(required(spec, "start_lr")),
                number(required(spec, "end_lr")), spec.containsKey("steps") ? (int) number(spec.get("steps")) : 100);
        LineChart chart = new LineChart("log10(" + getStatic("chart.lr") + ")", "loss");
        chart.appendPoints(chart.addSeries(curve.label()), interleave(curve));
        return chart;
    }

    private static double[] interleave(WidgetCurves.Series series) {
        double[] xy = new double[2 * series.xs().length];
        for (int i = 0; i < series.xs().length; i++) {
            xy[2 * i] = series.xs()[i];
            xy[2 * i + 1] = series.ys()[i];
        }
        return xy;
    }

    private static Object required(Map<String, Object> spec, String key) {
        Object value = spec.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the widget needs \"" + key + "\"");
        }
        return value;
    }

    private static String string(Map<String, Object> spec, String key) {
        if (!(required(spec, key) instanceof String s)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string");
        }
        return s;
    }

    private static double number(Object value) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("expected a number, got " + value);
        }
        return n.doubleValue();
    }
}
