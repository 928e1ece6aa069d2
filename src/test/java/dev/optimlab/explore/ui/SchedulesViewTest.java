package dev.optimlab.explore.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
import dev.optimlab.app.Application;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Application.class)
@DisplayName("The schedule explorer page")
class SchedulesViewTest extends SpringBrowserlessTest {

    private static TextField field(SchedulerPicker picker, String name) {
        return picker.arguments.stream().filter(f -> f.getLabel().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("opens on cosine annealing from lr 0.1 with the code that builds it")
    void opensOnCosine() {
        ScheduleTool tool = navigate(SchedulesView.class).tool;
        assertThat(tool.lrs().ys()).hasSize(100);
        assertThat(tool.lrs().ys()[0]).isEqualTo(0.1);
        assertThat(tool.lrs().label()).isEqualTo("CosineAnnealingLR(T_max=100, eta_min=0.001)");
        assertThat(tool.lrChart.pointCount(0)).isEqualTo(100);
        assertThat(tool.code.getText()).contains("scheduler = lr_scheduler.CosineAnnealingLR(optimizer, T_max=100, eta_min=0.001)");
        assertThat(tool.metricChart.isVisible()).isFalse();
    }

    @Test
    @DisplayName("another scheduler brings its own arguments, and editing one redraws the rates")
    void editArguments() {
        ScheduleTool tool = navigate(SchedulesView.class).tool;
        tool.kind.setValue("StepLR");
        assertThat(tool.first.arguments).extracting(TextField::getLabel).containsExactly("step_size", "gamma");
        field(tool.first, "step_size").setValue("10");
        field(tool.first, "gamma").setValue("0.5");
        assertThat(tool.lrs().ys()[9]).isEqualTo(0.1);
        assertThat(tool.lrs().ys()[10]).isCloseTo(0.05, within(1e-12));
        assertThat(tool.lrs().ys()[20]).isCloseTo(0.025, within(1e-12));
    }

    @Nested
    @DisplayName("LambdaLR with a lambda typed into the page")
    class TypedLambda {

        @Test
        @DisplayName("draws the lambda's rates and shows it in the PyTorch code")
        void drawsTheLambda() {
            ScheduleTool tool = navigate(SchedulesView.class).tool;
            tool.kind.setValue("LambdaLR");
            field(tool.first, "lr_lambda").setValue("lambda epoch: 1.0 if epoch < 10 else 0.1");
            assertThat(tool.lrs().ys()[9]).isEqualTo(0.1);
            assertThat(tool.lrs().ys()[10]).isCloseTo(0.01, within(1e-12));
            assertThat(tool.code.getText()).contains("lr_scheduler.LambdaLR(optimizer, lr_lambda=lambda epoch: 1.0 if epoch < 10 else 0.1)");
        }

        @Test
        @DisplayName("a lambda that never ends is stopped and explained in one line, in English or Chinese")
        void hostileLambda() {
            ScheduleTool tool = navigate(SchedulesView.class).tool;
            tool.kind.setValue("MultiplicativeLR");
            field(tool.first, "lr_lambda").setValue("lambda epoch: (lambda f: f(f))(lambda f: f(f))");
            assertThat(tool.problem()).contains("Your lr_lambda went past its small budget of time, steps or memory and was stopped.");
            assertThat(tool.lrChart.isVisible()).isFalse();

            UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
            ScheduleTool chinese = navigate(SchedulesView.class).tool;
            chinese.kind.setValue("LambdaLR");
            field(chinese.first, "lr_lambda").setValue("lambda epoch: 1 / 0");
            assertThat(chinese.problem()).contains("你的 lr_lambda 出错了：ZeroDivisionError: division by zero");
        }
    }

    @Test
    @DisplayName("SequentialLR composes the two schedulers at the milestone")
    void sequential() {
        ScheduleTool tool = navigate(SchedulesView.class).tool;
        tool.kind.setValue(ScheduleTool.SEQUENTIAL);
        assertThat(tool.second.isVisible()).isTrue();
        tool.milestone.setValue(20);
        assertThat(tool.lrs().label()).startsWith("SequentialLR(LinearLR(start_factor=0.1, end_factor=1.0, total_iters=20), CosineAnnealingLR(");
        // LinearLR warms up from 0.1 * 0.1
        assertThat(tool.lrs().ys()[0]).isCloseTo(0.01, within(1e-12));
        assertThat(tool.code.getText()).contains("lr_scheduler.SequentialLR(optimizer, schedulers=[").contains("], milestones=[20])");
    }

    @Test
    @DisplayName("ReduceLROnPlateau watches the made-up validation loss, which is drawn too")
    void plateau() {
        ScheduleTool tool = navigate(SchedulesView.class).tool;
        tool.kind.setValue("ReduceLROnPlateau");
        assertThat(tool.metricChart.isVisible()).isTrue();
        assertThat(tool.metricChart.pointCount(0)).isEqualTo(100);
        double[] lrs = tool.lrs().ys();
        assertThat(lrs[0]).isEqualTo(0.1);
        assertThat(lrs[lrs.length - 1]).isLessThan(0.1);
        assertThat(tool.code.getText()).contains("torch.manual_seed(0)").contains("scheduler.step(metric)");
    }

    @Nested
    @DisplayName("Bad arguments")
    class BadArguments {

        @Test
        @DisplayName("text that is not a Python value marks its field and says so, without a chart or a crash")
        void notALiteral() {
            ScheduleTool tool = navigate(SchedulesView.class).tool;
            TextField tMax = field(tool.first, "T_max");
            tMax.setValue("[100,");
            assertThat(tMax.isInvalid()).isTrue();
            assertThat(tMax.getErrorMessage()).isEqualTo("Not a Python value: expected ']'");
            assertThat(tool.problem()).contains("Fix the marked argument fields to see the schedule.");
            assertThat(tool.lrs()).isNull();
            assertThat(tool.lrChart.seriesLabels()).isEmpty();
            tMax.setValue("50");
            assertThat(tMax.isInvalid()).isFalse();
            assertThat(tool.problem()).isEmpty();
            assertThat(tool.lrs().ys()).hasSize(100);
        }

        @Test
        @DisplayName("a value PyTorch refuses shows PyTorch's own error")
        void refusedByPyTorch() {
            ScheduleTool tool = navigate(SchedulesView.class).tool;
            tool.kind.setValue("ReduceLROnPlateau");
            field(tool.first, "factor").setValue("1.5");
            assertThat(tool.problem()).contains("PyTorch would not accept these arguments: Factor should be < 1.0.");
        }

        @Test
        @DisplayName("an empty number field asks for a value")
        void emptyNumber() {
            ScheduleTool tool = navigate(SchedulesView.class).tool;
            tool.steps.clear();
            assertThat(tool.problem()).contains("Fill in every number field with a valid value to see the result.");
        }

        @Test
        @DisplayName("the messages are in the reader's language")
        void chinese() {
            UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
            ScheduleTool tool = navigate(SchedulesView.class).tool;
            field(tool.first, "T_max").setValue("abc");
            assertThat(field(tool.first, "T_max").getErrorMessage()).startsWith("这不是一个 Python 值：");
            assertThat(tool.problem()).contains("请先修正标出的参数，才能看到调度曲线。");
        }
    }
}
