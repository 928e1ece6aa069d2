package dev.optimlab.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The learning-rate range test")
class RangeTestTest {

    static Stream<JsonNode> goldenRuns() {
        return StreamSupport.stream(PathExplorerTest.golden("lr_finder.json").get("cases").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenRuns")
    @DisplayName("records the losses PyTorch records, and stops where PyTorch stops")
    void matchesPyTorch(JsonNode golden) {
        WidgetCurves.Series curve = WidgetCurves.lrFinder(golden.get("model").asText(), golden.get("start_lr").asDouble(),
                golden.get("end_lr").asDouble(), golden.get("steps").asInt());
        JsonNode losses = golden.get("losses");
        assertThat(curve.ys()).hasSize(losses.size());
        for (int i = 0; i < losses.size(); i++) {
            double lossExpected = losses.get(i).asDouble();
            double lrExpected = golden.get("log_lrs").get(i).asDouble();
            assertThat(curve.xs()[i]).as("log10 lr at %d", i).isCloseTo(lrExpected, within(1e-12));
            // fifty full-batch steps compound float32 rounding, hence a little more than the default tolerance
            assertThat(curve.ys()[i]).as("loss at %d", i).isCloseTo(lossExpected, within(1e-6 + 1e-4 * Math.abs(lossExpected)));
        }
    }

    @Nested
    @DisplayName("Reading the curve")
    class Reading {

        @Test
        @DisplayName("smoothing keeps a flat curve flat and weighs a new loss by 1 - beta")
        void smoothing() {
            assertThat(RangeTest.smooth(new double[] {2, 2, 2, 2}, 0.98)).containsExactly(new double[] {2, 2, 2, 2}, within(1e-12));
            // second point: (0.98 * 0.02 * 1 + 0.02 * 0) / (1 - 0.98^2) = 0.0196 / 0.0396
            assertThat(RangeTest.smooth(new double[] {1, 0}, 0.98)).containsExactly(new double[] {1, 0.0196 / 0.0396}, within(1e-12));
        }

        @Test
        @DisplayName("the steepest point is where the loss falls most per decade of lr")
        void steepest() {
            double[] logLrs = {-4, -3, -2, -1, 0, 1};
            assertThat(RangeTest.steepest(logLrs, new double[] {5, 4.8, 3, 2.9, 2.85, 9})).isEqualTo(1);
            // the same drop over half a decade is twice as steep
            assertThat(RangeTest.steepest(new double[] {-4, -3, -2.5, -2}, new double[] {5, 4, 3, 2.5})).isEqualTo(1);
        }

        @Test
        @DisplayName("the valley lies some way down the longest descending stretch")
        void valley() {
            assertThat(RangeTest.valley(new double[] {5, 4, 3, 2, 1, 2, 3})).isEqualTo(1);
            // the stretch 5, 4, 3, 2, 1, 0.5, 0.4 spans indices 1 to 7: thirds of 2, so 1 + 2 + 1
            assertThat(RangeTest.valley(new double[] {3, 5, 4, 3, 2, 1, 0.5, 0.4, 6})).isEqualTo(4);
        }

        @Test
        @DisplayName("minimum/10 is a decade below the smoothed minimum")
        void minimumTenth() {
            double[] logLrs = {-4, -3.5, -3, -2.5, -2, -1.5, -1};
            RangeTest.Result result = RangeTest.read(logLrs, new double[] {3, 2.5, 2, 1, 0.5, 0.3, 5});
            int minimum = 0;
            for (int i = 1; i < result.smoothed().length; i++) {
                minimum = result.smoothed()[i] < result.smoothed()[minimum] ? i : minimum;
            }
            assertThat(result.minimumTenth().lr()).isCloseTo(Math.pow(10, logLrs[minimum] - 1), within(1e-15));
            assertThat(result.minimumTenth().index()).isEqualTo(minimum - 2);
        }

        @Test
        @DisplayName("a run that stopped at once is too short to read, and says what to do")
        void tooShort() {
            assertThatThrownBy(() -> RangeTest.read(new double[] {-1, 0}, new double[] {1, 9}))
                    .hasMessage("the range test stopped after 2 steps, too few to read: start from a smaller lr or take more steps");
        }

        @Test
        @DisplayName("on a real model the three suggestions fall inside the tested range, below the divergence")
        void realModel() {
            RangeTest.Result result = RangeTest.run("linear-regression", 1e-4, 10, 60);
            double lastLr = Math.pow(10, result.log10Lrs()[result.log10Lrs().length - 1]);
            for (RangeTest.Suggestion s : new RangeTest.Suggestion[] {result.steepest(), result.minimumTenth(), result.valley()}) {
                assertThat(s.lr()).isBetween(1e-4, lastLr);
            }
        }
    }
}
