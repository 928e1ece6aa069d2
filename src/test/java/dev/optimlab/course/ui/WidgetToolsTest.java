package dev.optimlab.course.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import dev.optimlab.app.Application;
import dev.optimlab.course.ChapterPart;
import dev.optimlab.course.MarkdownRenderer;
import dev.optimlab.explore.ui.LrFinderTool;
import dev.optimlab.explore.ui.PathsTool;
import dev.optimlab.explore.ui.ScheduleTool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Application.class)
@DisplayName("A chapter's widget block")
class WidgetToolsTest extends SpringBrowserlessTest {

    private static WidgetFigure figure(String type, String json) {
        ChapterPart part = new MarkdownRenderer().toParts("```widget " + type + "\n" + json + "\n```\n").getFirst();
        return new WidgetFigure((ChapterPart.Widget) part);
    }

    private static String link(WidgetFigure figure) {
        return figure.getChildren().filter(Anchor.class::isInstance).map(c -> ((Anchor) c).getHref()).findFirst().orElse("");
    }

    @Test
    @DisplayName("a paths block becomes the compact path tool with the author's optimizers, and links to the full tool")
    void pathsBecomeTheTool() {
        WidgetFigure figure = figure("paths", "{\"surface\": \"valley\", \"optimizers\": [{\"name\": \"SGD\", \"lr\": 0.09},"
                + " {\"name\": \"Adam\", \"lr\": 0.1}], \"start\": [-4, 1], \"steps\": 40}");
        assertThat(figure.tool).isInstanceOf(PathsTool.class);
        assertThat(figure.chart.seriesLabels()).containsExactly("SGD(lr=0.09)", "Adam(lr=0.1)");
        assertThat(figure.chart.pointCount(0)).isEqualTo(41);
        assertThat(link(figure)).isEqualTo("tools/paths");
    }

    @Test
    @DisplayName("a schedule block becomes the compact schedule explorer with the author's arguments in its fields")
    void scheduleBecomesTheTool() {
        WidgetFigure figure = figure("schedule", "{\"scheduler\": \"MultiStepLR\", \"args\": {\"milestones\": [10, 30]}, \"steps\": 50}");
        assertThat(figure.tool).isInstanceOf(ScheduleTool.class);
        assertThat(figure.chart.seriesLabels()).containsExactly("MultiStepLR(milestones=[10, 30])");
        assertThat(figure.chart.pointCount(0)).isEqualTo(50);
        assertThat(link(figure)).isEqualTo("tools/schedules");
    }

    @Test
    @DisplayName("a SequentialLR block keeps its two parts and its milestone")
    void sequentialBlock() {
        WidgetFigure figure = figure("schedule", "{\"scheduler\": \"SequentialLR\", \"args\": {\"schedulers\": ["
                + "{\"scheduler\": \"LinearLR\", \"args\": {\"start_factor\": 0.1, \"total_iters\": 5}},"
                + " {\"scheduler\": \"ExponentialLR\", \"args\": {\"gamma\": 0.9}}], \"milestones\": [5]}, \"steps\": 30}");
        assertThat(figure.chart.seriesLabels()).containsExactly(
                "SequentialLR(LinearLR(start_factor=0.1, total_iters=5), ExponentialLR(gamma=0.9), milestones=[5])");
    }

    @Test
    @DisplayName("an lr-finder block becomes the compact range test")
    void lrFinderBecomesTheTool() {
        WidgetFigure figure = figure("lr-finder", "{\"model\": \"linear-regression\", \"start_lr\": 0.0001, \"end_lr\": 10, \"steps\": 60}");
        assertThat(figure.tool).isInstanceOf(LrFinderTool.class);
        assertThat(figure.chart.isLogX()).isTrue();
        assertThat(link(figure)).isEqualTo("tools/lr-finder");
    }

    @Test
    @DisplayName("a block whose arguments PyTorch refuses shows the problem in place of the tool")
    void refusedArguments() {
        WidgetFigure figure = figure("schedule", "{\"scheduler\": \"StepLR\", \"args\": {\"step_size\": 10, \"gama\": 0.5}}");
        assertThat(figure.tool).isNull();
        assertThat(figure.chart).isNull();
        assertThat(figure.getChildren().map(c -> ((Paragraph) c).getText()).findFirst().orElseThrow())
                .contains("(line 1)").contains("unexpected keyword argument 'gama'");
    }

    @Test
    @DisplayName("a paths block naming an optimizer torch.optim lacks shows the problem in place of the tool")
    void unknownOptimizer() {
        WidgetFigure figure = figure("paths", "{\"surface\": \"bowl\", \"optimizers\": [{\"name\": \"Adamm\", \"lr\": 0.1}]}");
        assertThat(figure.tool).isNull();
        assertThat(figure.getChildren().map(c -> ((Paragraph) c).getText()).findFirst().orElseThrow())
                .contains("These settings do not work").contains("has no attribute 'Adamm'");
    }
}
