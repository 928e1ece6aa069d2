package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A small {@code torch.autograd.gradcheck}: compares the gradients autograd computes for
 * {@code sum(f(inputs) * w)} with central finite differences, in float64, with gradcheck's defaults
 * (eps 1e-6, atol 1e-5, rtol 1e-3).
 */
final class GradCheck {
    private static final double EPS = 1e-6;
    private static final double ATOL = 1e-5;
    private static final double RTOL = 1e-3;

    private GradCheck() {
    }

    static void check(Function<List<Tensor>, Tensor> f, Tensor... inputs) {
        List<Tensor> leaves = new ArrayList<>();
        for (Tensor input : inputs) {
            leaves.add(input.toDouble().detach().clone().requiresGrad_());
        }
        Tensor out = f.apply(leaves);
        Tensor weight = Golden.weightLike(out);
        out.mul(weight).sum().backward();
        for (int k = 0; k < leaves.size(); k++) {
            Tensor leaf = leaves.get(k);
            assertThat(leaf.grad()).as("analytical gradient of input %d", k).isNotNull();
            double[] analytical = leaf.grad().toDoubleArray();
            double[] values = leaf.toDoubleArray();
            for (int i = 0; i < values.length; i++) {
                double plus = objective(f, leaves, k, values, i, values[i] + EPS, weight);
                double minus = objective(f, leaves, k, values, i, values[i] - EPS, weight);
                double numerical = (plus - minus) / (2 * EPS);
                assertThat(Math.abs(analytical[i] - numerical))
                        .as("d/d input %d element %d: autograd %s, finite differences %s", k, i, analytical[i], numerical)
                        .isLessThanOrEqualTo(ATOL + RTOL * Math.abs(numerical));
            }
        }
    }

    private static double objective(Function<List<Tensor>, Tensor> f, List<Tensor> leaves, int k, double[] values,
                                    int i, double value, Tensor weight) {
        try (var ignored = Torch.noGrad()) {
            List<Tensor> shifted = new ArrayList<>();
            for (int j = 0; j < leaves.size(); j++) {
                if (j == k) {
                    double[] copy = values.clone();
                    copy[i] = value;
                    shifted.add(Torch.fromArray(copy, leaves.get(j).shape()));
                } else {
                    shifted.add(leaves.get(j).detach());
                }
            }
            return f.apply(shifted).mul(weight).sum().itemDouble();
        }
    }
}
