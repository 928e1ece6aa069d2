package dev.optimlab.explore.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import dev.optimlab.app.Application;
import dev.optimlab.base.ui.ContourPlot;
import dev.optimlab.explore.PathExplorer;
import dev.optimlab.explore.WidgetCurves;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Application.class)
@DisplayName("The optimizer-path page")
class PathsViewTest extends SpringBrowserlessTest {

    @Test
    @DisplayName("opens on the valley with the paths of all seven optimizers and the program that computes them")
    void opensWithAllOptimizers() {
        PathsTool tool = navigate(PathsView.class).tool;
        assertThat(tool.surface.getValue()).isEqualTo("valley");
        assertThat(tool.plot.paths()).extracting(ContourPlot.Path::label).containsExactly("SGD(lr=0.1)",
                "SGD(lr=0.1, momentum=0.9)", "SGD(lr=0.1, momentum=0.9, nesterov=True)", "RMSprop(lr=0.1)", "Adagrad(lr=0.1)",
                "Adam(lr=0.1, betas=(0.9, 0.999))", "AdamW(lr=0.1, betas=(0.9, 0.999))");
        assertThat(tool.plot.grid().columns()).isEqualTo(120);
        assertThat(tool.plot.start()).containsExactly(-4.0, 1.0);
        assertThat(tool.plot.step()).isEqualTo(150);
        assertThat(tool.lossChart.seriesLabels()).hasSize(7);
        assertThat(tool.code.getText()).contains("torch.optim.Adam(params, lr=0.1, betas=(0.9, 0.999))");
        assertThat(tool.lr.getLabel()).isEqualTo("Learning rate: lr = 0.1");
    }

    @Test
    @DisplayName("moving the lr slider recomputes every path with the new rate")
    void lrSliderRecomputes() {
        PathsTool tool = navigate(PathsView.class).tool;
        double[] before = tool.paths().getFirst().xs().clone();
        tool.lr.setValue(-2.0);
        WidgetCurves.Series sgd = tool.paths().getFirst();
        assertThat(sgd.label()).isEqualTo("SGD(lr=0.01)");
        assertThat(sgd.xs()).isNotEqualTo(before);
        // SGD on 0.1 x^2: x shrinks by (1 - 0.2 lr) per step
        assertThat(sgd.xs()[1]).isCloseTo(-4 * (1 - 0.2 * 0.01), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(tool.code.getText()).contains("torch.optim.SGD(params, lr=0.01)");
        assertThat(tool.lr.getLabel()).isEqualTo("Learning rate: lr = 0.01");
    }

    @Test
    @DisplayName("momentum and betas reach the optimizers that take them")
    void momentumAndBetas() {
        PathsTool tool = navigate(PathsView.class).tool;
        tool.momentum.setValue(0.5);
        tool.beta1.setValue(0.8);
        tool.beta2.setValue(0.99);
        assertThat(tool.plot.paths()).extracting(ContourPlot.Path::label).contains("SGD(lr=0.1, momentum=0.5)",
                "Adam(lr=0.1, betas=(0.8, 0.99))");
    }

    @Test
    @DisplayName("dropping the start point elsewhere starts every path there")
    void dragStart() {
        PathsTool tool = navigate(PathsView.class).tool;
        ComponentUtil.fireEvent(tool.plot, new ContourPlot.StartMovedEvent(tool.plot, true, 2.5, -1.25));
        assertThat(tool.startX.getValue()).isEqualTo(2.5);
        assertThat(tool.startY.getValue()).isEqualTo(-1.25);
        assertThat(tool.paths()).allSatisfy(path -> {
            assertThat(path.xs()[0]).isEqualTo(2.5);
            assertThat(path.ys()[0]).isEqualTo(-1.25);
        });
        assertThat(tool.code.getText()).contains("start=(2.5, -1.25)");
    }

    @Test
    @DisplayName("another surface brings its own start, learning rate and number of steps")
    void otherSurface() {
        PathsTool tool = navigate(PathsView.class).tool;
        tool.changeSurface("rosenbrock");
        assertThat(tool.plot.grid().xMin()).isEqualTo(PathExplorer.bounds("rosenbrock").xMin());
        assertThat(tool.plot.start()).containsExactly(-1.5, 2.0);
        assertThat(tool.lr()).isEqualTo(0.00200);
        assertThat(tool.paths().getFirst().xs()).hasSize(301);
    }

    @Test
    @DisplayName("a diverging optimizer is cut off and marked, the others are still drawn")
    void divergence() {
        PathsTool tool = navigate(PathsView.class).tool;
        tool.lr.setValue(0.5);
        assertThat(tool.plot.paths().getFirst().label()).isEqualTo("SGD(lr=3.16) ↗");
        assertThat(tool.plot.paths().getFirst().xs().length).isLessThan(151);
        assertThat(tool.problem()).isEmpty();
    }

    @Test
    @DisplayName("only the chosen optimizers are drawn")
    void chooseOptimizers() {
        PathsTool tool = navigate(PathsView.class).tool;
        tool.optimizers.setValue(EnumSet.of(PathExplorer.Choice.ADAM, PathExplorer.Choice.SGD));
        assertThat(tool.plot.paths()).extracting(ContourPlot.Path::label).containsExactly("SGD(lr=0.1)",
                "Adam(lr=0.1, betas=(0.9, 0.999))");
    }

    @Test
    @DisplayName("Step moves the marker one step and the counter says where it is")
    void stepAndCounter() {
        PathsTool tool = navigate(PathsView.class).tool;
        tool.rewind.click();
        assertThat(tool.stepCounter.getText()).isEqualTo("step 0 of 150");
        tool.stepButton.click();
        tool.stepButton.click();
        assertThat(tool.plot.step()).isEqualTo(2);
        assertThat(tool.stepCounter.getText()).isEqualTo("step 2 of 150");
        tool.playPause.click();
        assertThat(tool.playPause.getText()).isEqualTo("Pause");
        ComponentUtil.fireEvent(tool.plot, new ContourPlot.StepChangedEvent(tool.plot, true, 150, false));
        assertThat(tool.stepCounter.getText()).isEqualTo("step 150 of 150");
        assertThat(tool.playPause.getText()).isEqualTo("Play");
    }

    @Test
    @DisplayName("in Chinese the controls and the counter are in Chinese")
    void chinese() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        PathsView view = navigate(PathsView.class);
        assertThat(view.getPageTitle()).isEqualTo("优化器路径 · OptimLab");
        assertThat(view.tool.stepCounter.getText()).isEqualTo("第 150 步，共 150 步");
        assertThat(view.tool.surface.getLabel()).isEqualTo("曲面");
    }
}
