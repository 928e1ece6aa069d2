package dev.optimlab.torch;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Every differentiable op's gradient agrees with finite differences in float64")
class GradcheckTest {

    private static final java.util.Random RANDOM = new java.util.Random(11);

    /** Values away from 0 and from each other, so kinks (abs, relu, clamp, max) are not straddled. */
    private static Tensor values(int... shape) {
        double[] v = new double[Tensor.empty(shape, DType.FLOAT64).numel()];
        for (int i = 0; i < v.length; i++) {
            double magnitude = 0.2 + 1.6 * RANDOM.nextDouble();
            v[i] = RANDOM.nextBoolean() ? magnitude : -magnitude;
        }
        return Torch.fromArray(v, shape);
    }

    private static Tensor positive(int... shape) {
        return values(shape).abs().add(0.1);
    }

    private static Arguments op(String name, Function<List<Tensor>, Tensor> f, Tensor... inputs) {
        return Arguments.of(name, f, inputs);
    }

    static Stream<Arguments> ops() {
        return Stream.of(
                op("add with broadcasting", x -> x.get(0).add(x.get(1)), values(2, 3), values(3)),
                op("add with alpha", x -> x.get(0).add(x.get(1), -0.7), values(2, 3), values(2, 1)),
                op("sub", x -> x.get(0).sub(x.get(1)), values(2, 3), values(3)),
                op("rsub", x -> x.get(0).rsub(2.0), values(4)),
                op("mul", x -> x.get(0).mul(x.get(1)), values(2, 3), values(2, 1)),
                op("div", x -> x.get(0).div(x.get(1)), values(2, 3), positive(3)),
                op("rdiv", x -> x.get(0).rdiv(3.0), positive(4)),
                op("pow by a scalar", x -> x.get(0).pow(2.5), positive(5)),
                op("pow by a tensor", x -> x.get(0).pow(x.get(1)), positive(2, 3), values(3)),
                op("scalar to a tensor power", x -> x.get(0).rpow(1.7), values(4)),
                op("neg", x -> x.get(0).neg(), values(3)),
                op("exp", x -> x.get(0).exp(), values(2, 2)),
                op("log", x -> x.get(0).log(), positive(2, 2)),
                op("sqrt", x -> x.get(0).sqrt(), positive(5)),
                op("abs", x -> x.get(0).abs(), values(5)),
                op("tanh", x -> x.get(0).tanh(), values(5)),
                op("sigmoid", x -> x.get(0).sigmoid(), values(5)),
                op("relu", x -> x.get(0).relu(), values(6)),
                op("leaky_relu", x -> x.get(0).leakyRelu(0.2), values(6)),
                op("clamp", x -> x.get(0).clamp(-0.9, 0.9), values(8)),
                op("maximum", x -> x.get(0).maximum(x.get(1)), values(2, 3), values(3)),
                op("minimum", x -> x.get(0).minimum(x.get(1)), values(2, 3), values(3)),
                op("sum over dims", x -> x.get(0).sum(new int[] {0, 2}, true), values(2, 3, 2)),
                op("mean", x -> x.get(0).mean(), values(3, 2)),
                op("mean over a dim", x -> x.get(0).mean(new int[] {1}, false), values(3, 2)),
                op("max", x -> x.get(0).max(), values(7)),
                op("max over a dim", x -> x.get(0).max(1, false).values(), values(3, 4)),
                op("min over a dim keepdim", x -> x.get(0).min(0, true).values(), values(3, 4)),
                op("softmax", x -> x.get(0).softmax(1), values(2, 4)),
                op("log_softmax", x -> x.get(0).logSoftmax(0), values(3, 2)),
                op("norm 2", x -> x.get(0).norm(), values(3, 2)),
                op("norm 1 over a dim", x -> x.get(0).norm(1, new int[] {1}, false), values(3, 2)),
                op("norm 3", x -> x.get(0).norm(3), values(4)),
                op("norm inf", x -> x.get(0).norm(Double.POSITIVE_INFINITY), values(4)),
                op("mm", x -> x.get(0).mm(x.get(1)), values(2, 3), values(3, 4)),
                op("mv", x -> x.get(0).mv(x.get(1)), values(2, 3), values(3)),
                op("dot", x -> x.get(0).dot(x.get(1)), values(4), values(4)),
                op("matmul vector by matrix", x -> x.get(0).matmul(x.get(1)), values(3), values(3, 2)),
                op("where", x -> Torch.where(x.get(0).gt(0.0), x.get(0), x.get(1)), values(2, 3), values(3)),
                op("cat", x -> Torch.cat(List.of(x.get(0), x.get(1)), 1), values(2, 2), values(2, 3)),
                op("stack", x -> Torch.stack(List.of(x.get(0), x.get(1)), 1), values(2, 3), values(2, 3)),
                op("view and transpose", x -> x.get(0).view(3, 2).t().reshape(6), values(2, 3)),
                op("permute", x -> x.get(0).permute(2, 0, 1), values(2, 3, 2)),
                op("expand", x -> x.get(0).expand(3, 4), values(3, 1)),
                op("squeeze and unsqueeze", x -> x.get(0).squeeze().unsqueeze(0), values(1, 3, 1)),
                op("select and narrow", x -> x.get(0).select(0, 1).narrow(0, 1, 2), values(3, 4)),
                op("slice with a step", x -> x.get(0).slice(1, 0L, null, 2), values(2, 5)),
                op("index with repeated ints", x -> x.get(0).index(Index.of(Torch.tensor(List.of(2, 0, 2)))), values(3, 2)),
                op("index with a mask", x -> x.get(0).index(Index.of(x.get(0).gt(0.0))), values(3, 3)),
                op("clone of a transpose", x -> x.get(0).t().contiguous(), values(2, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void gradientMatchesFiniteDifferences(String name, Function<List<Tensor>, Tensor> f, Tensor[] inputs) {
        GradCheck.check(f, inputs);
    }
}
