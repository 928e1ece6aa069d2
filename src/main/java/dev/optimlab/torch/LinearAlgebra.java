package dev.optimlab.torch;

/**
 * Matrix products: {@code mm}, {@code mv}, {@code dot} and {@code matmul} for 1-D and 2-D operands, with their
 * derivatives. float32 products accumulate in float, in the order a simple BLAS would; PyTorch's BLAS blocks
 * and vectorises differently, so results agree within float32 tolerance, not bit for bit.
 */
final class LinearAlgebra {
    private LinearAlgebra() {
    }

    static Tensor matmul(Tensor a, Tensor b) {
        int da = a.dim();
        int db = b.dim();
        if (da == 0 || db == 0) {
            throw TorchException.runtime("both arguments to matmul need to be at least 1D, but they are " + da + "D and "
                    + db + "D");
        }
        if (da == 1 && db == 1) {
            return dot(a, b);
        }
        if (da == 2 && db == 1) {
            return mv(a, b);
        }
        if (da == 1 && db == 2) {
            return a.unsqueeze(0).mm(b).squeezeNamed(0, "SqueezeBackward3");
        }
        if (da == 2 && db == 2) {
            return mm(a, b);
        }
        throw new TorchException(TorchException.PythonType.NotImplementedError,
                "matmul of " + da + "D and " + db + "D tensors (batched matmul) is not supported yet");
    }

    private static void requireSameType(Tensor a, Tensor b, String first, String second) {
        if (a.dtype() != b.dtype()) {
            throw TorchException.runtime("expected " + first + " and " + second + " to have the same dtype, but got: "
                    + cName(a.dtype()) + " != " + cName(b.dtype()));
        }
        if (a.dtype() == DType.BOOL) {
            throw TorchException.runtime("\"addmm_impl_cpu_\" not implemented for 'Bool'");
        }
    }

    private static String cName(DType type) {
        return switch (type) {
            case FLOAT16 -> "c10::Half";
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case INT64 -> "long int";
            case BOOL -> "bool";
        };
    }

