package dev.optimlab.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.bridge.Storage;
import dev.optimlab.pylite.bridge.TorchBridge;
import dev.optimlab.pylite.bridge.TorchEvents;
import dev.optimlab.torch.TorchException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The schedule explorer's computations")
class ScheduleExplorerTest {

    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-9;

    static Stream<JsonNode> goldenSchedules() {
        return Stream.concat(StreamSupport.stream(PathExplorerTest.golden("schedules.json").get("cases").spliterator(), false),
                StreamSupport.stream(PathExplorerTest.golden("lambda_schedules.json").get("cases").spliterator(), false));
    }

    @SuppressWarnings("unchecked")
    static ScheduleExplorer.Spec spec(JsonNode golden) {
        Map<String, Object> args = new ObjectMapper().convertValue(golden.get("spec").get("args"), LinkedHashMap.class);
        return ScheduleExplorer.spec(golden.get("spec").get("scheduler").asText(), args);
    }

    static ScheduleExplorer.PlateauMetric metric(JsonNode golden) {
        JsonNode metric = golden.get("metric");
        return metric == null ? ScheduleExplorer.PlateauMetric.DEFAULT
                : new ScheduleExplorer.PlateauMetric(metric.get("seed").asLong(), metric.get("noise").asDouble());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenSchedules")
    @DisplayName("each schedule sets the learning rates PyTorch sets, ReduceLROnPlateau on the same noisy metric")
    void matchesPyTorch(JsonNode golden) {
        WidgetCurves.Series lrs = ScheduleExplorer.lrs(spec(golden), golden.get("steps").asInt(), 0.1, metric(golden));
        JsonNode expected = golden.get("lrs");
        assertThat(lrs.ys()).hasSize(expected.size());
        for (int step = 0; step < expected.size(); step++) {
            double e = expected.get(step).asDouble();
            assertThat(lrs.ys()[step]).as("lr at step %d", step).isCloseTo(e, within(ATOL + RTOL * Math.abs(e)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenSchedules")
    @DisplayName("the PyTorch program shown beside the chart runs in pylite and collects the same rates")
    void generatedCodeAgrees(JsonNode golden) {
        ScheduleExplorer.Spec spec = spec(golden);
        int steps = golden.get("steps").asInt();
        String code = ScheduleExplorer.pytorchCode(spec, steps, 0.1, metric(golden));
        RunResult run = TorchBridge.run(code + "for lr in lrs:\n    print(repr(lr))\n", "schedule.py", Limits.defaults(),
                RunListener.NONE, Storage.NONE, TorchEvents.NONE);
        assertThat(run.stderr()).isEmpty();
        String[] lines = run.stdout().split("\n");
        double[] expected = ScheduleExplorer.lrs(spec, steps, 0.1, metric(golden)).ys();
        assertThat(lines).hasSize(steps + 1);
        assertThat(lines[0]).contains("...");
        for (int step = 0; step < steps; step++) {
            assertThat(Double.parseDouble(lines[step + 1])).as("lr at step %d", step).isEqualTo(expected[step]);
        }
    }

    @Test
    @DisplayName("writes a SequentialLR composition as PyTorch's documentation does")
    void sequentialCode() {
        ScheduleExplorer.Spec spec = new ScheduleExplorer.Sequential(List.of(
                new ScheduleExplorer.Single("LinearLR", ordered("start_factor", 0.1, "total_iters", 10)),
                new ScheduleExplorer.Single("MultiStepLR", Map.of("milestones", List.of(30, 60)))), List.of(10));
        assertThat(ScheduleExplorer.pytorchCode(spec, 100, 0.05, ScheduleExplorer.PlateauMetric.DEFAULT))
                .contains("optimizer = torch.optim.SGD([p], lr=0.05, momentum=0.9)\n")
                .contains("scheduler = lr_scheduler.SequentialLR(optimizer, schedulers=[\n"
                        + "    lr_scheduler.LinearLR(optimizer, start_factor=0.1, total_iters=10),\n"
                        + "    lr_scheduler.MultiStepLR(optimizer, milestones=[30, 60]),\n"
                        + "], milestones=[10])\n");
        assertThat(ScheduleExplorer.label(spec))
                .isEqualTo("SequentialLR(LinearLR(start_factor=0.1, total_iters=10), MultiStepLR(milestones=[30, 60]), milestones=[10])");
    }

    /** Arguments in the order given, as a page's fields keep them (Map.of's order changes from run to run). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> args = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            args.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return args;
    }

    @Nested
    @DisplayName("LambdaLR and MultiplicativeLR with the learner's lambda")
    class Lambdas {

        private static ScheduleExplorer.Spec lambdaLr(String source) {
            return ScheduleExplorer.spec("LambdaLR", Map.of("lr_lambda", source));
        }

        @Test
        @DisplayName("the PyTorch code and the label show the lambda as it was typed")
        void codeShowsTheLambda() {
            ScheduleExplorer.Spec spec = lambdaLr("lambda epoch: 0.5 * (1 + math.cos(math.pi * epoch / 50))");
            String code = ScheduleExplorer.pytorchCode(spec, 50, 0.1, ScheduleExplorer.PlateauMetric.DEFAULT);
            assertThat(code).startsWith("import math\nimport torch\n")
                    .contains("scheduler = lr_scheduler.LambdaLR(optimizer, lr_lambda=lambda epoch: 0.5 * (1 + math.cos(math.pi * epoch / 50)))\n");
            assertThat(ScheduleExplorer.label(lambdaLr("lambda e: 0.9 ** e"))).isEqualTo("LambdaLR(lr_lambda=lambda e: 0.9 ** e)");
        }

        static Stream<String[]> hostileLambdas() {
            return Stream.of(
                    new String[] {"lambda epoch: (lambda f: f(f))(lambda f: f(f))", "LIMIT"},
                    new String[] {"lambda epoch: sum(range(10 ** 12))", "LIMIT"},
                    new String[] {"lambda epoch: len([0] * 10 ** 9)", "LIMIT"},
                    new String[] {"lambda epoch: 10 ** 10 ** 10", "LIMIT"},
                    new String[] {"lambda epoch: [1]", "ERROR"},
                    new String[] {"lambda epoch: 1 / (epoch - 3)", "ERROR"},
                    new String[] {"lambda epoch: __import__('os').system('true')", "ERROR"},
                    new String[] {"lambda epoch: ", "ERROR"},
                    new String[] {"0.95", "ERROR"},
                    new String[] {"", "NOT_A_LAMBDA"},
                    new String[] {"lambda e: 1)\nwhile True: pass\n(0", "NOT_A_LAMBDA"});
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("hostileLambdas")
        @DisplayName("a hostile or broken lambda ends quickly with the kind of failure the page explains")
        void hostileLambdaEndsQuickly(String source, String kind) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> ScheduleExplorer.lrs(lambdaLr(source), 100, 0.1, ScheduleExplorer.PlateauMetric.DEFAULT))
                    .isInstanceOfSatisfying(LrLambda.Failure.class, failure -> {
                        assertThat(failure.kind()).hasToString(kind);
                        assertThat(failure.detail()).doesNotContain("\n");
                    });
            // a loose bound that only catches a hang: the lambda's budget is one second of wall time
            assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
        }

        @Test
        @DisplayName("an error names the Python exception as Python prints it")
        void errorDetail() {
            assertThatThrownBy(() -> ScheduleExplorer.lrs(lambdaLr("lambda epoch: 1 / (epoch - 3)"), 10, 0.1,
                    ScheduleExplorer.PlateauMetric.DEFAULT))
                    .isInstanceOfSatisfying(LrLambda.Failure.class,
                            failure -> assertThat(failure.detail()).isEqualTo("ZeroDivisionError: division by zero"));
        }
    }

    @Nested
    @DisplayName("Bad arguments")
    class BadArguments {

        @Test
        @DisplayName("an unknown keyword is the TypeError PyTorch raises")
        void unknownKeyword() {
            assertThatThrownBy(() -> ScheduleExplorer.lrs(new ScheduleExplorer.Single("StepLR", Map.of("step_size", 3, "gama", 0.1)),
                    10, 0.1, ScheduleExplorer.PlateauMetric.DEFAULT)).isInstanceOf(TorchException.class)
                    .hasMessageContaining("unexpected keyword argument 'gama'");
        }

        @Test
        @DisplayName("milestones must fit the schedulers of a SequentialLR")
        void milestonesMustFit() {
            assertThatThrownBy(() -> ScheduleExplorer.lrs(new ScheduleExplorer.Sequential(List.of(
                    new ScheduleExplorer.Single("ConstantLR", Map.of())), List.of(5)), 10, 0.1, ScheduleExplorer.PlateauMetric.DEFAULT))
                    .hasMessageContaining("one milestone fewer than schedulers");
        }

        @Test
        @DisplayName("ReduceLROnPlateau cannot be part of a composition")
        void plateauAlone() {
            assertThatThrownBy(() -> ScheduleExplorer.lrs(new ScheduleExplorer.Chained(List.of(
                    new ScheduleExplorer.Single("ReduceLROnPlateau", Map.of()))), 10, 0.1, ScheduleExplorer.PlateauMetric.DEFAULT))
                    .hasMessageContaining("cannot be part of a composition");
        }

        @Test
        @DisplayName("the number of steps and the lr are checked before anything runs")
        void stepsAndLr() {
            ScheduleExplorer.Spec step = new ScheduleExplorer.Single("StepLR", Map.of("step_size", 3));
            assertThatThrownBy(() -> ScheduleExplorer.lrs(step, 0, 0.1, ScheduleExplorer.PlateauMetric.DEFAULT))
                    .hasMessage("steps must be between 1 and 5000, got 0");
            assertThatThrownBy(() -> ScheduleExplorer.lrs(step, 10, -1, ScheduleExplorer.PlateauMetric.DEFAULT))
                    .hasMessage("the optimizer's lr must be a positive number, got -1.0");
        }
    }

    @Nested
    @DisplayName("Reading an argument field as a Python literal")
    class Literals {

        @Test
        @DisplayName("reads numbers, booleans, None, strings, lists and tuples as literal_eval does")
        void readsLiterals() {
            assertThat(PythonLiteral.parse(" 30 ")).isEqualTo(30);
            assertThat(PythonLiteral.parse("1e-3")).isEqualTo(0.001);
            assertThat(PythonLiteral.parse("-.5")).isEqualTo(-0.5);
            assertThat(PythonLiteral.parse("1_000")).isEqualTo(1000);
            assertThat(PythonLiteral.parse("True")).isEqualTo(true);
            assertThat(PythonLiteral.parse("None")).isNull();
            assertThat(PythonLiteral.parse("'min'")).isEqualTo("min");
            assertThat(PythonLiteral.parse("[30, 80]")).isEqualTo(List.of(30, 80));
            assertThat(PythonLiteral.parse("(0.9, 0.999,)")).isEqualTo(List.of(0.9, 0.999));
            assertThat(PythonLiteral.parse("[]")).isEqualTo(List.of());
        }

        @Test
        @DisplayName("says what it expected when the text is not a literal")
        void rejectsOtherText() {
            assertThatThrownBy(() -> PythonLiteral.parse("")).hasMessage("a value is missing");
            assertThatThrownBy(() -> PythonLiteral.parse("0.1.2")).hasMessageContaining("'0.1.2' is not a number");
            assertThatThrownBy(() -> PythonLiteral.parse("[30, 80")).hasMessage("expected ',' or ']'");
            assertThatThrownBy(() -> PythonLiteral.parse("30 80")).hasMessage("unexpected '80' after the value");
            assertThatThrownBy(() -> PythonLiteral.parse("'min")).hasMessage("the string has no closing '");
            assertThatThrownBy(() -> PythonLiteral.parse("{}")).hasMessage("unexpected '{'");
        }
    }
}
