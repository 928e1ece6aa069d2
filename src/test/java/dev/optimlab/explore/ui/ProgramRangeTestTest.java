package dev.optimlab.explore.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import dev.optimlab.app.Application;
import dev.optimlab.explore.RangeTest;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.bridge.LrSweep;
import dev.optimlab.runs.RunEvent;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Application.class)
@DisplayName("The range test panel of the exercise workspace")
class ProgramRangeTestTest extends SpringBrowserlessTest {

    private static final RunEvent.Finished OK = new RunEvent.Finished(RunResult.Status.OK, null, 0, "", Duration.ZERO);

    /** Reports a sweep's points as the bridge would: the lr of step k and the loss before it. */
    private static void report(ProgramRangeTest panel, LrSweep sweep, double... losses) {
        for (int k = 0; k < losses.length; k++) {
            panel.accept(new RunEvent.Metric(LrSweep.LR_SERIES, k, sweep.lr(k)));
            panel.accept(new RunEvent.Metric(LrSweep.LOSS_SERIES, k, losses[k]));
        }
    }

    @Nested
    @DisplayName("settings")
    class Settings {

        @Test
        @DisplayName("start from torch-lr-finder's usual sweep: 1e-5 to 10 in 100 steps")
        void defaults() {
            assertThat(new ProgramRangeTest().sweep()).contains(new LrSweep(1e-5, 10, 100));
        }

        @Test
        @DisplayName("an lr_max below lr_min is refused with the reason in place of the chart")
        void refusesBadRange() {
            ProgramRangeTest panel = new ProgramRangeTest();
            new ProgramRangeTestProbe(panel).settings(1, 0.1, 50);
            assertThat(panel.sweep()).isEmpty();
            assertThat(panel.figure.problem()).contains("The start lr must be positive and smaller than the end lr.");
        }

        @Test
        @DisplayName("too many steps are refused")
        void refusesTooManySteps() {
            ProgramRangeTest panel = new ProgramRangeTest();
            new ProgramRangeTestProbe(panel).settings(1e-4, 1, 5000);
            assertThat(panel.sweep()).isEmpty();
            assertThat(panel.figure.problem()).contains("The number of steps must be between 3 and 1000.");
        }
    }

    @Nested
    @DisplayName("reading the run")
    class Reading {

