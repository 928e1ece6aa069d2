package dev.optimlab.torch.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("nn's errors and warnings, as PyTorch 1.13 words them")
class ErrorsGoldenTest {
    private static final JsonNode FIXTURE = NnGolden.load("errors");
    private static final Functional.Reduction MEAN = Functional.Reduction.MEAN;

    /** The Java call for each case the generator provokes in PyTorch. */
    private static final Map<String, Runnable> CALLS = Map.ofEntries(
            Map.entry("cross_entropy long target with input's shape",
                    () -> Functional.crossEntropy(x(), Torch.zeros(new int[] {4, 3}, DType.INT64),
                            null, -100, MEAN, 0)),
            Map.entry("cross_entropy float class indices",
                    () -> Functional.crossEntropy(x(), Torch.zeros(4), null, -100, MEAN, 0)),
            Map.entry("cross_entropy batch mismatch", () -> Functional.crossEntropy(x(),
                    Torch.zeros(new int[] {3}, DType.INT64), null, -100, MEAN, 0)),
            Map.entry("cross_entropy target out of bounds",
                    () -> Functional.crossEntropy(x(), labels(0, 1, 7, 2), null, -100, MEAN, 0)),
            Map.entry("cross_entropy negative target",
                    () -> Functional.crossEntropy(x(), labels(0, 1, -3, 2), null, -100, MEAN, 0)),
            Map.entry("cross_entropy target with a trailing 1", () -> Functional.crossEntropy(x(),
                    Torch.zeros(new int[] {4, 1}, DType.INT64))),
            Map.entry("cross_entropy spatial target size", () -> Functional.crossEntropy(Torch.randn(2, 4, 3),
                    Torch.zeros(new int[] {2, 4}, DType.INT64))),
            Map.entry("cross_entropy one sample with a batched target", () -> Functional.crossEntropy(Torch.randn(5),
                    Torch.zeros(new int[] {1}, DType.INT64))),
            Map.entry("cross_entropy weight of the wrong length", () -> Functional.crossEntropy(x(),
                    Torch.zeros(new int[] {4}, DType.INT64), Torch.ones(4), -100, MEAN, 0)),
            Map.entry("binary_cross_entropy long target",
                    () -> Functional.binaryCrossEntropy(Torch.rand(3), labels(1, 0, 1))),
            Map.entry("binary_cross_entropy double target",
                    () -> Functional.binaryCrossEntropy(Torch.rand(3), Torch.rand(3).toDouble())),
            Map.entry("binary_cross_entropy_with_logits long target",
                    () -> Functional.binaryCrossEntropyWithLogits(Torch.randn(3), labels(1, 0, 1))),
            Map.entry("mse_loss backward with int64 labels",
                    () -> Functional.mseLoss(Torch.randn(3).requiresGrad_(), labels(1, 2, 3)).backward()),
            Map.entry("mse_loss backward with a float64 target",
                    () -> Functional.mseLoss(Torch.randn(3).requiresGrad_(), Torch.rand(3).toDouble()).backward()),
            Map.entry("huber_loss backward with int64 labels", () -> Functional.huberLoss(Torch.randn(3).requiresGrad_(),
                    labels(1, 2, 3), MEAN, 1.0).backward()),
            Map.entry("nll_loss 0-dim input",
                    () -> Functional.nllLoss(Torch.scalarTensor(1.0), Torch.scalarTensor(0L), null, -100, MEAN)),
            Map.entry("binary_cross_entropy size mismatch",
                    () -> Functional.binaryCrossEntropy(Torch.rand(3, 1), Torch.rand(3), null, MEAN)),
            Map.entry("binary_cross_entropy out of range", () -> Functional.binaryCrossEntropy(
                    Torch.tensor(List.of(0.5, 1.5)), Torch.rand(2), null, MEAN)),
            Map.entry("binary_cross_entropy_with_logits size mismatch",
                    () -> Functional.binaryCrossEntropyWithLogits(Torch.rand(3, 1), Torch.rand(3), null, MEAN, null)),
            Map.entry("invalid reduction", () -> new MSELoss("avg")),
            Map.entry("smooth_l1_loss negative beta", () -> Functional.smoothL1Loss(x(), x(), MEAN, -1.0)),
            Map.entry("huber_loss zero delta", () -> Functional.huberLoss(x(), x(), MEAN, 0.0)),
            Map.entry("dropout probability", () -> new Dropout(1.5)),
            Map.entry("functional dropout probability", () -> Functional.dropout(x(), -0.1, true)),
            Map.entry("linear shapes", () -> new Linear(3, 2).call(Torch.randn(2, 4))),
            Map.entry("one_hot float", () -> Functional.oneHot(Torch.tensor(List.of(1.0)), -1)),
            Map.entry("one_hot too small", () -> Functional.oneHot(labels(0, 3), 3)),
            Map.entry("one_hot negative", () -> Functional.oneHot(labels(0, -1), 3)),
            Map.entry("missing forward", () -> new Module().call(x())),
            Map.entry("missing attribute", () -> new Linear(3, 2).getAttr("foo")),
            Map.entry("tensor assigned to a parameter", () -> new Linear(3, 2).setAttr("weight", Torch.zeros(2, 3))),
            Map.entry("number assigned to a child module", () -> new Sequential(new ReLU()).setAttr("0", 3)),
            Map.entry("parameter name with a dot", () -> new Module().registerParameter("a.b", null)),
            Map.entry("empty buffer name", () -> new Module().registerBuffer("", null)),
            Map.entry("inplace relu on a leaf", () -> new ReLU(true).call(Torch.ones(2).requiresGrad_())),
            Map.entry("get_submodule of a missing child", () -> new Models.Net().getSubmodule("head.3")),
            Map.entry("get_submodule through a parameter", () -> new Models.Net().getSubmodule("fc1.weight")),
            Map.entry("get_parameter of a missing name", () -> new Models.Net().getParameter("fc1.scale")),
            Map.entry("get_parameter of a buffer", () -> new Models.Net().getParameter("running")),
            Map.entry("get_parameter of None", () -> new Linear(2, 1, false).getParameter("bias")),
            Map.entry("sequential index", () -> new Sequential(new ReLU()).get(3)),
            Map.entry("module list index", () -> new ModuleList(new ReLU()).get(-2)));

