package dev.optimlab.torch.optim.lr_scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.optim.Adam;
import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.ParamGroup;
import dev.optimlab.torch.optim.SGD;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Learning-rate schedules recorded from PyTorch")
class LRSchedulerGoldenTest {

    /** Schedules are computed in double, as Python does; only libm's last bit may differ. */
    private static final double RTOL = 1e-12;

    static final Map<String, IntToDoubleFunction> LAMBDAS = Map.of(
            "pow095", e -> Math.pow(0.95, e),
            "inverse", e -> 1.0 / (e + 1),
            "halve_every_10", e -> Math.pow(0.5, Math.floorDiv(e, 10)),
            "warmup_5", e -> Math.min(1.0, (e + 1) / 5.0),
            "const095", e -> 0.95,
            "alternate", e -> e % 2 != 0 ? 0.9 : 1.05);

    private static final Map<String, Object> GOLDEN = read();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read() {
        try (InputStream in = LRSchedulerGoldenTest.class.getResourceAsStream("/golden/lr_scheduler/schedules.json")) {
            return new ObjectMapper().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> golden() {
        return GOLDEN;
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() {
        return ((List<Map<String, Object>>) golden().get("cases")).stream().map(c -> Arguments.of(c.get("name"), c));
    }

    @SuppressWarnings("unchecked")
    static Optimizer optimizer(Map<String, Object> spec) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Object lr : (List<Object>) spec.get("lrs")) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("params", List.of(Torch.zeros(1).requiresGrad_()));
            group.put("lr", lr);
            groups.add(group);
        }
        Object firstLr = ((List<Object>) spec.get("lrs")).getFirst();
        if (spec.get("type").equals("SGD")) {
            return new SGD(groups, Map.of("lr", firstLr, "momentum", spec.getOrDefault("momentum", 0.0)));
        }
        return new Adam(groups, Map.of("lr", firstLr, "betas", spec.getOrDefault("betas", List.of(0.9, 0.999))));
    }

