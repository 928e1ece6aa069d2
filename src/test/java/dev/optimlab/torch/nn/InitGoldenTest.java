package dev.optimlab.torch.nn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Seeded initialisation, bit for bit with PyTorch 1.13")
class InitGoldenTest {
    private static final JsonNode FIXTURE = NnGolden.load("init");

    static Stream<Arguments> cases(String kind) {
        List<JsonNode> selected = new ArrayList<>();
        FIXTURE.get("cases").forEach(c -> {
            if (c.get("kind").asText().equals(kind)) {
                selected.add(c);
            }
        });
        return selected.stream().map(c -> Arguments.argumentSet(label(c), c));
    }

    private static String label(JsonNode c) {
        return switch (c.get("kind").asText()) {
            case "linear" -> "Linear(" + c.get("in") + ", " + c.get("out") + ", bias=" + c.get("bias") + ") seed "
                    + c.get("seed");
            case "model" -> c.get("model").asText() + " seed " + c.get("seed");
            default -> c.get("fn").asText() + " " + c.get("args") + " " + c.get("shape") + " " + c.get("dtype").asText()
                    + " seed " + c.get("seed");
        };
    }

    static Stream<Arguments> linears() {
        return cases("linear");
    }

    static Stream<Arguments> models() {
        return cases("model");
    }

    static Stream<Arguments> inits() {
        return cases("init");
    }

    @ParameterizedTest
    @MethodSource("linears")
    @DisplayName("nn.Linear draws its weight, then its bias, and leaves the generator where PyTorch leaves it")
    void linear(JsonNode c) {
        Torch.manualSeed(c.get("seed").asLong());
        Linear lin = new Linear(c.get("in").asInt(), c.get("out").asInt(), c.get("bias").asBoolean());
        NnGolden.assertExact(lin.weight().data(), c.get("weight"), "weight");
        if (c.get("bias").asBoolean()) {
            NnGolden.assertExact(lin.bias().data(), c.get("bias_values"), "bias");
        } else {
            assertThat(lin.bias()).isNull();
        }
        NnGolden.assertExact(Torch.rand(3), c.get("next"), "next draw");
    }

    @ParameterizedTest
    @MethodSource("models")
    @DisplayName("a whole model draws its layers in registration order")
    void model(JsonNode c) {
        Torch.manualSeed(c.get("seed").asLong());
        Module m = Models.build(c.get("model").asText());
        Map<String, Tensor> state = m.stateDict();
        List<String> keys = new ArrayList<>();
        for (JsonNode entry : c.get("state")) {
            keys.add(entry.get(0).asText());
            NnGolden.assertExact(state.get(entry.get(0).asText()), entry.get(1), entry.get(0).asText());
        }
        assertThat(state.keySet()).containsExactlyElementsOf(keys);
    }

    @ParameterizedTest
    @MethodSource("inits")
    @DisplayName("nn.init's functions fill tensors with PyTorch's values")
    void init(JsonNode c) {
        Torch.manualSeed(c.get("seed").asLong());
        Tensor t = Torch.empty(NnGolden.shape(c.get("shape")), NnGolden.dtype(c.get("dtype").asText()));
        JsonNode args = c.get("args");
        switch (c.get("fn").asText()) {
            case "uniform_" -> TensorInit.uniform_(t, args.get("a").asDouble(), args.get("b").asDouble());
            case "normal_" -> TensorInit.normal_(t, args.get("mean").asDouble(), args.get("std").asDouble());
            case "constant_" -> TensorInit.constant_(t, args.get("val").asDouble());
            case "zeros_" -> TensorInit.zeros_(t);
            case "ones_" -> TensorInit.ones_(t);
            case "xavier_uniform_" -> TensorInit.xavierUniform_(t, args.get("gain").asDouble());
            case "xavier_normal_" -> TensorInit.xavierNormal_(t, args.get("gain").asDouble());
            case "kaiming_uniform_" -> TensorInit.kaimingUniform_(t, args.get("a").asDouble(),
                    args.get("mode").asText(), args.get("nonlinearity").asText());
            case "kaiming_normal_" -> TensorInit.kaimingNormal_(t, args.get("a").asDouble(),
                    args.get("mode").asText(), args.get("nonlinearity").asText());
            default -> throw new IllegalArgumentException(c.get("fn").asText());
        }
        NnGolden.assertExact(t, c.get("out"), c.get("fn").asText());
    }

    @Test
    @DisplayName("calculate_gain gives PyTorch's gains")
    void gains() {
        FIXTURE.get("gains").properties().forEach(entry -> {
            String[] parts = entry.getKey().split(",");
            Double param = parts.length > 1 ? Double.valueOf(parts[1]) : null;
            assertThat(TensorInit.calculateGain(parts[0], param)).as(entry.getKey())
                    .isEqualTo(entry.getValue().asDouble());
        });
    }

    @Test
    @DisplayName("init functions work on parameters without recording history")
    void parameterUnderNoGrad() {
        Torch.manualSeed(0);
        Linear lin = new Linear(3, 2);
        TensorInit.zeros_(lin.bias().data());
        assertThat(lin.bias().data().gradFn()).isNull();
        assertThat(lin.bias().requiresGrad()).isTrue();
    }
}
