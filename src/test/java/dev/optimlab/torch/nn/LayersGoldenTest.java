package dev.optimlab.torch.nn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Layers against PyTorch 1.13")
class LayersGoldenTest {

    static Stream<Arguments> layers() {
        return NnGolden.cases(NnGolden.load("layers"),
                c -> c.get("module").asText() + " " + c.get("args") + " " + c.get("input").get("dtype").asText());
    }

    private static Module build(JsonNode c) {
        JsonNode args = c.get("args");
        return switch (c.get("module").asText()) {
            case "ReLU" -> new ReLU(args.has("inplace"));
            case "LeakyReLU" -> new LeakyReLU(args.get("negative_slope").asDouble());
            case "Tanh" -> new Tanh();
            case "Sigmoid" -> new Sigmoid();
            case "Softmax" -> new Softmax(args.get("dim").asInt());
            case "LogSoftmax" -> new LogSoftmax(args.get("dim").asInt());
            case "Flatten" -> new Flatten(args.get("start_dim").asInt(), args.get("end_dim").asInt());
            case "Identity" -> new Identity();
            case "Dropout" -> new Dropout(args.get("p").asDouble()).eval();
            case "Linear" -> {
                Linear lin = new Linear(args.get("in_features").asInt(), args.get("out_features").asInt(),
                        args.get("bias").asBoolean());
                Map<String, Tensor> state = new LinkedHashMap<>();
                c.get("params").forEach(p -> state.put(p.get(0).asText(), NnGolden.tensor(p.get(1))));
                lin.loadStateDict(state);
                yield lin;
            }
            default -> throw new IllegalArgumentException(c.get("module").asText());
        };
    }

    @ParameterizedTest
    @MethodSource("layers")
    @DisplayName("give PyTorch's outputs and gradients")
    void forwardBackward(JsonNode c) {
        Module module = build(c);
        Tensor input = NnGolden.tensor(c.get("input")).requiresGrad_();
        // An in-place layer cannot write into a leaf, so PyTorch's case feeds it input * 2.
        Tensor fed = c.has("same_tensor") ? input.mul(2.0) : input;
        Tensor output = module.call(fed);
        if (c.has("same_tensor")) {
            assertThat(output).isSameAs(fed);
        }
        NnGolden.assertClose(output, c.get("output"), "output");
        if (c.has("grad_fn")) {
            String gradFn = output.gradFn() == null ? null : output.gradFn().name();
            assertThat(gradFn).as("grad_fn").isEqualTo(c.get("grad_fn").isNull() ? null : c.get("grad_fn").asText());
        }
        Tensor weights = Torch.linspace(-1, 1, output.numel()).to(output.dtype()).reshape(output.shape());
        output.mul(weights).sum().backward();
        NnGolden.assertClose(input.grad(), c.get("grad_input"), "grad of input");
        if (c.has("grad_params")) {
            Map<String, Tensor> params = module.namedParameters();
            for (JsonNode p : c.get("grad_params")) {
                NnGolden.assertClose(params.get(p.get(0).asText()).grad(), p.get(1), "grad of " + p.get(0).asText());
            }
            assertThat(params).hasSize(c.get("grad_params").size());
        }
    }
}
