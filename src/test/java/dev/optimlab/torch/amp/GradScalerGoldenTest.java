package dev.optimlab.torch.amp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.Optimizers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

/**
 * Replays tools/golden/gen_grad_scaler.py: 1.13's GradScaler Python code with 2.x's CPU kernels
 * transcribed (derived, since 1.13 has no CPU kernels for loss scaling).
 */
@DisplayName("GradScaler against PyTorch")
class GradScalerGoldenTest {

    private static final JsonNode GOLDEN = read();

    private static JsonNode read() {
        try (InputStream in = GradScalerGoldenTest.class.getResourceAsStream("/golden/amp/grad_scaler.json")) {
            return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<JsonNode> runs() {
        return StreamSupport.stream(GOLDEN.get("runs").spliterator(), false);
    }

    private static double[] doubles(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
    }

    private static Tensor parameter() {
        return Torch.tensor(List.of(1.0, -2.0, 0.5)).requiresGrad_();
    }

    private static Optimizer sgd(Tensor param) {
        return Optimizers.create("SGD", List.of(param), Map.of("lr", 0.1));
    }

    @ParameterizedTest(name = "init_scale={0}")
    @MethodSource("runs")
    @DisplayName("scales, skips steps on inf or NaN, backs off and grows the scale as PyTorch does")
    void run(JsonNode golden) {
        Tensor param = parameter();
        Optimizer optimizer = sgd(param);
        GradScaler scaler = new GradScaler(golden.get("init_scale").asDouble(), golden.get("growth_factor").asDouble(),
                golden.get("backoff_factor").asDouble(), golden.get("growth_interval").asInt(), true);
        scaler.scale(Torch.zeros(1));
        for (JsonNode step : golden.get("steps")) {
            assertThat(scaler.getScale()).isEqualTo(step.get("scale_before").asDouble());
            Tensor grad = Torch.fromArray(toFloats(doubles(step.get("raw"))), 3).mul(scaler.getScale());
            if (golden.get("half_backward").asBoolean()) {
                grad = grad.toHalf().toFloat();
            }
            assertThat(grad.toDoubleArray()).containsExactly(doubles(step.get("scaled_grad")));
            param.setGrad(grad);
            scaler.step(optimizer);
            assertThat(param.grad().toDoubleArray()).containsExactly(doubles(step.get("unscaled_grad")));
            assertThat(param.toDoubleArray()).containsExactly(doubles(step.get("param")));
            scaler.update();
            assertThat(scaler.getScale()).isEqualTo(step.get("scale_after").asDouble());
            assertThat(scaler.getGrowthTracker()).isEqualTo(step.get("growth_tracker").asInt());
        }
        assertStateDict(scaler.stateDict(), golden.get("state_dict"));
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static void assertStateDict(Map<String, Object> actual, JsonNode expected) {
        assertThat(List.copyOf(actual.keySet())).containsExactlyElementsOf(
                () -> expected.fieldNames());
        expected.fields().forEachRemaining(entry ->
                assertThat(((Number) actual.get(entry.getKey())).doubleValue()).isEqualTo(entry.getValue().asDouble()));
    }

    @Test
    @DisplayName("multiplies a float16 loss by the float32 scale into a float32 tensor")
    void scaleLoss() {
        JsonNode golden = GOLDEN.get("scale");
        Tensor scaled = new GradScaler(8.0, 2.0, 0.5, 2000, true)
                .scale(Torch.scalarTensor(golden.get("loss").asDouble()).to(DType.FLOAT16));
        assertThat(scaled.dtype().pythonName()).isEqualTo("torch." + golden.get("dtype").asText());
        assertThat(scaled.itemDouble()).isEqualTo(golden.get("value").asDouble());
    }

    @Test
    @DisplayName("scales a list of outputs one by one")
    void scaleList() {
        List<Tensor> scaled = new GradScaler(8.0, 2.0, 0.5, 2000, true)
                .scale(List.of(Torch.scalarTensor(1.5), Torch.ones(2)));
        assertThat(scaled.get(0).itemDouble()).isEqualTo(GOLDEN.get("scale").get("value").asDouble());
        assertThat(scaled.get(1).toDoubleArray()).containsExactly(8.0, 8.0);
    }

    @Test
    @DisplayName("when disabled passes everything through, reports scale 1.0 and an empty state dict")
    void disabled() {
        JsonNode golden = GOLDEN.get("disabled");
        GradScaler scaler = new GradScaler(65536.0, 2.0, 0.5, 2000, false);
        assertThat(scaler.getScale()).isEqualTo(golden.get("get_scale").asDouble());
        assertThat(scaler.stateDict()).isEmpty();
        assertThat(golden.get("state_dict").size()).isZero();
        assertThat(scaler.scale(Torch.scalarTensor(2.5)).itemDouble()).isEqualTo(golden.get("scaled").asDouble());
    }

    @Test
    @DisplayName("reports init_scale and a zero tracker in its state dict before the first scale()")
    void unusedStateDict() {
        assertStateDict(new GradScaler(4.0, 2.0, 0.5, 7, true).stateDict(), GOLDEN.get("unused_state_dict"));
    }

    @Test
    @DisplayName("resumes from its state dict, saved through a checkpoint")
    void loadStateDict() {
        GradScaler first = new GradScaler(1024.0, 3.0, 0.25, 5, true);
        first.scale(Torch.zeros(1));
        Tensor param = parameter();
        Optimizer optimizer = sgd(param);
        param.setGrad(Torch.ones(3));
        first.step(optimizer);
        first.update();
        Map<String, Object> saved = new LinkedHashMap<>(first.stateDict());
        GradScaler resumed = new GradScaler();
        resumed.loadStateDict(saved);
        resumed.scale(Torch.zeros(1));
        assertThat(resumed.stateDict()).isEqualTo(first.stateDict());
        assertThat(resumed.getGrowthTracker()).isEqualTo(1);
    }

    @Nested
    @DisplayName("refuses, with PyTorch's messages,")
    class Errors {

        private final JsonNode errors = GOLDEN.get("errors");

        @Test
        @DisplayName("unscaling twice, unscaling after step and stepping twice in one iteration")
        void stages() {
            Tensor param = parameter();
            Optimizer optimizer = sgd(param);
            GradScaler scaler = new GradScaler();
            scaler.scale(Torch.scalarTensor(1.0));
            param.setGrad(Torch.ones(3));
            scaler.unscale_(optimizer);
            assertThatThrownBy(() -> scaler.unscale_(optimizer)).hasMessage(errors.get("unscale_twice").asText());
            scaler.step(optimizer);
            assertThatThrownBy(() -> scaler.unscale_(optimizer)).hasMessage(errors.get("unscale_after_step").asText());
            assertThatThrownBy(() -> scaler.step(optimizer)).hasMessage(errors.get("step_twice").asText());
        }

        @Test
        @DisplayName("float16 gradients, an optimizer without gradients and the empty state of a disabled scaler")
        void inputs() {
            GradScaler scaler = new GradScaler();
            scaler.scale(Torch.scalarTensor(1.0));
            Tensor half = Torch.ones(new int[] {1}, DType.FLOAT16).requiresGrad_();
            half.setGrad(Torch.ones(new int[] {1}, DType.FLOAT16));
            assertThatThrownBy(() -> scaler.unscale_(sgd(half))).hasMessage(errors.get("fp16_grads").asText());
            assertThatThrownBy(() -> scaler.step(sgd(parameter()))).hasMessage(errors.get("no_inf_checks").asText());
            assertThatThrownBy(() -> new GradScaler().loadStateDict(Map.of()))
                    .hasMessage(errors.get("empty_state_dict").asText());
        }
    }
}
