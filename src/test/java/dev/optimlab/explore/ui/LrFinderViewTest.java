package dev.optimlab.explore.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.ListItem;
import dev.optimlab.app.Application;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Application.class)
@DisplayName("The learning-rate range test page")
class LrFinderViewTest extends SpringBrowserlessTest {

    @Test
    @DisplayName("draws raw and smoothed loss on a log lr axis with the three suggestions marked and listed")
    void drawsTheRangeTest() {
        LrFinderTool tool = navigate(LrFinderView.class).tool;
        assertThat(tool.chart().isLogX()).isTrue();
        assertThat(tool.chart().seriesLabels()).containsExactly("loss", "smoothed loss", "suggestions");
        assertThat(tool.chart().pointCount(0)).isEqualTo(tool.result().losses().length).isGreaterThan(10);
        assertThat(tool.chart().pointCount(2)).isEqualTo(3);
        assertThat(tool.figure.suggestions.getChildren().map(c -> ((ListItem) c).getElement().getTextRecursively()))
                .hasSize(3).anySatisfy(text -> assertThat(text).startsWith("● steepest descent: lr ≈ "))
                .anySatisfy(text -> assertThat(text).startsWith("● minimum / 10: lr ≈ "))
                .anySatisfy(text -> assertThat(text).startsWith("● valley: lr ≈ "));
    }

    @Test
    @DisplayName("another model runs the test again on that model")
    void otherModel() {
        LrFinderTool tool = navigate(LrFinderView.class).tool;
        double[] blobs = tool.result().losses();
        tool.model.setValue("linear-regression");
        assertThat(tool.result().losses()).isNotEqualTo(blobs);
        assertThat(tool.result().losses()[0]).isGreaterThan(1);
    }

    @Test
    @DisplayName("a range that does not grow says what is wrong instead of drawing")
    void badRange() {
        LrFinderTool tool = navigate(LrFinderView.class).tool;
        tool.startLr.setValue(1.0);
        tool.endLr.setValue(0.1);
        assertThat(tool.problem()).contains("The start lr must be positive and smaller than the end lr.");
        assertThat(tool.chart().seriesLabels()).isEmpty();
        tool.model.setValue("linear-regression");
        // mean squared error on x ~ N(0, 1) diverges at once from lr 10: too few points to read
        tool.startLr.setValue(10.0);
        tool.endLr.setValue(1e6);
        assertThat(tool.problem()).get().asString().startsWith("The range test could not be read: the range test stopped after");
    }
}
