package dev.optimlab.torch.nn;

import dev.optimlab.torch.ComputeContext;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;

/**
 * The in-place functions of {@code torch.nn.init} ({@code uniform_}, {@code normal_}, {@code constant_},
 * {@code zeros_}, {@code ones_}, {@code xavier_*}, {@code kaiming_*}), drawing from the run's generator under
 * no_grad with the bounds {@link Init} computes, so the values match PyTorch's bit for bit.
 */
public final class TensorInit {
    private TensorInit() {
    }

    /** Mirrors {@code init.uniform_(tensor, a=0, b=1)}. */
    public static Tensor uniform_(Tensor tensor, double a, double b) {
        try (ComputeContext.Scope ignored = Torch.noGrad()) {
            return tensor.uniform_(a, b);
        }
    }

    /** Mirrors {@code init.normal_(tensor, mean=0, std=1)}. */
    public static Tensor normal_(Tensor tensor, double mean, double std) {
        try (ComputeContext.Scope ignored = Torch.noGrad()) {
            return tensor.normal_(mean, std);
        }
    }

    /** Mirrors {@code init.constant_(tensor, val)}. */
    public static Tensor constant_(Tensor tensor, double value) {
        try (ComputeContext.Scope ignored = Torch.noGrad()) {
            return tensor.fill_(value);
        }
    }

    /** Mirrors {@code init.zeros_(tensor)}. */
    public static Tensor zeros_(Tensor tensor) {
        return constant_(tensor, 0);
    }

    /** Mirrors {@code init.ones_(tensor)}. */
    public static Tensor ones_(Tensor tensor) {
        return constant_(tensor, 1);
    }

    /** Mirrors {@code init.xavier_uniform_(tensor, gain=1.0)}. */
    public static Tensor xavierUniform_(Tensor tensor, double gain) {
        double bound = Init.xavierUniformBound(longShape(tensor), gain);
        return uniform_(tensor, -bound, bound);
    }

    /** Mirrors {@code init.xavier_normal_(tensor, gain=1.0)}. */
    public static Tensor xavierNormal_(Tensor tensor, double gain) {
        return normal_(tensor, 0, Init.xavierNormalStd(longShape(tensor), gain));
    }

    /** Mirrors {@code init.kaiming_uniform_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')}. */
    public static Tensor kaimingUniform_(Tensor tensor, double a, String mode, String nonlinearity) {
        if (tensor.numel() == 0) {
            Warnings.warn("Initializing zero-element tensors is a no-op");
            return tensor;
        }
        double bound = Init.kaimingUniformBound(longShape(tensor), a, mode, nonlinearity);
        return uniform_(tensor, -bound, bound);
    }

    /** Mirrors {@code init.kaiming_normal_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')}. */
    public static Tensor kaimingNormal_(Tensor tensor, double a, String mode, String nonlinearity) {
        if (tensor.numel() == 0) {
            Warnings.warn("Initializing zero-element tensors is a no-op");
            return tensor;
        }
        return normal_(tensor, 0, Init.kaimingNormalStd(longShape(tensor), a, mode, nonlinearity));
    }

    /** Mirrors {@code init.calculate_gain(nonlinearity, param=None)}. */
    public static double calculateGain(String nonlinearity, Double param) {
        return Init.calculateGain(nonlinearity, param);
    }

    private static long[] longShape(Tensor tensor) {
        int[] shape = tensor.shape();
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }
}
