package dev.optimlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.ComponentUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The contour plot")
class ContourPlotTest {

    private static ContourPlot.Path path(String label, int points) {
        double[] xs = new double[points];
        double[] ys = new double[points];
        for (int i = 0; i < points; i++) {
            xs[i] = i;
            ys[i] = -i;
        }
        return new ContourPlot.Path(label, xs, ys);
    }

    @Test
    @DisplayName("shows the paths up to a step no further than the longest path")
    void stepIsClamped() {
        ContourPlot plot = new ContourPlot();
        plot.setPaths(List.of(path("short", 4), path("long", 11)), 100);
        assertThat(plot.lastStep()).isEqualTo(10);
        assertThat(plot.step()).isEqualTo(10);
        plot.setStep(-3);
        assertThat(plot.step()).isZero();
        plot.setStep(7);
        assertThat(plot.step()).isEqualTo(7);
    }

    @Test
    @DisplayName("keeps what the browser reports: the dropped start point and the step of the animation")
    void browserEvents() {
        ContourPlot plot = new ContourPlot();
        plot.setPaths(List.of(path("p", 21)), 20);
        plot.setStart(-1, 1);
        List<String> heard = new ArrayList<>();
        plot.addStartMovedListener(e -> heard.add("start " + e.x() + ", " + e.y()));
        plot.addStepChangedListener(e -> heard.add("step " + e.step() + (e.playing() ? " playing" : "")));
        ComponentUtil.fireEvent(plot, new ContourPlot.StartMovedEvent(plot, true, 0.5, -2));
        ComponentUtil.fireEvent(plot, new ContourPlot.StepChangedEvent(plot, true, 12, true));
        assertThat(plot.start()).containsExactly(0.5, -2.0);
        assertThat(plot.step()).isEqualTo(12);
        assertThat(plot.playing()).isTrue();
        assertThat(heard).containsExactly("start 0.5, -2.0", "step 12 playing");
    }

    @Test
    @DisplayName("refuses a grid or a path whose sizes do not fit")
    void checksSizes() {
        assertThatThrownBy(() -> new ContourPlot.Grid(0, 1, 0, 1, 3, 2, new double[5]))
                .hasMessage("a grid needs at least 2 x 2 values and columns * rows of them");
        assertThatThrownBy(() -> new ContourPlot.Path("p", new double[2], new double[3]))
                .hasMessage("a path needs as many xs as ys, and at least one point");
    }
}
