package dev.optimlab.torch.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares autograd's input gradients of every loss with central finite differences in float64, as
 * {@code torch.autograd.gradcheck} does (eps 1e-6, atol 1e-5, rtol 1e-3).
 */
@DisplayName("Loss gradients match finite differences")
class LossGradcheckTest {
    private static final double EPS = 1e-6;
    private static final double ATOL = 1e-5;
    private static final double RTOL = 1e-3;

    private static Tensor labels(long... values) {
        return Torch.fromArray(values, values.length);
    }

    private static Tensor randn(int... shape) {
        return Torch.randn(shape).toDouble();
    }

    private static Tensor probabilities(int... shape) {
        return Torch.rand(shape).toDouble().mul(0.8).add(0.1);
    }

    static Stream<Arguments> losses() {
        // Targets are drawn once here: the loss must be the same function at every shifted point.
        Torch.manualSeed(2);
        Tensor classProbabilities = Torch.rand(3, 4).toDouble().softmax(1);
        Tensor softTargets = Torch.rand(3, 4).toDouble();
        Tensor sampleWeights = Torch.rand(3, 1).toDouble();
        return Stream.of(
                Arguments.argumentSet("mse_loss", (Function<Tensor, Tensor>) x -> Functional.mseLoss(x,
                        Torch.linspace(-1, 1, 12).toDouble().reshape(3, 4), Functional.Reduction.NONE), randn(3, 4)),
                Arguments.argumentSet("l1_loss", (Function<Tensor, Tensor>) x -> Functional.l1Loss(x,
                        Torch.linspace(-1, 1, 12).toDouble().reshape(3, 4).add(0.013), Functional.Reduction.MEAN),
                        randn(3, 4)),
                Arguments.argumentSet("smooth_l1_loss", (Function<Tensor, Tensor>) x -> Functional.smoothL1Loss(x,
                        Torch.zeros(3, 4).toDouble(), Functional.Reduction.SUM, 0.7), randn(3, 4)),
                Arguments.argumentSet("huber_loss", (Function<Tensor, Tensor>) x -> Functional.huberLoss(x,
                        Torch.zeros(3, 4).toDouble(), Functional.Reduction.NONE, 0.6), randn(3, 4)),
                Arguments.argumentSet("cross_entropy with weight, ignore_index and label smoothing",
                        (Function<Tensor, Tensor>) x -> Functional.crossEntropy(x, labels(0, 2, 1, 3, 1),
                                Torch.tensor(List.of(0.5, 2.0, 1.0, 0.3)).toDouble(), 1, Functional.Reduction.MEAN,
                                0.2), randn(5, 4)),
                Arguments.argumentSet("cross_entropy with probabilities",
                        (Function<Tensor, Tensor>) x -> Functional.crossEntropy(x,
                                classProbabilities, null, -100, Functional.Reduction.NONE, 0.1),
                        randn(3, 4)),
                Arguments.argumentSet("cross_entropy on (N, C, d)",
                        (Function<Tensor, Tensor>) x -> Functional.crossEntropy(x,
                                Torch.fromArray(new long[] {0, 2, 1, 1}, 2, 2), null, -100, Functional.Reduction.MEAN,
                                0.0), randn(2, 3, 2)),
                Arguments.argumentSet("nll_loss", (Function<Tensor, Tensor>) x -> Functional.nllLoss(x,
                        labels(0, 2, 1), Torch.tensor(List.of(1.0, 2.0, 3.0)).toDouble(), -100,
                        Functional.Reduction.MEAN), randn(3, 3)),
                Arguments.argumentSet("binary_cross_entropy", (Function<Tensor, Tensor>) x ->
                        Functional.binaryCrossEntropy(x, softTargets, null, Functional.Reduction.NONE),
                        probabilities(3, 4)),
                Arguments.argumentSet("binary_cross_entropy_with_logits", (Function<Tensor, Tensor>) x ->
                        Functional.binaryCrossEntropyWithLogits(x, softTargets,
                                sampleWeights, Functional.Reduction.MEAN,
                                Torch.tensor(List.of(1.0, 2.0, 0.5, 3.0)).toDouble()),
                        randn(3, 4).mul(3.0)));
    }

    @ParameterizedTest
    @MethodSource("losses")
    @DisplayName("in float64")
    void gradcheck(Function<Tensor, Tensor> loss, Tensor point) {
        Tensor x = point.detach().clone().requiresGrad_();
        Tensor out = loss.apply(x);
        Tensor weight = Torch.linspace(0.5, 1.5, out.numel()).toDouble().reshape(out.shape());
        out.mul(weight).sum().backward();
        double[] analytical = x.grad().toDoubleArray();
        double[] values = x.toDoubleArray();
        int[] shape = x.shape();
        for (int i = 0; i < values.length; i++) {
            double[] shifted = values.clone();
            shifted[i] = values[i] + EPS;
            double plus = loss.apply(Torch.fromArray(shifted, shape)).mul(weight).sum().itemDouble();
            shifted[i] = values[i] - EPS;
            double minus = loss.apply(Torch.fromArray(shifted, shape)).mul(weight).sum().itemDouble();
            double numerical = (plus - minus) / (2 * EPS);
            assertThat(Math.abs(analytical[i] - numerical))
                    .as("element %d: autograd %s, finite differences %s", i, analytical[i], numerical)
                    .isLessThanOrEqualTo(ATOL + RTOL * Math.abs(numerical));
        }
    }
}
