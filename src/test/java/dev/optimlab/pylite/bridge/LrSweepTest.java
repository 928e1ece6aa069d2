package dev.optimlab.pylite.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The range test on a learner's own program")
class LrSweepTest {

    record Metric(String series, long step, double value) {
    }

    record Recorded(RunResult result, List<Metric> metrics) {
        double[] values(String series) {
            return metrics.stream().filter(m -> m.series().equals(series)).mapToDouble(Metric::value).toArray();
        }

        long[] steps(String series) {
            return metrics.stream().filter(m -> m.series().equals(series)).mapToLong(Metric::step).toArray();
        }
    }

    static final JsonNode GOLDEN = golden();

    private static JsonNode golden() {
        try (InputStream in = LrSweepTest.class.getResourceAsStream("/golden/explore/lr_sweep.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<JsonNode> cases() {
        List<JsonNode> cases = new ArrayList<>();
        GOLDEN.get("cases").forEach(cases::add);
        return cases.stream();
    }

    private static Recorded run(String source, LrSweep sweep) {
        List<Metric> metrics = new ArrayList<>();
        TorchEvents events = new TorchEvents() {
            @Override
            public void metric(String series, long step, double value) {
                metrics.add(new Metric(series, step, value));
            }
        };
        RunResult result = TorchBridge.start(source, "main.py", Limits.defaults(), RunListener.NONE, Storage.NONE, events,
                sweep).await();
        return new Recorded(result, metrics);
    }

    private static LrSweep sweepOf(JsonNode golden) {
        return new LrSweep(golden.get("lr_min").asDouble(), golden.get("lr_max").asDouble(), golden.get("steps").asInt());
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    @Nested
    @DisplayName("against the same program with each lr written into it")
    class AgainstExplicitLrs {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.optimlab.pylite.bridge.LrSweepTest#cases")
        @DisplayName("each step's lr follows lr_min·(lr_max/lr_min)^(k/(steps-1)) as Python computes it")
        void lrsFollowTheExponentialSchedule(JsonNode golden) {
            Recorded sweep = run(GOLDEN.get("program").asText(), sweepOf(golden));

            assertThat(sweep.result().status()).as(sweep.result().stderr()).isEqualTo(RunResult.Status.OK);
            double[] expected = doubles(golden.get("lrs"));
            double[] actual = sweep.values(LrSweep.LR_SERIES);
            assertThat(actual).hasSameSizeAs(expected);
            for (int k = 0; k < expected.length; k++) {
                assertThat(actual[k]).as("lr of step %d", k).isCloseTo(expected[k], within(1e-15 * expected[k]));
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.optimlab.pylite.bridge.LrSweepTest#cases")
        @DisplayName("the losses are those real PyTorch prints with the lrs set by hand, and the run ends where the sweep does")
        void lossesMatchPyTorchWithExplicitLrs(JsonNode golden) {
            Recorded sweep = run(GOLDEN.get("program").asText(), sweepOf(golden));

            double[] expected = doubles(golden.get("losses"));
            double[] actual = sweep.values(LrSweep.LOSS_SERIES);
            assertThat(actual).hasSameSizeAs(expected);
            for (int k = 0; k < expected.length; k++) {
                assertThat(actual[k]).as("loss before step %d", k)
                        .isCloseTo(expected[k], within(1e-6 + 1e-5 * Math.abs(expected[k])));
            }
            assertThat(sweep.steps(LrSweep.LOSS_SERIES)).containsExactly(
                    java.util.stream.LongStream.range(0, expected.length).toArray());
            assertThat(sweep.values(LrSweep.DIVERGED_SERIES)).hasSize(golden.get("diverged").asBoolean() ? 1 : 0);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.optimlab.pylite.bridge.LrSweepTest#cases")
        @DisplayName("the losses are exactly those the program prints when pylite runs it with the lrs set by hand")
        void lossesMatchTheExplicitProgramInPylite(JsonNode golden) {
            String program = GOLDEN.get("program").asText();
            LrSweep sweep = sweepOf(golden);
            StringBuilder lrs = new StringBuilder("LRS = [");
            for (int k = 0; k < sweep.steps(); k++) {
                lrs.append(k == 0 ? "" : ", ").append(golden.get("lr_min").asDouble() + " * (" + golden.get("lr_max").asDouble()
                        + " / " + golden.get("lr_min").asDouble() + ") ** (" + k + " / " + (sweep.steps() - 1) + ")");
            }
            String explicit = lrs + "]\n" + program.replace("    optimizer.step()\n", GOLDEN.get("explicit_step").asText())
                    .replace("range(200)", "range(" + sweep.steps() + ")");

            Recorded swept = run(program, sweep);
            RunResult byHand = TorchBridge.run(explicit, "main.py", Limits.defaults(), RunListener.NONE, Storage.NONE,
                    TorchEvents.NONE);

            assertThat(byHand.status()).as(byHand.stderr()).isEqualTo(RunResult.Status.OK);
            double[] losses = swept.values(LrSweep.LOSS_SERIES);
            // past the sweep's end the hand-set run goes on diverging, to inf and nan
            double[] printed = Arrays.stream(byHand.stdout().split("\n")).limit(losses.length)
                    .mapToDouble(Double::parseDouble).toArray();
            assertThat(losses).containsExactly(printed);
            // the program printed every loss of the sweep, and stopped before printing a diverged one
            assertThat(swept.result().stdout()).isEqualTo(String.join("", Arrays.stream(byHand.stdout().split("\n"))
                    .limit(losses.length).map(line -> line + "\n").toList()));
        }
    }

    @Nested
    @DisplayName("ending the run")
    class Ending {

        @Test
        @DisplayName("a loss that passes four times the best stops the program early, silently and successfully")
        void divergenceStopsEarly() {
            String program = """
                    import torch
                    w = torch.nn.Parameter(torch.tensor([1.0]))
                    opt = torch.optim.SGD([w], lr=0.1)
                    for step in range(100):
                        opt.zero_grad()
                        loss = (w ** 2).sum()
                        loss.backward()
                        opt.step()
                    print("never reached")
                    """;
            // w ← w(1 − 2·lr): with lr from 0.1 to 10 the loss falls, then grows by more than 4× within a few steps.
            Recorded sweep = run(program, new LrSweep(0.1, 10, 30));

            assertThat(sweep.result().status()).isEqualTo(RunResult.Status.OK);
            assertThat(sweep.result().stdout()).isEmpty();
            assertThat(sweep.result().stderr()).isEmpty();
            double[] losses = sweep.values(LrSweep.LOSS_SERIES);
            assertThat(losses.length).isBetween(3, 29);
            double best = Arrays.stream(losses).min().orElseThrow();
            assertThat(sweep.values("loss")[losses.length]).isGreaterThan(4 * best);
            assertThat(sweep.steps(LrSweep.DIVERGED_SERIES)).containsExactly(losses.length);
        }

        @Test
        @DisplayName("a program without an optimizer runs to its end and gives no sweep points")
        void noOptimizerGivesNoPoints() {
            Recorded sweep = run("import torch\nprint(torch.ones(2).sum().item())\n", new LrSweep(1e-4, 1, 10));

            assertThat(sweep.result().status()).isEqualTo(RunResult.Status.OK);
            assertThat(sweep.result().stdout()).isEqualTo("2.0\n");
            assertThat(sweep.values(LrSweep.LOSS_SERIES)).isEmpty();
        }

        @Test
        @DisplayName("without a sweep the program's own lr and scheduler are left alone")
        void ordinaryRunKeepsTheProgramsLr() {
            Recorded plain = run(GOLDEN.get("program").asText().replace("range(200)", "range(6)"), null);

            assertThat(plain.values("lr/group0")).containsExactly(0.01, 0.01, 0.01, 0.01, 0.01, 0.005);
            assertThat(plain.values(LrSweep.LOSS_SERIES)).isEmpty();
        }
    }

    @Test
    @DisplayName("a sweep needs 0 < lr_min < lr_max and at least two steps")
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new LrSweep(0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LrSweep(1, 0.1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LrSweep(1e-3, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
