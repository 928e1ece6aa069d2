package dev.optimlab.torch.nn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optimlab.torch.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Losses against PyTorch 1.13")
class LossesGoldenTest {

    static Stream<Arguments> losses() {
        return NnGolden.cases(NnGolden.load("losses"), c -> c.get("loss").asText() + " " + c.get("reduction").asText()
                + " " + c.get("kwargs") + " " + c.get("tensors").properties().stream().map(e -> e.getKey()).toList()
                + " input " + c.get("input").get("shape") + " " + c.get("input").get("dtype").asText()
                + " target " + c.get("target").get("dtype").asText());
    }

    private static Tensor optional(JsonNode c, String name) {
        return c.get("tensors").has(name) ? NnGolden.tensor(c.get("tensors").get(name)) : null;
    }

    /** The loss as the module computes it, built from the case's keyword arguments. */
    static Module module(JsonNode c) {
        JsonNode kw = c.get("kwargs");
        String reduction = c.get("reduction").asText();
        long ignoreIndex = kw.has("ignore_index") ? kw.get("ignore_index").asLong() : -100;
        return switch (c.get("loss").asText()) {
            case "MSELoss" -> new MSELoss(reduction);
            case "L1Loss" -> new L1Loss(reduction);
            case "SmoothL1Loss" -> new SmoothL1Loss(reduction, kw.get("beta").asDouble());
            case "HuberLoss" -> new HuberLoss(reduction, kw.get("delta").asDouble());
            case "CrossEntropyLoss" -> new CrossEntropyLoss(optional(c, "weight"), ignoreIndex, reduction,
                    kw.has("label_smoothing") ? kw.get("label_smoothing").asDouble() : 0.0);
            case "NLLLoss" -> new NLLLoss(optional(c, "weight"), ignoreIndex, reduction);
            case "BCELoss" -> new BCELoss(optional(c, "weight"), reduction);
            case "BCEWithLogitsLoss" -> new BCEWithLogitsLoss(optional(c, "weight"), reduction, optional(c, "pos_weight"));
            default -> throw new IllegalArgumentException(c.get("loss").asText());
        };
    }

    /** The same loss through torch.nn.functional's form. */
    static Tensor functional(JsonNode c, Tensor input, Tensor target) {
        JsonNode kw = c.get("kwargs");
        Functional.Reduction reduction = Functional.Reduction.of(c.get("reduction").asText());
        long ignoreIndex = kw.has("ignore_index") ? kw.get("ignore_index").asLong() : -100;
        return switch (c.get("loss").asText()) {
            case "MSELoss" -> Functional.mseLoss(input, target, reduction);
            case "L1Loss" -> Functional.l1Loss(input, target, reduction);
            case "SmoothL1Loss" -> Functional.smoothL1Loss(input, target, reduction, kw.get("beta").asDouble());
            case "HuberLoss" -> Functional.huberLoss(input, target, reduction, kw.get("delta").asDouble());
            case "CrossEntropyLoss" -> Functional.crossEntropy(input, target, optional(c, "weight"), ignoreIndex,
                    reduction, kw.has("label_smoothing") ? kw.get("label_smoothing").asDouble() : 0.0);
            case "NLLLoss" -> Functional.nllLoss(input, target, optional(c, "weight"), ignoreIndex, reduction);
            case "BCELoss" -> Functional.binaryCrossEntropy(input, target, optional(c, "weight"), reduction);
            case "BCEWithLogitsLoss" -> Functional.binaryCrossEntropyWithLogits(input, target, optional(c, "weight"),
                    reduction, optional(c, "pos_weight"));
            default -> throw new IllegalArgumentException(c.get("loss").asText());
        };
    }

    @ParameterizedTest
    @MethodSource("losses")
    @DisplayName("the module gives PyTorch's loss, grad_fn and input gradient")
    void moduleForm(JsonNode c) {
        Tensor input = NnGolden.tensor(c.get("input")).requiresGrad_();
        Tensor target = NnGolden.tensor(c.get("target"));
        Tensor loss = module(c).call(input, target);
        NnGolden.assertClose(loss, c.get("output"), "loss");
        assertThat(loss.gradFn().name()).as("grad_fn").isEqualTo(c.get("grad_fn").asText());
        if (c.has("grad_input")) {
            loss.sum().backward();
            NnGolden.assertClose(input.grad(), c.get("grad_input"), "grad of input");
        }
    }

    @ParameterizedTest
    @MethodSource("losses")
    @DisplayName("the functional form gives PyTorch's loss")
    void functionalForm(JsonNode c) {
        Tensor loss = functional(c, NnGolden.tensor(c.get("input")), NnGolden.tensor(c.get("target")));
        NnGolden.assertClose(loss, c.get("output"), "loss");
    }
}
