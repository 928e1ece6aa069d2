package dev.optimlab.torch;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The functions of the {@code torch} module: tensor creation, grad mode and the functional forms of ops.
 */
public final class Torch {
    private Torch() {
    }

    // ---------------------------------------------------------------- torch.tensor

    /**
     * Mirrors {@code torch.tensor(data)}: nested Lists or arrays of numbers; the dtype is inferred as PyTorch does
     * (any float gives float32, else any int gives int64, else bool).
     */
    public static Tensor tensor(Object data) {
        return tensor(data, null);
    }

    /** Mirrors {@code torch.tensor(data, dtype=dtype)}; a null dtype is inferred. */
    public static Tensor tensor(Object data, DType dtype) {
        List<Integer> shape = new ArrayList<>();
        measure(data, 0, shape);
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        List<Object> leaves = new ArrayList<>();
        collect(data, 0, dims, leaves);
        DType type = dtype != null ? dtype : infer(leaves);
        Tensor out = Tensor.empty(dims, type);
        for (int i = 0; i < leaves.size(); i++) {
            Object leaf = leaves.get(i);
            switch (leaf) {
                case Boolean b -> out.storage.setBool(i, b);
                case Double d -> out.storage.setDouble(i, d);
                case Float f -> out.storage.setDouble(i, f);
                case Number n -> out.storage.setLong(i, n.longValue());
                default -> throw new IllegalStateException("unexpected leaf " + leaf);
            }
        }
        return out;
    }

    private static boolean isSequence(Object data) {
        return data instanceof List<?> || (data != null && data.getClass().isArray());
    }

    private static int length(Object data) {
        return data instanceof List<?> list ? list.size() : Array.getLength(data);
    }

    private static Object element(Object data, int i) {
        return data instanceof List<?> list ? list.get(i) : Array.get(data, i);
    }

    private static void measure(Object data, int depth, List<Integer> shape) {
        if (!isSequence(data)) {
            return;
        }
        int n = length(data);
        shape.add(n);
        if (n > 0) {
            measure(element(data, 0), depth + 1, shape);
        }
    }

    private static void collect(Object data, int depth, int[] shape, List<Object> leaves) {
        if (depth == shape.length) {
            if (isSequence(data)) {
                throw TorchException.value("expected sequence of length " + shape[depth - 1] + " at dim " + (depth - 1)
                        + " (got " + length(data) + ")");
            }
            leaves.add(scalarOf(data));
            return;
        }
        if (!isSequence(data)) {
            throw TorchException.type("not a sequence");
        }
        int n = length(data);
        if (n != shape[depth]) {
            throw TorchException.value("expected sequence of length " + shape[depth] + " at dim " + depth + " (got " + n
                    + ")");
        }
        for (int i = 0; i < n; i++) {
            collect(element(data, i), depth + 1, shape, leaves);
        }
    }

    private static Object scalarOf(Object value) {
        if (value instanceof Tensor t) {
            return t.item();
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value;
        }
        throw TorchException.type("Could not infer dtype of " + (value == null ? "NoneType" : value.getClass().getSimpleName()));
    }

    private static DType infer(List<Object> leaves) {
        if (leaves.isEmpty()) {
            return DType.FLOAT32;
        }
        boolean anyFloat = false;
        boolean anyInt = false;
        for (Object leaf : leaves) {
            anyFloat |= leaf instanceof Double || leaf instanceof Float;
            anyInt |= leaf instanceof Number && !(leaf instanceof Double || leaf instanceof Float);
        }
        return anyFloat ? DType.FLOAT32 : anyInt ? DType.INT64 : DType.BOOL;
    }

    /** A 0-dim float32 tensor, like {@code torch.tensor(3.5)}. */
    public static Tensor scalarTensor(double value) {
        Tensor t = Tensor.empty(new int[0], DType.FLOAT32);
        t.storage.setDouble(0, value);
        return t;
    }

    /** A 0-dim int64 tensor, like {@code torch.tensor(3)}. */
    public static Tensor scalarTensor(long value) {
        return Tensor.of(Storage.ofLongs(new long[] {value}));
    }

    /** A float32 tensor of the given shape wrapping (not copying) {@code values}. */
    public static Tensor fromArray(float[] values, int... shape) {
        checkLength(values.length, shape);
        return Tensor.of(Storage.ofFloats(DType.FLOAT32, values), shape);
    }

    public static Tensor fromArray(double[] values, int... shape) {
        checkLength(values.length, shape);
        return Tensor.of(Storage.ofDoubles(values), shape);
    }

    public static Tensor fromArray(long[] values, int... shape) {
        checkLength(values.length, shape);
        return Tensor.of(Storage.ofLongs(values), shape);
    }

    public static Tensor fromArray(boolean[] values, int... shape) {
        checkLength(values.length, shape);
        return Tensor.of(Storage.ofBools(values), shape);
    }

