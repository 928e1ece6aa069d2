package dev.optimlab.course.ui;

import dev.optimlab.base.ui.LineChart;
import java.util.List;

/** Lets tests of other packages read what a {@link RunPanel} shows. */
public final class RunPanelProbe {

    private final RunPanel panel;

    public RunPanelProbe(RunPanel panel) {
        this.panel = panel;
    }

    public int pointCount(String series) {
        return panel.pointCount(series);
    }

    /** The charts shown, in order, by the name of what they draw: loss, lr or scalars. */
    public List<String> chartNames() {
        return panel.charts.getChildren().filter(LineChart.class::isInstance)
                .map(c -> c.getElement().getAttribute("data-chart")).toList();
    }

    public String status() {
        return panel.status.getText();
    }

    public boolean stopVisible() {
        return panel.stop.isVisible();
    }
}
