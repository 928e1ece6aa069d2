package dev.optimlab.torch;

import java.util.function.BiConsumer;

/**
 * Random tensors ({@code rand}, {@code randn}, {@code randint}, {@code randperm}, {@code bernoulli},
 * {@code uniform_}, {@code normal_}) drawn from the current run's {@link Generator}, which reproduces
 * PyTorch's CPU generator; values are filled in row-major order, as PyTorch fills a contiguous tensor.
 */
final class Random {
    private Random() {
    }

    static Generator generator() {
        return ComputeContext.current().generator();
    }

    /** Fills a float tensor in place from a float[] or double[] draw of its size (contiguous order). */
    static Tensor fill(Tensor target, BiConsumer<Generator, Object> draw) {
        if (!target.dtype().isFloatingPoint()) {
            throw TorchException.runtime("\"check_uniform_bounds\" not implemented for '"
                    + (target.dtype() == DType.BOOL ? "Bool" : "Long") + "'");
        }
        target.prepareInPlace(false);
        int n = target.numel();
        Tensor drawn;
        if (target.dtype() == DType.FLOAT64) {
            double[] values = new double[n];
            draw.accept(generator(), values);
            drawn = Tensor.of(Storage.ofDoubles(values), target.shape);
        } else {
            float[] values = new float[n];
            draw.accept(generator(), values);
            if (target.dtype() == DType.FLOAT16) {
                Half.roundAll(values);
            }
            drawn = Tensor.of(Storage.ofFloats(target.dtype(), values), target.shape);
        }
        Pointwise.copy(target, drawn);
        return target;
    }

    static Tensor rand(int[] shape, DType dtype) {
        return fill(Torch.empty(shape, dtype), (g, values) -> {
            if (values instanceof float[] f) {
                g.uniform(f, 0, f.length, 0, 1);
            } else {
                double[] d = (double[]) values;
                g.uniform(d, 0, d.length, 0, 1);
            }
        });
    }

    static Tensor randn(int[] shape, DType dtype) {
        return fill(Torch.empty(shape, dtype), (g, values) -> {
            if (values instanceof float[] f) {
                g.normal(f, 0, f.length, 0, 1);
            } else {
                double[] d = (double[]) values;
                g.normal(d, 0, d.length, 0, 1);
            }
        });
    }

    static Tensor randint(long low, long high, int[] shape) {
        if (low >= high) {
            throw TorchException.runtime("random_ expects 'from' to be less than 'to', but got from=" + low
                    + " >= to=" + high);
        }
        Tensor out = Torch.empty(shape, DType.INT64);
        generator().randint(out.storage.longs, 0, out.numel(), low, high);
        return out;
    }

    static Tensor randperm(int n) {
        if (n < 0) {
            throw TorchException.runtime("n must be non-negative, got" + n);
        }
        long[] values = generator().randperm(n);
        return Tensor.of(Storage.ofLongs(values), n);
    }

    /** Mirrors {@code torch.bernoulli(p)}: 0/1 draws of p's float dtype. */
    static Tensor bernoulli(Tensor p) {
        if (!p.dtype().isFloatingPoint()) {
            throw TorchException.runtime("\"bernoulli_tensor_cpu_p_\" not implemented for '"
                    + (p.dtype() == DType.BOOL ? "Bool" : "Long") + "'");
        }
        Tensor probabilities = p.isContiguous() ? p : Reductions.contiguousCopy(p);
        Tensor out = Tensor.empty(p.shape, p.dtype());
        int n = out.numel();
        if (p.dtype() == DType.FLOAT64) {
            generator().bernoulli(out.storage.doubles, 0, n, probabilities.storage.doubles, probabilities.offset);
        } else {
            generator().bernoulli(out.storage.floats, 0, n, probabilities.storage.floats, probabilities.offset);
        }
        return out;
    }
}