    private static void checkLength(int length, int[] shape) {
        if (Shapes.numel(shape) != length) {
            throw TorchException.runtime("shape '" + Shapes.str(shape) + "' is invalid for input of size " + length);
        }
    }

    // ---------------------------------------------------------------- factories

    private static void checkShape(int[] shape) {
        for (int size : shape) {
            if (size < 0) {
                throw TorchException.runtime("Trying to create tensor with negative dimension " + size + ": "
                        + Shapes.str(shape));
            }
        }
    }

    /** Mirrors {@code torch.empty}; unlike PyTorch the memory is zeroed, since Java arrays always are. */
    public static Tensor empty(int[] shape, DType dtype) {
        checkShape(shape);
        return Tensor.empty(shape, dtype);
    }

    public static Tensor empty(int... shape) {
        return empty(shape, DType.FLOAT32);
    }

    public static Tensor zeros(int[] shape, DType dtype) {
        return empty(shape, dtype);
    }

    public static Tensor zeros(int... shape) {
        return zeros(shape, DType.FLOAT32);
    }

    public static Tensor ones(int[] shape, DType dtype) {
        return full(shape, 1, dtype);
    }

    public static Tensor ones(int... shape) {
        return ones(shape, DType.FLOAT32);
    }

    /** Mirrors {@code torch.full(size, fill_value, dtype=dtype)}. */
    public static Tensor full(int[] shape, double value, DType dtype) {
        Tensor out = empty(shape, dtype);
        Pointwise.copy(out, Tensor.wrap(value));
        return out;
    }

    /** Mirrors {@code torch.full(size, 2.5)}: a float fill gives float32. */
    public static Tensor full(int[] shape, double value) {
        return full(shape, value, DType.FLOAT32);
    }

    /** Mirrors {@code torch.full(size, 3)}: an int fill gives int64. */
    public static Tensor full(int[] shape, long value) {
        Tensor out = empty(shape, DType.INT64);
        Arrays.fill(out.storage.longs, value);
        return out;
    }

    public static Tensor full(int[] shape, boolean value) {
        Tensor out = empty(shape, DType.BOOL);
        Arrays.fill(out.storage.bools, value);
        return out;
    }

    public static Tensor zerosLike(Tensor like) {
        return Tensor.empty(like.shape, like.dtype());
    }

    public static Tensor onesLike(Tensor like) {
        return full(like.shape, 1, like.dtype());
    }

    public static Tensor fullLike(Tensor like, double value) {
        return full(like.shape, value, like.dtype());
    }

    public static Tensor emptyLike(Tensor like) {
        return Tensor.empty(like.shape, like.dtype());
    }

    public static Tensor arange(long end) {
        return arange(0, end, 1);
    }

    public static Tensor arange(long start, long end) {
        return arange(start, end, 1);
    }

    /** Mirrors {@code torch.arange} with int arguments: an int64 tensor. */
    public static Tensor arange(long start, long end, long step) {
        int size = arangeLength(start, end, step);
        long[] values = new long[size];
        for (int i = 0; i < size; i++) {
            values[i] = start + i * step;
        }
        return Tensor.of(Storage.ofLongs(values), size);
    }

    public static Tensor arange(double end) {
        return arange(0, end, 1);
    }

    public static Tensor arange(double start, double end) {
        return arange(start, end, 1);
    }

    /** Mirrors {@code torch.arange} with a float argument: float32, values {@code start + i * step} in double. */
    public static Tensor arange(double start, double end, double step) {
        return arange(start, end, step, DType.FLOAT32);
    }

    public static Tensor arange(double start, double end, double step, DType dtype) {
        int size = arangeLength(start, end, step);
        Tensor out = Tensor.empty(new int[] {size}, dtype);
        for (int i = 0; i < size; i++) {
            out.storage.setDouble(i, start + i * step);
        }
        return out;
    }

