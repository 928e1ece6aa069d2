package dev.optimlab.course.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.optimlab.base.ui.LineChart;
import dev.optimlab.course.ChapterPart;
import dev.optimlab.explore.ScheduleExplorer;
import dev.optimlab.explore.WidgetCurves;
import dev.optimlab.explore.ui.LrFinderTool;
import dev.optimlab.explore.ui.PathsTool;
import dev.optimlab.explore.ui.ScheduleTool;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chapter's {@code ```widget} block as the interactive tool it names, in compact form and preset from the
 * block's JSON: the optimizer-path tool, the schedule explorer or the learning-rate range test, each computed
 * on the torch core, with a link to the full tool. A block that cannot be computed shows its problem in place,
 * so a content mistake never breaks the page.
 */
class WidgetFigure extends Div {

    /** The tool's line chart: loss per step for paths, lr per step for a schedule, loss per lr for the range test. */
    final LineChart chart;
    final Component tool;

    WidgetFigure(ChapterPart.Widget widget) {
        addClassNames("ol-figure");
        Component built;
        LineChart builtChart;
        try {
            switch (widget.type()) {
                case "paths" -> {
                    PathsTool paths = paths(widget.spec());
                    built = paths;
                    builtChart = paths.lossChart();
                }
                case "schedule" -> {
                    ScheduleTool schedule = schedule(widget.spec());
                    built = schedule;
                    builtChart = schedule.lrChart();
                }
                case "lr-finder" -> {
                    LrFinderTool finder = lrFinder(widget.spec());
                    built = finder;
                    builtChart = finder.chart();
                }
                default -> throw new IllegalArgumentException("unknown widget type '" + widget.type()
                        + "' (expected paths, schedule or lr-finder)");
            }
        } catch (RuntimeException e) {
            built = null;
            builtChart = null;
            add(problem(widget.line(), e.getMessage()));
        }
        tool = built;
        chart = builtChart;
        if (tool != null) {
            add(tool, fullToolLink(widget.type()));
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

    private static Anchor fullToolLink(String type) {
        Anchor link = new Anchor(switch (type) {
            case "paths" -> "tools/paths";
            case "schedule" -> "tools/schedules";
            default -> "tools/lr-finder";
        }, getStatic("tools.open-full") + " →");
        link.addClassNames("ol-full-tool");
        return link;
    }

    @SuppressWarnings("unchecked")
    private static PathsTool paths(Map<String, Object> spec) {
        String surface = string(spec, "surface");
        if (!(required(spec, "optimizers") instanceof List<?> optimizers) || optimizers.isEmpty()
                || !optimizers.stream().allMatch(Map.class::isInstance)) {
            throw new IllegalArgumentException("\"optimizers\" must be a list of {\"name\": ..., \"lr\": ...}");
        }
        double[] start = null;
        if (spec.get("start") instanceof List<?> xy && xy.size() == 2) {
            start = new double[] {number(xy.get(0)), number(xy.get(1))};
        }
        int steps = spec.containsKey("steps") ? (int) number(spec.get("steps")) : 100;
        if (steps < 1 || steps > WidgetCurves.MAX_STEPS) {
            throw new IllegalArgumentException("steps must be between 1 and " + WidgetCurves.MAX_STEPS + ", got " + steps);
        }
        PathsTool tool = new PathsTool(new PathsTool.Preset(surface, (List<Map<String, Object>>) optimizers, start, steps));
        return checked(tool, tool.problem());
    }

    @SuppressWarnings("unchecked")
    private static ScheduleTool schedule(Map<String, Object> spec) {
        Map<String, Object> args = spec.get("args") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        int steps = spec.containsKey("steps") ? (int) number(spec.get("steps")) : 100;
        double lr = spec.containsKey("lr") ? number(spec.get("lr")) : 0.1;
        ScheduleExplorer.Spec schedule = ScheduleExplorer.spec(string(spec, "scheduler"), args);
        ScheduleTool tool = new ScheduleTool(new ScheduleTool.Preset(schedule, steps, lr), true);
        return checked(tool, tool.problem());
    }

    private static LrFinderTool lrFinder(Map<String, Object> spec) {
        int steps = spec.containsKey("steps") ? (int) number(spec.get("steps")) : 100;
        LrFinderTool tool = new LrFinderTool(string(spec, "model"), number(required(spec, "start_lr")),
                number(required(spec, "end_lr")), steps, true);
        return checked(tool, tool.problem());
    }

    /** A preset that does not compute is the author's mistake: it is shown in place of the tool. */
    private static <T> T checked(T tool, Optional<String> problem) {
        problem.ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        return tool;
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