    private static Tensor x() {
        return Torch.randn(4, 3);
    }

    private static Tensor labels(long... values) {
        return Torch.fromArray(values, values.length);
    }

    static Stream<Arguments> errors() {
        return NnGolden.cases(FIXTURE.get("errors"), c -> c.get("name").asText());
    }

    static Stream<Arguments> sizeWarnings() {
        return NnGolden.cases(FIXTURE.get("warnings"), c -> c.get("name").asText());
    }

    static Stream<Arguments> oneHots() {
        return NnGolden.cases(FIXTURE.get("one_hot"), c -> c.get("input").toString());
    }

    private static String pythonType(Throwable e) {
        return switch (e) {
            case TorchException t -> t.pythonType().name();
            case AttributeError a -> "AttributeError";
            case KeyError k -> "KeyError";
            default -> e.getClass().getName();
        };
    }

    @ParameterizedTest
    @MethodSource("errors")
    @DisplayName("raises PyTorch's exception class and message")
    void error(JsonNode c) {
        Runnable call = CALLS.get(c.get("name").asText());
        assertThat(call).as("a Java call for %s", c.get("name").asText()).isNotNull();
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).as(c.get("name").asText()).isNotNull();
        assertThat(pythonType(thrown)).isEqualTo(c.get("type").asText());
        assertThat(thrown).hasMessage(c.get("message").asText());
    }

    @ParameterizedTest
    @MethodSource("sizeWarnings")
    @DisplayName("warns through the warning hook as PyTorch warns")
    void warning(JsonNode c) {
        List<String> warnings = new ArrayList<>();
        Tensor output;
        try (Warnings.Scope ignored = Warnings.install(warnings::add)) {
            Tensor input = Torch.ones(3, 1);
            Tensor target = Torch.zeros(3);
            output = switch (c.get("name").asText()) {
                case "mse_loss" -> Functional.mseLoss(input, target, MEAN);
                case "l1_loss" -> Functional.l1Loss(input, target, MEAN);
                case "smooth_l1_loss" -> Functional.smoothL1Loss(input, target, MEAN, 1.0);
                case "huber_loss" -> Functional.huberLoss(input, target, MEAN, 1.0);
                case "softmax" -> Functional.softmax(Torch.ones(2, 3), null);
                default -> throw new IllegalArgumentException(c.get("name").asText());
            };
        }
        List<String> expected = new ArrayList<>();
        c.get("warnings").forEach(w -> expected.add(w.asText()));
        assertThat(warnings).containsExactlyElementsOf(expected);
        if (c.has("output")) {
            NnGolden.assertClose(output, c.get("output"), "broadcast loss");
        }
    }

    @ParameterizedTest
    @MethodSource("oneHots")
    @DisplayName("one_hot gives PyTorch's rows")
    void oneHot(JsonNode c) {
        NnGolden.assertExact(Functional.oneHot(NnGolden.tensor(c.get("input")), c.get("num_classes").asInt()),
                c.get("output"), "one_hot");
    }
}
