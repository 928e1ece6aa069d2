package dev.optimlab.torch;

/**
 * Reductions (sum, mean, max/min, arg max/min, norms) and softmax, with their derivatives; mirrors ATen's
 * {@code ReduceOps} and {@code SoftMax}. Sums and means follow ATen's summation order ({@link CascadeSum});
 * norms and softmax accumulate in double and agree with PyTorch within float32 tolerance.
 */
final class Reductions {
    private Reductions() {
    }

    /** A tensor rearranged so that each reduction is one contiguous row: {@code rows x length}. */
    private record Rows(Tensor data, int rows, int length, int[] keptShape, int[] keepdimShape) {
    }

    private static Rows rows(Tensor a, boolean[] reduced) {
        int rank = a.shape.length;
        int[] order = new int[rank];
        int k = 0;
        int keptCount = 0;
        for (int d = 0; d < rank; d++) {
            if (!reduced[d]) {
                order[k++] = d;
                keptCount++;
            }
        }
        for (int d = 0; d < rank; d++) {
            if (reduced[d]) {
                order[k++] = d;
            }
        }
        int[] shape = new int[rank];
        int[] strides = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = a.shape[order[i]];
            strides[i] = a.strides[order[i]];
        }
        Tensor moved = new Tensor(a.storage, shape, strides, a.offset, null);
        Tensor data = moved.isContiguous() ? moved : contiguousCopy(moved);
        int[] kept = new int[keptCount];
        int[] keepdim = new int[rank];
        int rows = 1;
        for (int d = 0, j = 0; d < rank; d++) {
            keepdim[d] = reduced[d] ? 1 : a.shape[d];
            if (!reduced[d]) {
                kept[j++] = a.shape[d];
                rows *= a.shape[d];
            }
        }
        int length = rows == 0 ? 0 : Shapes.numel(a.shape) / Math.max(rows, 1);
        if (rows == 0) {
            length = 1;
            for (int d = 0; d < rank; d++) {
                length *= reduced[d] ? a.shape[d] : 1;
            }
        }
        return new Rows(data, rows, length, kept, keepdim);
    }

    static Tensor contiguousCopy(Tensor t) {
        Tensor out = Tensor.empty(t.shape, t.dtype());
        Pointwise.copy(out, t);
        return out;
    }

    private static boolean[] mask(int[] dims, int rank) {
        boolean[] reduced = new boolean[rank];
        if (dims == null || dims.length == 0) {
            java.util.Arrays.fill(reduced, true);
            return reduced;
        }
        for (int dim : dims) {
            int d = Shapes.wrapDim(dim, rank);
            if (reduced[d]) {
                throw TorchException.runtime("dim " + d + " appears multiple times in the list of dims");
            }
            reduced[d] = true;
        }
        return reduced;
    }

    private static DType sumType(DType type) {
        return type.isFloatingPoint() ? type : DType.INT64;
    }

    /** Row sums into a new tensor of {@code outShape}, in double for floats and in long for integers. */
    private static Tensor rowSums(Rows r, DType outType, int[] outShape, double scale) {
        Tensor out = Tensor.empty(outShape, outType);
        Storage in = r.data.storage;
        int base = r.data.offset;
        long pending = 0;
        for (int i = 0; i < r.rows; i++) {
            int start = base + i * r.length;
            double sum = 0;
            long sumLong = 0;
            // Long rows are summed block by block so that the guard can stop even a single huge row.
            for (int from = 0; from < r.length; from += ComputeGuard.BLOCK) {
                int n = Math.min(ComputeGuard.BLOCK, r.length - from);
                if (outType == DType.INT64) {
                    for (int j = 0; j < n; j++) {
                        sumLong += in.getLong(start + from + j);
                    }
                } else {
                    sum += sumDouble(in, start + from, n);
                }
                pending += n;
                if (pending >= ComputeGuard.BLOCK) {
                    ComputeContext.checkpoint(pending);
                    pending = 0;
                }
            }
            if (outType == DType.INT64) {
                out.storage.longs[i] = sumLong;
            } else {
                out.storage.setDouble(i, sum * scale);
            }
        }
        if (pending > 0) {
            ComputeContext.checkpoint(pending);
        }
        return out;
    }

    private static double sumDouble(Storage in, int start, int length) {
        double s = 0;
        switch (in.dtype) {
            case FLOAT16, FLOAT32 -> {
                float[] x = in.floats;
                for (int j = 0; j < length; j++) {
                    s += x[start + j];
                }
            }
            case FLOAT64 -> {
                double[] x = in.doubles;
                for (int j = 0; j < length; j++) {
                    s += x[start + j];
                }
            }
            default -> {
                for (int j = 0; j < length; j++) {
                    s += in.getDouble(start + j);
                }
            }
        }
        return s;
    }

    static Tensor sumAll(Tensor a) {
        return sum(a, null, false, "SumBackward0");
    }

    static Tensor sum(Tensor a, int[] dims, boolean keepdim) {
        return sum(a, dims, keepdim, "SumBackward1");
    }

    private static Tensor sum(Tensor a, int[] dims, boolean keepdim, String name) {
        boolean[] reduced = mask(dims, a.dim());
        int[] keepdimShape = keepdimShape(a.shape, reduced);
        Tensor out = sums(a, reduced, keepdim ? keepdimShape : keptShape(a.shape, reduced), false);
        int[] inputShape = a.shape;
        return Tensor.record(out, name,
                (g, n) -> new Tensor[] {g.reshape(keepdimShape).expand(inputShape)}, a);
    }

    private static int[] keepdimShape(int[] shape, boolean[] reduced) {
        int[] out = shape.clone();
        for (int d = 0; d < shape.length; d++) {
            out[d] = reduced[d] ? 1 : shape[d];
        }
        return out;
    }

    private static int[] keptShape(int[] shape, boolean[] reduced) {
        int kept = 0;
        for (int d = 0; d < shape.length; d++) {
            kept += reduced[d] ? 0 : 1;
        }
        int[] out = new int[kept];
        for (int d = 0, k = 0; d < shape.length; d++) {
            if (!reduced[d]) {
                out[k++] = shape[d];
            }
        }
        return out;
    }

    /**
     * Sums (or means) over the reduced dims. float32 and float64 follow ATen's summation order exactly
     * ({@link CascadeSum}) and a mean divides that sum by the count, as PyTorch's CPU mean does; float16
     * accumulates in double and int64/bool in long.
     */
    private static Tensor sums(Tensor a, boolean[] reduced, int[] outShape, boolean mean) {
        DType type = sumType(a.dtype());
        int count = 1;
        for (int d = 0; d < a.dim(); d++) {
            count *= reduced[d] ? a.shape[d] : 1;
        }
        if (type == DType.FLOAT32 || type == DType.FLOAT64) {
            Tensor out = Tensor.empty(outShape, type);
            double[] values = CascadeSum.sum(a, reduced, out.numel());
            for (int i = 0; i < values.length; i++) {
                out.storage.setDouble(i, mean ? values[i] / count : values[i]);
            }
            return out;
        }
        Rows r = rows(a, reduced);
        return rowSums(r, type, outShape, mean ? (count == 0 ? Double.NaN : 1.0 / count) : 1);
    }

    static Tensor meanAll(Tensor a) {
        return mean(a, null, false, "MeanBackward0");
    }

    static Tensor mean(Tensor a, int[] dims, boolean keepdim) {
        return mean(a, dims, keepdim, "MeanBackward1");
    }

    private static Tensor mean(Tensor a, int[] dims, boolean keepdim, String name) {
        if (!a.dtype().isFloatingPoint()) {
            throw TorchException.runtime("mean(): could not infer output dtype. Input dtype must be either a floating "
                    + "point or complex dtype. Got: " + (a.dtype() == DType.BOOL ? "Bool" : "Long"));
        }
        boolean[] reduced = mask(dims, a.dim());
        int[] keepdimShape = keepdimShape(a.shape, reduced);
        Tensor out = sums(a, reduced, keepdim ? keepdimShape : keptShape(a.shape, reduced), true);
        int count = Math.max(1, a.numel()) / Math.max(1, out.numel());
        int[] inputShape = a.shape;
        return Tensor.record(out, name,
                (g, n) -> new Tensor[] {g.div((long) count).reshape(keepdimShape).expand(inputShape)}, a);
    }

    /** Position of the largest (or smallest) element of a row; NaN wins, ties keep the first. */
    private static int argExtreme(Storage in, int start, int length, boolean max) {
        int best = 0;
        double bestValue = in.getDouble(start);
        if (in.dtype == DType.INT64) {
            long bestLong = in.longs[start];
            for (int j = 1; j < length; j++) {
                long v = in.longs[start + j];
                if (max ? v > bestLong : v < bestLong) {
                    bestLong = v;
                    best = j;
                }
            }
            return best;
        }
        for (int j = 1; j < length && !Double.isNaN(bestValue); j++) {
            double v = in.getDouble(start + j);
            if (Double.isNaN(v) || (max ? v > bestValue : v < bestValue)) {
                bestValue = v;
                best = j;
            }
        }
        return best;
    }

    private static void requireNonEmpty(Tensor a, String op) {
        if (a.numel() == 0) {
            throw TorchException.runtime(op + "(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
    }

    static Tensor extremeAll(Tensor a, boolean max) {
        requireNonEmpty(a, max ? "max" : "min");
        Tensor flat = a.isContiguous() ? a : contiguousCopy(a);
        int best = argExtreme(flat.storage, flat.offset, flat.numel(), max);
        Tensor out = Tensor.empty(new int[0], a.dtype());
        out.storage.setFrom(0, flat.storage, flat.offset + best);
        return Tensor.record(out, max ? "MaxBackward1" : "MinBackward1", (g, n) -> {
            Tensor hits = n.saved(0).eq(n.saved(1));
            return new Tensor[] {hits.mul(g.div(hits.sum()))};
        }, a, a, out);
    }

    static Tensor argExtremeAll(Tensor a, boolean max) {
        requireNonEmpty(a, max ? "argmax" : "argmin");
        Tensor flat = a.isContiguous() ? a : contiguousCopy(a);
        return Torch.scalarTensor(argExtreme(flat.storage, flat.offset, flat.numel(), max));
    }

    static ValuesIndices extreme(Tensor a, int dim, boolean keepdim, boolean max) {
        int d = Shapes.wrapDim(dim, a.dim());
        boolean[] reduced = new boolean[Math.max(a.dim(), 1)];
        reduced[d] = true;
        if (a.dim() == 0) {
            return new ValuesIndices(a.clone(), Torch.scalarTensor(0));
        }
        if (a.shape[d] == 0) {
            throw TorchException.index((max ? "max" : "min") + "(): Expected reduction dim " + d
                    + " to have non-zero size.");
        }
        Rows r = rows(a, reduced);
        int[] outShape = keepdim ? r.keepdimShape : r.keptShape;
        Tensor values = Tensor.empty(outShape, a.dtype());
        Tensor indices = Tensor.empty(outShape, DType.INT64);
        for (int i = 0; i < r.rows; i++) {
            int start = r.data.offset + i * r.length;
            int best = argExtreme(r.data.storage, start, r.length, max);
            values.storage.setFrom(i, r.data.storage, start + best);
            indices.storage.longs[i] = best;
        }
        int[] inputShape = a.shape;
        int[] keepdimShape = r.keepdimShape;
        Tensor recorded = Tensor.record(values, max ? "MaxBackward0" : "MinBackward0", (g, n) -> new Tensor[] {
                Indexing.scatterAlongDim(inputShape, d, n.saved(0).reshape(keepdimShape), g.reshape(keepdimShape))},
                a, indices);
        return new ValuesIndices(recorded, indices);
    }

    /** softmax or log_softmax along a dimension, computed in the input's float type. */
    static Tensor softmax(Tensor a, int dim, boolean log) {
        DType type = Promotion.floating(a.dtype());
        int d = Shapes.wrapDim(dim, a.dim());
        boolean[] reduced = new boolean[Math.max(a.dim(), 1)];
        reduced[d] = true;
        Tensor input = a.convertedTo(type);
        if (a.dim() == 0) {
            input = input.detach().reshape(1);
            reduced = new boolean[] {true};
        }
        Rows r = rows(input, reduced);
        Tensor rowsOut = Tensor.empty(new int[] {r.rows, r.length}, type);
        int inner = 1;
        for (int k = d + 1; k < a.dim(); k++) {
            inner *= a.shape[k];
        }
        for (int i = 0; i < r.rows; i++) {
            int start = r.data.offset + i * r.length;
            if (type == DType.FLOAT64) {
                softmaxRow(r.data.storage.doubles, start, rowsOut.storage.doubles, i * r.length, r.length, log);
            } else {
                softmaxRow(r.data.storage.floats, start, rowsOut.storage.floats, i * r.length, r.length, log,
                        d >= a.dim() - 1, i % inner < inner / 8 * 8);
            }
        }
        if (type == DType.FLOAT16) {
            Half.roundAll(rowsOut.storage.floats);
        }
        Tensor out = moveLastBack(rowsOut, a.shape, d);
        if (log) {
            return Tensor.record(out, "LogSoftmaxBackward0", (g, n) -> {
                Tensor y = n.saved(0);
                return new Tensor[] {g.sub(y.exp().mul(g.sum(new int[] {d}, true)))};
            }, a, out);
        }
        return Tensor.record(out, "SoftmaxBackward0", (g, n) -> {
            Tensor y = n.saved(0);
            return new Tensor[] {g.sub(g.mul(y).sum(new int[] {d}, true)).mul(y)};
        }, a, out);
    }

    /** Rows laid out with {@code dim} last, back in the original layout as a contiguous tensor. */
    private static Tensor moveLastBack(Tensor rowsOut, int[] shape, int dim) {
        int rank = shape.length;
        if (rank == 0) {
            return new Tensor(rowsOut.storage, new int[0], new int[0], 0, null);
        }
        int[] movedShape = new int[rank];
        for (int i = 0, k = 0; i < rank; i++) {
            if (i != dim) {
                movedShape[k++] = shape[i];
            }
        }
        movedShape[rank - 1] = shape[dim];
        int[] movedStrides = Shapes.contiguousStrides(movedShape);
        int[] strides = new int[rank];
        for (int i = 0, k = 0; i < rank; i++) {
            strides[i] = i == dim ? movedStrides[rank - 1] : movedStrides[k++];
        }
        Tensor view = new Tensor(rowsOut.storage, shape.clone(), strides, 0, null);
        return view.isContiguous() ? view : contiguousCopy(view);
    }

    /**
     * float32 softmax as ATen's AVX2 kernels compute it. Over the last dim: SLEEF's exp of {@code x - max}, the
     * sum reduced as {@code vec::reduce_all} does (8 lanes, then a shuffle tree), times the sum's reciprocal.
     * Over another dim, ATen walks 8 inner columns at a time: those columns use SLEEF's exp, the leftover
     * columns the C library's, and each sums in order and divides. log_softmax keeps a double normaliser,
     * since its SLEEF log is not ported.
     */
    private static void softmaxRow(float[] in, int start, float[] out, int at, int n, boolean log, boolean lastDim,
                                   boolean vectorColumn) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            float v = in[start + j];
            max = Float.isNaN(v) || Float.isNaN(max) ? Float.NaN : Math.max(max, v);
        }
        if (log) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += (float) Math.exp(in[start + j] - max);
            }
            float logSum = (float) Math.log((float) sum);
            for (int j = 0; j < n; j++) {
                out[at + j] = in[start + j] - max - logSum;
            }
            return;
        }
        if (lastDim) {
            for (int j = 0; j < n; j++) {
                out[at + j] = SleefMath.expf(in[start + j] - max);
            }
            float inverse = 1f / reduceAllSum(out, at, n);
            for (int j = 0; j < n; j++) {
                out[at + j] *= inverse;
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            float shifted = in[start + j] - max;
            out[at + j] = vectorColumn ? SleefMath.expf(shifted) : (float) Math.exp(shifted);
        }
        float sum = sequentialSum(out, at, n);
        for (int j = 0; j < n; j++) {
            out[at + j] /= sum;
        }
    }

    private static float sequentialSum(float[] x, int at, int n) {
        float sum = 0;
        for (int j = 0; j < n; j++) {
            sum += x[at + j];
        }
        return sum;
    }

    /** {@code vec::reduce_all} with + on 8-float vectors: lane sums, then 128-, 64- and 32-bit shuffles. */
    private static float reduceAllSum(float[] x, int at, int n) {
        if (n < 8) {
            float sum = x[at];
            for (int j = 1; j < n; j++) {
                sum += x[at + j];
            }
            return sum;
        }
        float[] acc = new float[8];
        System.arraycopy(x, at, acc, 0, 8);
        int d = 8;
        for (; d < n - n % 8; d += 8) {
            for (int lane = 0; lane < 8; lane++) {
                acc[lane] += x[at + d + lane];
            }
        }
        for (int lane = 0; d + lane < n; lane++) {
            acc[lane] += x[at + d + lane];
        }
        float[] shuffled = new float[8];
        for (int lane = 0; lane < 8; lane++) {
            shuffled[lane] = acc[(lane + 4) % 8];
        }
        for (int lane = 0; lane < 8; lane++) {
            acc[lane] += shuffled[lane];
        }
        for (int lane = 0; lane < 8; lane++) {
            shuffled[lane] = acc[(lane & 4) | ((lane + 2) & 3)];
        }
        for (int lane = 0; lane < 8; lane++) {
            acc[lane] += shuffled[lane];
        }
        return acc[0] + acc[1];
    }

    private static void softmaxRow(double[] in, int start, double[] out, int at, int n, boolean log) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, in[start + j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double e = Math.exp(in[start + j] - max);
            out[at + j] = e;
            sum += e;
        }
        if (log) {
            double logSum = Math.log(sum);
            for (int j = 0; j < n; j++) {
                out[at + j] = in[start + j] - max - logSum;
            }
        } else {
            for (int j = 0; j < n; j++) {
                out[at + j] /= sum;
            }
        }
    }

    /** Vector p-norms over all elements or some dimensions; p = 2 is the Frobenius norm of {@code norm('fro')}. */
    static Tensor norm(Tensor a, double p, int[] dims, boolean keepdim) {
        if (!a.dtype().isFloatingPoint()) {
            throw TorchException.runtime("linalg.vector_norm: Expected a floating point or complex tensor as input. "
                    + "Got " + (a.dtype() == DType.BOOL ? "Bool" : "Long"));
        }
        Rows r = rows(a, mask(dims, a.dim()));
        int[] outShape = keepdim ? r.keepdimShape : r.keptShape;
        Tensor out = Tensor.empty(outShape, a.dtype());
        Storage in = r.data.storage;
        for (int i = 0; i < r.rows; i++) {
            int start = r.data.offset + i * r.length;
            double acc = 0;
            for (int j = 0; j < r.length; j++) {
                double v = Math.abs(in.getDouble(start + j));
                if (p == Double.POSITIVE_INFINITY) {
                    acc = Double.isNaN(v) || Double.isNaN(acc) ? Double.NaN : Math.max(acc, v);
                } else if (p == 0) {
                    acc += v != 0 ? 1 : 0;
                } else if (p == 1) {
                    acc += v;
                } else if (p == 2) {
                    acc += v * v;
                } else {
                    acc += Math.pow(v, p);
                }
            }
            double norm = p == Double.POSITIVE_INFINITY || p == 0 || p == 1 ? acc : p == 2 ? Math.sqrt(acc) : Math.pow(acc, 1 / p);
            out.storage.setDouble(i, norm);
        }
        int[] keepdimShape = r.keepdimShape;
        return Tensor.record(out, "LinalgVectorNormBackward0", (g, n) -> {
            Tensor x = n.saved(0);
            Tensor norm = n.saved(1).reshape(keepdimShape);
            Tensor grad = g.reshape(keepdimShape);
            Tensor zeros = Torch.zerosLike(norm);
            if (p == 0) {
                return new Tensor[] {Torch.zerosLike(x)};
            }
            if (p == 1) {
                return new Tensor[] {x.sign().mul(grad)};
            }
            if (p == Double.POSITIVE_INFINITY) {
                Tensor hits = x.abs().eq(norm);
                return new Tensor[] {x.sign().mul(grad.div(hits.sum(nonKeptDims(keepdimShape, x.shape), true)).mul(hits))};
            }
            Tensor scale = p == 2 ? grad.div(norm) : grad.div(norm.pow(p - 1));
            scale = Indexing.where(norm.eq(0.0), zeros, scale);
            Tensor factor = p == 2 ? x : x.mul(x.abs().pow(p - 2));
            return new Tensor[] {factor.mul(scale)};
        }, a, a, out);
    }

    private static int[] nonKeptDims(int[] keepdimShape, int[] shape) {
        int[] dims = new int[shape.length];
        int count = 0;
        for (int d = 0; d < shape.length; d++) {
            if (keepdimShape[d] == 1 && shape[d] != 1) {
                dims[count++] = d;
            }
        }
        return count == 0 ? new int[] {0} : java.util.Arrays.copyOf(dims, count);
    }
}
