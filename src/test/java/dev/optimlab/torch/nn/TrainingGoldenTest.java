package dev.optimlab.torch.nn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("A seeded training step against PyTorch 1.13")
class TrainingGoldenTest {

    static Stream<Arguments> steps() {
        return NnGolden.cases(NnGolden.load("training"), c -> c.get("model").asText() + " with "
                + c.get("loss").asText() + (c.get("train").asBoolean() ? " in train mode" : " in eval mode")
                + ", seed " + c.get("seed"));
    }

    @ParameterizedTest
    @MethodSource("steps")
    @DisplayName("draws the same weights, inputs and dropout masks and gives the same loss and gradients")
    void step(JsonNode c) {
        Torch.manualSeed(c.get("seed").asLong());
        Module model = Models.build(c.get("model").asText());
        model.train(c.get("train").asBoolean());
        int fanIn = c.get("model").asText().equals("named") ? 2 : 4;
        Tensor x = Torch.randn(5, fanIn);
        Tensor output = model.call(x);
        Tensor target = switch (c.get("loss").asText()) {
            case "NLLLoss" -> Torch.randint(0, 3, 5);
            case "MSELoss" -> Torch.rand(5, 2);
            default -> Torch.randint(0, 2, 5, 1).toFloat();
        };
        Loss lossFn = switch (c.get("loss").asText()) {
            case "NLLLoss" -> new NLLLoss();
            case "MSELoss" -> new MSELoss();
            default -> new BCEWithLogitsLoss();
        };
        Tensor loss = lossFn.call(output, target);
        NnGolden.assertClose(output, c.get("output"), "output");
        NnGolden.assertClose(loss, c.get("loss_value"), "loss");
        assertThat(loss.gradFn().name()).as("grad_fn").isEqualTo(c.get("grad_fn").asText());
        loss.backward();
        Map<String, Tensor> params = model.namedParameters();
        assertThat(params).hasSize(c.get("grads").size());
        for (JsonNode g : c.get("grads")) {
            NnGolden.assertClose(params.get(g.get(0).asText()).grad(), g.get(1), "grad of " + g.get(0).asText());
        }
    }
}
