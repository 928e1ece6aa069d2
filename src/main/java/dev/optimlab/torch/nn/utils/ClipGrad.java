package dev.optimlab.torch.nn.utils;

import dev.optimlab.torch.PythonFloatFormat;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors {@code torch.nn.utils.clip_grad} ({@code clip_grad_norm_} and {@code clip_grad_value_}): gradients are
 * changed in place; parameters without a gradient are skipped.
 */
public final class ClipGrad {

    private ClipGrad() {
    }

    /** Mirrors {@code clip_grad_norm_(parameters, max_norm)} with the 2-norm. */
    public static Tensor clipGradNorm_(List<Tensor> parameters, double maxNorm) {
        return clipGradNorm_(parameters, maxNorm, 2.0, false);
    }

    /**
     * Mirrors {@code clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite)}: scales every gradient by
     * {@code min(1, max_norm / (total_norm + 1e-6))} and returns the total norm of all gradients taken together.
     * {@code normType} may be {@code Double.POSITIVE_INFINITY} for the largest absolute value.
     */
    public static Tensor clipGradNorm_(List<Tensor> parameters, double maxNorm, double normType,
            boolean errorIfNonfinite) {
        List<Tensor> grads = new ArrayList<>();
        parameters.stream().filter(p -> p.grad() != null).forEach(p -> grads.add(p.grad()));
        if (grads.isEmpty()) {
            return Torch.scalarTensor(0.0);
        }
        try (var noGrad = Torch.noGrad()) {
            boolean infinity = normType == Double.POSITIVE_INFINITY;
            List<Tensor> norms = grads.stream().map(g -> infinity ? g.abs().max() : g.norm(normType)).toList();
            Tensor stacked = Torch.stack(norms, 0);
            Tensor total = infinity ? stacked.abs().max() : stacked.norm(normType);
            double value = total.itemDouble();
            if (errorIfNonfinite && (Double.isNaN(value) || Double.isInfinite(value))) {
                throw new TorchException(PythonType.RuntimeError, "The total norm of order "
                        + PythonFloatFormat.repr(normType) + " for gradients from `parameters` is non-finite, so it "
                        + "cannot be clipped. To disable this error and scale the gradients by the non-finite norm "
                        + "anyway, set `error_if_nonfinite=False`");
            }
            Tensor coefficient = total.add(1e-6).rdiv(maxNorm).clamp(null, 1.0);
            grads.forEach(g -> g.mul_(coefficient));
            return total;
        }
    }

    /** Mirrors {@code clip_grad_value_(parameters, clip_value)}: clamps every gradient into [-clip, clip]. */
    public static void clipGradValue_(List<Tensor> parameters, double clipValue) {
        try (var noGrad = Torch.noGrad()) {
            for (Tensor p : parameters) {
                if (p.grad() != null) {
                    p.grad().clamp_(-clipValue, clipValue);
                }
            }
        }
    }
}