    private static int arangeLength(double start, double end, double step) {
        if (step == 0) {
            throw TorchException.runtime("step must be nonzero");
        }
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw TorchException.runtime("unsupported range: " + start + " -> " + end);
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw TorchException.runtime("upper bound and larger bound inconsistent with step sign");
        }
        double size = Math.ceil((end - start) / step);
        if (size > Integer.MAX_VALUE) {
            throw TorchException.runtime("arange of " + size + " elements is larger than this implementation supports");
        }
        return (int) size;
    }

    /**
     * Mirrors {@code torch.linspace}: float32, computed in float from both ends exactly as ATen's CPU kernel
     * does for up to 32768 steps (beyond that PyTorch splits the work by thread count).
     */
    public static Tensor linspace(double start, double end, int steps) {
        if (steps < 0) {
            throw TorchException.runtime("number of steps must be non-negative");
        }
        float[] values = new float[steps];
        float from = (float) start;
        float to = (float) end;
        if (steps == 1) {
            values[0] = from;
        } else if (steps > 1) {
            float step = (to - from) / (float) (steps - 1);
            int halfway = steps / 2;
            // ATen fills blocks of 16 with 8-wide vectors (a fused base, then base + k * step), the tail one by one.
            int vectorEnd = steps / 16 * 16;
            for (int i = 0; i < steps; i++) {
                if (i < vectorEnd) {
                    int chunk = i / 8 * 8;
                    float base = chunk < halfway ? Math.fma(step, (float) chunk, from)
                            : Math.fma(-step, (float) (steps - chunk - 1), to);
                    values[i] = base + (i - chunk) * step;
                } else {
                    values[i] = i < halfway ? Math.fma(step, (float) i, from) : Math.fma(-step, (float) (steps - i - 1), to);
                }
            }
        }
        return Tensor.of(Storage.ofFloats(DType.FLOAT32, values), steps);
    }

    public static Tensor eye(int n) {
        return eye(n, n);
    }

    /** Mirrors {@code torch.eye(n, m)}. */
    public static Tensor eye(int n, int m) {
        if (n < 0 || m < 0) {
            throw TorchException.runtime((n < 0 ? "n" : "m") + " must be greater or equal to 0, got " + (n < 0 ? n : m));
        }
        Tensor out = Tensor.empty(new int[] {n, m}, DType.FLOAT32);
        for (int i = 0; i < Math.min(n, m); i++) {
            out.storage.floats[i * m + i] = 1;
        }
        return out;
    }

    // ---------------------------------------------------------------- functional forms

    public static Tensor where(Tensor condition, Tensor input, Tensor other) {
        return Indexing.where(condition, input, other);
    }

    public static Tensor where(Tensor condition, Tensor input, double other) {
        return Indexing.where(condition, input, Tensor.wrap(other));
    }

    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Indexing.cat(tensors, dim);
    }

    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Indexing.stack(tensors, dim);
    }

    public static Tensor maximum(Tensor a, Tensor b) {
        return a.maximum(b);
    }

    public static Tensor minimum(Tensor a, Tensor b) {
        return a.minimum(b);
    }

    public static Tensor matmul(Tensor a, Tensor b) {
        return a.matmul(b);
    }

    /** Mirrors {@code torch.addmm(input, mat1, mat2, beta=beta, alpha=alpha)}. */
    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2, double beta, double alpha) {
        return LinearAlgebra.addmm(input, mat1, mat2, beta, alpha);
    }

    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2) {
        return LinearAlgebra.addmm(input, mat1, mat2, 1, 1);
    }

    /** Mirrors {@code torch.nn.functional.linear(input, weight, bias)}; bias may be null. */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        return LinearAlgebra.linear(input, weight, bias);
    }

    /** Mirrors {@code base ** exponent} with a Python number base. */
    public static Tensor pow(double base, Tensor exponent) {
        return exponent.rpow(base);
    }

    // ---------------------------------------------------------------- random numbers (current run's generator)

    /** Mirrors {@code torch.manual_seed(seed)} for the current run. */
    public static Generator manualSeed(long seed) {
        return ComputeContext.current().generator().manualSeed(seed);
    }

    /** Mirrors {@code torch.rand(*size)}: uniform on [0, 1), float32. */
    public static Tensor rand(int... shape) {
        return Random.rand(shape, DType.FLOAT32);
    }

    public static Tensor rand(int[] shape, DType dtype) {
        return Random.rand(shape, dtype);
    }

    /** Mirrors {@code torch.randn(*size)}: standard normal, float32. */
    public static Tensor randn(int... shape) {
        return Random.randn(shape, DType.FLOAT32);
    }

    public static Tensor randn(int[] shape, DType dtype) {
        return Random.randn(shape, dtype);
    }

    /** Mirrors {@code torch.randint(low, high, size)}: int64 in [low, high). */
    public static Tensor randint(long low, long high, int... shape) {
        return Random.randint(low, high, shape);
    }

    /** Mirrors {@code torch.randperm(n)}. */
    public static Tensor randperm(int n) {
        return Random.randperm(n);
    }

    public static Tensor randLike(Tensor like) {
        return Random.rand(like.shape, like.dtype());
    }

    public static Tensor randnLike(Tensor like) {
        return Random.randn(like.shape, like.dtype());
    }

    /** Mirrors {@code torch.bernoulli(p)}. */
    public static Tensor bernoulli(Tensor p) {
        return Random.bernoulli(p);
    }

    // ---------------------------------------------------------------- grad mode

    /** Mirrors {@code with torch.no_grad():}. */
    public static ComputeContext.Scope noGrad() {
        return ComputeContext.gradMode(false);
    }

    /** Mirrors {@code with torch.enable_grad():}. */
    public static ComputeContext.Scope enableGrad() {
        return ComputeContext.gradMode(true);
    }

    /** Mirrors {@code with torch.set_grad_enabled(mode):}. */
    public static ComputeContext.Scope setGradEnabled(boolean enabled) {
        return ComputeContext.gradMode(enabled);
    }

    public static boolean isGradEnabled() {
        return ComputeContext.current().isGradEnabled();
    }
}