    @SuppressWarnings("unchecked")
    static LRScheduler scheduler(String name, Map<String, Object> kwargs, Optimizer optimizer) {
        Map<String, Object> kw = new LinkedHashMap<>(kwargs);
        return switch (name) {
            case "LambdaLR", "MultiplicativeLR" -> {
                Object spec = kw.get("lr_lambda");
                List<IntToDoubleFunction> lambdas = spec instanceof List<?> list
                        ? list.stream().map(n -> LAMBDAS.get((String) n)).toList()
                        : java.util.Collections.nCopies(optimizer.paramGroups().size(), LAMBDAS.get((String) spec));
                int lastEpoch = ((Number) kw.getOrDefault("last_epoch", -1)).intValue();
                yield name.equals("LambdaLR") ? new LambdaLR(optimizer, lambdas, lastEpoch)
                        : new MultiplicativeLR(optimizer, lambdas, lastEpoch);
            }
            case "ChainedScheduler", "SequentialLR" -> {
                List<LRScheduler> inner = new ArrayList<>();
                for (Map<String, Object> s : (List<Map<String, Object>>) kw.get("schedulers")) {
                    inner.add(scheduler((String) s.get("scheduler"), (Map<String, Object>) s.get("kwargs"), optimizer));
                }
                if (name.equals("ChainedScheduler")) {
                    yield new ChainedScheduler(inner);
                }
                List<Integer> milestones = ((List<Number>) kw.get("milestones")).stream().map(Number::intValue).toList();
                yield new SequentialLR(optimizer, inner, milestones, -1);
            }
            default -> LRSchedulers.create(name, optimizer, kw);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("every step sets PyTorch's lr (and momentum or beta1) in every group")
    @SuppressWarnings("unchecked")
    void replaysSchedule(String name, Map<String, Object> golden) {
        Map<String, Object> spec = (Map<String, Object>) golden.get("optimizer");
        Map<String, Object> kwargs = (Map<String, Object>) golden.get("kwargs");
        String type = (String) golden.get("scheduler");
        List<Double> metrics = (List<Double>) golden.get("metrics");
        List<Number> epochs = (List<Number>) golden.get("epochs");
        Integer resumeAt = (Integer) golden.get("resume_at");
        Optimizer optimizer = optimizer(spec);
        if (Boolean.TRUE.equals(golden.get("preset_initial_lr"))) {
            optimizer.paramGroups().forEach(g -> g.set("initial_lr", g.lr()));
        }
        LRScheduler scheduler = scheduler(type, kwargs, optimizer);
        List<Map<String, Object>> records = (List<Map<String, Object>>) golden.get("records");
        List<List<Number>> lastLrs = (List<List<Number>>) golden.get("last_lr");
        check(name + " after construction", optimizer, records.getFirst());
        if (lastLrs != null) {
            assertClose(name + " get_last_lr after construction", scheduler.getLastLr(), lastLrs.getFirst());
        }
        for (int step = 0; step < ((Number) golden.get("steps")).intValue(); step++) {
            if (resumeAt != null && step == resumeAt) {
                Map<String, Object> optimizerState = optimizer.stateDict();
                Map<String, Object> schedulerState = scheduler.stateDict();
                optimizer = optimizer(spec);
                optimizer.loadStateDict(optimizerState);
                scheduler = scheduler(type, kwargs, optimizer);
                scheduler.loadStateDict(schedulerState);
            }
            optimizer.step();
            if (metrics != null) {
                ((ReduceLROnPlateau) scheduler).step(metrics.get(step).doubleValue());
            } else if (epochs != null && scheduler instanceof CosineAnnealingWarmRestarts restarts) {
                restarts.step(epochs.get(step).doubleValue());
            } else if (epochs != null) {
                scheduler.step(epochs.get(step).intValue());
            } else {
                scheduler.step();
            }
            check(name + " step " + (step + 1), optimizer, records.get(step + 1));
            if (lastLrs != null) {
                assertClose(name + " get_last_lr step " + (step + 1), scheduler.getLastLr(), lastLrs.get(step + 1));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void check(String where, Optimizer optimizer, Map<String, Object> record) {
        List<ParamGroup> groups = optimizer.paramGroups();
        assertClose(where + " lr", groups.stream().map(ParamGroup::lr).toList(), (List<Number>) record.get("lr"));
        if (record.containsKey("momentum")) {
            assertClose(where + " momentum", groups.stream().map(g -> g.getDouble("momentum")).toList(),
                    (List<Number>) record.get("momentum"));
        }
        if (record.containsKey("beta1")) {
            assertClose(where + " beta1", groups.stream().map(g -> g.getTupleItem("betas", 0)).toList(),
                    (List<Number>) record.get("beta1"));
        }
    }

    private static void assertClose(String what, List<Double> actual, List<Number> expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i).doubleValue();
            if (Math.abs(actual.get(i) - e) > RTOL * Math.abs(e)) {
                fail(what + "[" + i + "]: expected " + e + " but was " + actual.get(i));
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> errors() {
        return ((List<Map<String, Object>>) golden().get("errors")).stream().map(e -> Arguments.of(e.get("name"), e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    @DisplayName("invalid arguments raise PyTorch's exception type and message")
    @SuppressWarnings("unchecked")
    void raisesPyTorchsError(String name, Map<String, Object> golden) {
        Map<String, Object> spec = (Map<String, Object>) golden.get("optimizer");
        Optimizer optimizer = optimizer(spec != null ? spec : Map.of("type", "SGD", "lrs", List.of(0.1), "momentum", 0.9));
        assertThatThrownBy(() -> scheduler((String) golden.get("scheduler"), (Map<String, Object>) golden.get("kwargs"),
                optimizer))
                .isInstanceOfSatisfying(TorchException.class,
                        e -> assertThat(e.pythonType().name()).isEqualTo(golden.get("type")))
                .hasMessage((String) golden.get("message"));
    }

    @Nested
    @DisplayName("when the scheduler steps before the optimizer")
    class StepOrder {

        @Test
        @DisplayName("the warning sink receives PyTorch's warning once")
        @SuppressWarnings("unchecked")
        void warnsAboutTheOrder() {
            List<String> warnings = new ArrayList<>();
            Tensor param = Torch.zeros(1).requiresGrad_();
            Optimizer optimizer = new SGD(List.of(param), 0.1);
            optimizer.setWarningSink((category, message) -> warnings.add(category + ": " + message));
            StepLR scheduler = new StepLR(optimizer, 1, 0.1);
            scheduler.step();
            scheduler.step();
            List<String> expected = (List<String>) golden().get("step_before_optimizer_warning");
            assertThat(warnings).containsExactly("UserWarning: " + expected.getFirst());
        }

        @Test
        @DisplayName("an explicit epoch gives PyTorch's deprecation warning")
        @SuppressWarnings("unchecked")
        void warnsAboutTheEpochArgument() {
            List<String> warnings = new ArrayList<>();
            Optimizer optimizer = new SGD(List.of(Torch.zeros(1).requiresGrad_()), 0.1);
            optimizer.setWarningSink((category, message) -> warnings.add(message));
            StepLR scheduler = new StepLR(optimizer, 1, 0.1);
            optimizer.step();
            scheduler.step(5);
            assertThat(warnings).containsExactlyElementsOf((List<String>) golden().get("epoch_argument_warning"));
        }

        @Test
        @DisplayName("no warning is given when the optimizer stepped first")
        void staysQuietInTheRightOrder() {
            List<String> warnings = new ArrayList<>();
            Optimizer optimizer = new SGD(List.of(Torch.zeros(1).requiresGrad_()), 0.1);
            optimizer.setWarningSink((category, message) -> warnings.add(message));
            StepLR scheduler = new StepLR(optimizer, 1, 0.1);
            optimizer.step();
            scheduler.step();
            assertThat(warnings).isEmpty();
        }
    }
}