        @Test
        @DisplayName("a full sweep is drawn as explore.RangeTest reads the same points, with its suggestions listed")
        void drawsTheCurve() {
            ProgramRangeTest panel = new ProgramRangeTest();
            LrSweep sweep = new LrSweep(1e-3, 1, 6);
            double[] losses = {2.0, 1.9, 1.5, 0.9, 0.7, 1.2};
            panel.begin(sweep);
            report(panel, sweep, losses);
            panel.finish(OK);

            double[] log10Lrs = new double[losses.length];
            for (int k = 0; k < losses.length; k++) {
                log10Lrs[k] = -3 + 3.0 * k / 5;
            }
            RangeTest.Result expected = RangeTest.read(log10Lrs, losses);
            RangeTest.Result drawn = panel.figure.result();
            assertThat(drawn.losses()).containsExactly(losses);
            assertThat(drawn.log10Lrs()).containsExactly(log10Lrs, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(drawn.valley().index()).isEqualTo(expected.valley().index());
            assertThat(drawn.steepest().index()).isEqualTo(expected.steepest().index());
            assertThat(new ProgramRangeTestProbe(panel).seriesLabels()).containsExactly("loss", "smoothed loss", "suggestions");
            assertThat(new ProgramRangeTestProbe(panel).suggestions()).hasSize(3).first().asString().startsWith("steepest descent: lr ≈ ");
            assertThat(new ProgramRangeTestProbe(panel).summary()).isEqualTo("Swept 6 steps, lr 0.00100 to 1.00.");
        }

        @Test
        @DisplayName("the raw curve grows while the program runs, without the points that are not finite, and is replaced by the whole reading at the end")
        void drawsWhileRunning() {
            ProgramRangeTest panel = new ProgramRangeTest();
            LrSweep sweep = new LrSweep(1e-3, 1, 6);
            panel.begin(sweep);
            report(panel, sweep, 2.0, 1.9, 1.5);
            ProgramRangeTestProbe probe = new ProgramRangeTestProbe(panel);
            assertThat(probe.seriesLabels()).containsExactly("loss");
            assertThat(probe.rawPoints()).isEqualTo(3);

            panel.accept(new RunEvent.Metric(LrSweep.LR_SERIES, 3, sweep.lr(3)));
            panel.accept(new RunEvent.Metric(LrSweep.LOSS_SERIES, 3, Double.NaN));
            assertThat(probe.rawPoints()).isEqualTo(3);

            report(panel, sweep, 2.0, 1.9, 1.5, 0.9, 0.7, 1.2);
            panel.finish(OK);
            assertThat(probe.seriesLabels()).containsExactly("loss", "smoothed loss", "suggestions");
            assertThat(probe.rawPoints()).isEqualTo(6);
        }

        @Test
        @DisplayName("a sweep cut short by divergence says at which lr it stopped")
        void saysWhereItDiverged() {
            ProgramRangeTest panel = new ProgramRangeTest();
            LrSweep sweep = new LrSweep(1e-3, 1, 10);
            panel.begin(sweep);
            report(panel, sweep, 2.0, 1.5, 1.0, 0.8);
            panel.accept(new RunEvent.Metric(LrSweep.DIVERGED_SERIES, 4, sweep.lr(4)));
            panel.finish(OK);

            assertThat(new ProgramRangeTestProbe(panel).rawPoints()).isEqualTo(4);
            assertThat(new ProgramRangeTestProbe(panel).summary())
                    .isEqualTo("Swept 4 steps, lr 0.00100 to 0.0100, then stopped at lr 0.0215: the loss passed four times its best.");
        }

        @Test
        @DisplayName("a program whose loop ends before the sweep says the sweep did not reach lr_max")
        void saysTheLoopEndedFirst() {
            ProgramRangeTest panel = new ProgramRangeTest();
            LrSweep sweep = new LrSweep(1e-3, 1, 10);
            panel.begin(sweep);
            report(panel, sweep, 2.0, 1.5, 1.0, 0.8);
            panel.finish(OK);

            assertThat(new ProgramRangeTestProbe(panel).summary()).endsWith("so the sweep did not reach lr_max.");
        }

        @Test
        @DisplayName("a program that never stepped an optimizer is told that the test needs one")
        void noOptimizer() {
            ProgramRangeTest panel = new ProgramRangeTest();
            panel.begin(new LrSweep(1e-3, 1, 10));
            panel.finish(OK);

            assertThat(panel.figure.problem()).get().asString().startsWith("Your program never called optimizer.step()");
            assertThat(panel.isRunning()).isFalse();
        }

        @Test
        @DisplayName("a program that failed gets no curve, only a pointer to the console")
        void failedProgram() {
            ProgramRangeTest panel = new ProgramRangeTest();
            LrSweep sweep = new LrSweep(1e-3, 1, 10);
            panel.begin(sweep);
            report(panel, sweep, 2.0, 1.5, 1.0, 0.8);
            panel.finish(new RunEvent.Finished(RunResult.Status.PYTHON_ERROR, "NameError", 3, "NameError: x", Duration.ZERO));

            assertThat(panel.figure.result()).isNull();
            assertThat(panel.figure.problem()).get().asString().contains("the console shows what stopped it");
        }

        @Test
        @DisplayName("the end of an ordinary Run is not read as a range test")
        void ignoresOrdinaryRuns() {
            ProgramRangeTest panel = new ProgramRangeTest();
            panel.finish(OK);

            assertThat(panel.figure.problem()).isEmpty();
            assertThat(new ProgramRangeTestProbe(panel).summary()).isEmpty();
        }
    }
}