    static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2) {
            throw TorchException.runtime("self must be a matrix");
        }
        if (b.dim() != 2) {
            throw TorchException.runtime("mat2 must be a matrix");
        }
        if (a.shape[1] != b.shape[0]) {
            throw TorchException.runtime("mat1 and mat2 shapes cannot be multiplied (" + a.shape[0] + "x" + a.shape[1]
                    + " and " + b.shape[0] + "x" + b.shape[1] + ")");
        }
        requireSameType(a, b, "m1", "m2");
        Tensor out = multiply(a, b);
        return Tensor.record(out, "MmBackward0", (g, n) -> new Tensor[] {
                n.needsGrad(0) ? g.mm(n.saved(1).t()) : null,
                n.needsGrad(1) ? n.saved(0).t().mm(g) : null}, new Tensor[] {a, b}, a, b);
    }

    /** The raw product of two matrices, without autograd. */
    static Tensor multiply(Tensor a, Tensor b) {
        int rows = a.shape[0];
        int inner = a.shape[1];
        int cols = b.shape[1];
        Tensor x = a.isContiguous() ? a : Reductions.contiguousCopy(a);
        Tensor y = b.isContiguous() ? b : Reductions.contiguousCopy(b);
        Tensor out = Tensor.empty(new int[] {rows, cols}, a.dtype());
        long perRow = (long) inner * cols;
        long pending = 0;
        for (int i = 0; i < rows; i++) {
            switch (a.dtype()) {
                case FLOAT16, FLOAT32 -> rowTimesMatrix(x.storage.floats, x.offset + i * inner, y.storage.floats, y.offset,
                        out.storage.floats, i * cols, inner, cols);
                case FLOAT64 -> rowTimesMatrix(x.storage.doubles, x.offset + i * inner, y.storage.doubles, y.offset,
                        out.storage.doubles, i * cols, inner, cols);
                default -> rowTimesMatrix(x.storage.longs, x.offset + i * inner, y.storage.longs, y.offset,
                        out.storage.longs, i * cols, inner, cols);
            }
            pending += perRow;
            if (pending >= ComputeGuard.BLOCK) {
                ComputeContext.checkpoint(pending);
                pending = 0;
            }
        }
        if (pending > 0) {
            ComputeContext.checkpoint(pending);
        }
        if (a.dtype() == DType.FLOAT16) {
            Half.roundAll(out.storage.floats);
        }
        return out;
    }

    private static void rowTimesMatrix(float[] a, int aRow, float[] b, int bStart, float[] out, int outRow, int inner,
                                       int cols) {
        for (int p = 0; p < inner; p++) {
            float v = a[aRow + p];
            int bRow = bStart + p * cols;
            for (int j = 0; j < cols; j++) {
                out[outRow + j] += v * b[bRow + j];
            }
        }
    }

    private static void rowTimesMatrix(double[] a, int aRow, double[] b, int bStart, double[] out, int outRow,
                                       int inner, int cols) {
        for (int p = 0; p < inner; p++) {
            double v = a[aRow + p];
            int bRow = bStart + p * cols;
            for (int j = 0; j < cols; j++) {
                out[outRow + j] += v * b[bRow + j];
            }
        }
    }

    private static void rowTimesMatrix(long[] a, int aRow, long[] b, int bStart, long[] out, int outRow, int inner,
                                       int cols) {
        for (int p = 0; p < inner; p++) {
            long v = a[aRow + p];
            int bRow = bStart + p * cols;
            for (int j = 0; j < cols; j++) {
                out[outRow + j] += v * b[bRow + j];
            }
        }
    }

    static Tensor mv(Tensor matrix, Tensor vector) {
        if (matrix.dim() != 2 || vector.dim() != 1) {
            throw TorchException.runtime("vector + matrix @ vector expected, got 1, " + matrix.dim() + ", " + vector.dim());
        }
        if (matrix.shape[1] != vector.shape[0]) {
            throw TorchException.runtime("size mismatch, got " + matrix.shape[0] + ", " + matrix.shape[0] + "x"
                    + matrix.shape[1] + "," + vector.shape[0]);
        }
        requireSameType(matrix, vector, "m1", "m2");
        Tensor out = multiply(matrix, asColumn(vector));
        Tensor result = new Tensor(out.storage, new int[] {matrix.shape[0]}, new int[] {1}, 0, null);
        return Tensor.record(result, "MvBackward0", (g, n) -> new Tensor[] {
                n.needsGrad(0) ? g.unsqueeze(1).mm(n.saved(1).unsqueeze(0)) : null,
                n.needsGrad(1) ? n.saved(0).t().mv(g) : null}, new Tensor[] {matrix, vector}, matrix, vector);
    }

    private static Tensor asColumn(Tensor vector) {
        return new Tensor(vector.storage, new int[] {vector.shape[0], 1}, new int[] {vector.strides[0], 1},
                vector.offset, null);
    }

    static Tensor dot(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw TorchException.runtime("1D tensors expected, but got " + a.dim() + "D and " + b.dim() + "D tensors");
        }
        if (a.shape[0] != b.shape[0]) {
            throw TorchException.runtime("inconsistent tensor size, expected tensor [" + a.shape[0] + "] and src ["
                    + b.shape[0] + "] to have the same number of elements, but got " + a.shape[0] + " and "
                    + b.shape[0] + " elements respectively");
        }
        if (a.dtype() != b.dtype()) {
            throw TorchException.runtime("dot : expected both vectors to have same dtype, but found "
                    + typeName(a.dtype()) + " and " + typeName(b.dtype()));
        }
        Tensor row = new Tensor(a.storage, new int[] {1, a.shape[0]}, new int[] {0, a.strides[0]}, a.offset, null);
        Tensor product = multiply(row, asColumn(b));
        Tensor out = new Tensor(product.storage, new int[0], new int[0], 0, null);
        return Tensor.record(out, "DotBackward0", (g, n) -> new Tensor[] {
                n.needsGrad(0) ? n.saved(1).mul(g) : null,
                n.needsGrad(1) ? n.saved(0).mul(g) : null}, new Tensor[] {a, b}, a, b);
    }

    private static String typeName(DType type) {
        return switch (type) {
            case FLOAT16 -> "Half";
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
            case BOOL -> "Bool";
        };
    }
}
