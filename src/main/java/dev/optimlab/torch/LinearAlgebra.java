package dev.optimlab.torch;

/**
 * Matrix products: {@code mm}, {@code mv}, {@code dot}, {@code bmm} and {@code matmul} (with broadcast batch
 * dims), with their derivatives. float32 products accumulate in float, in the order a simple BLAS would; PyTorch's BLAS blocks
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
        if (db <= 2) {
            // Fold the batch dims of a into its rows: one mm (or mv), then a view back to the batch shape.
            int k = a.shape[da - 1];
            int[] shape = a.shape.clone();
            Tensor folded = a.reshape(-1, k);
            Tensor product = db == 2 ? folded.mm(b) : folded.mv(b);
            if (db == 2) {
                shape[da - 1] = b.shape[1];
            } else {
                shape = java.util.Arrays.copyOf(shape, da - 1);
            }
            return product.unsafeView(shape);
        }
        return batched(a, b);
    }

    /** Broadcast batch dims, then one bmm over all of them; 1-D operands get a temporary dim, as in PyTorch. */
    private static Tensor batched(Tensor a, Tensor b) {
        Tensor left = a.dim() == 1 ? a.unsqueeze(0) : a;
        Tensor right = b;
        int n = left.shape[left.dim() - 2];
        int k = left.shape[left.dim() - 1];
        int m = right.shape[right.dim() - 1];
        if (right.shape[right.dim() - 2] != k) {
            throw TorchException.runtime("Expected size for first two dimensions of batch2 tensor to be: ["
                    + Shapes.numel(java.util.Arrays.copyOf(left.shape, left.dim() - 2)) + ", " + k + "] but got: ["
                    + Shapes.numel(java.util.Arrays.copyOf(right.shape, right.dim() - 2)) + ", "
                    + right.shape[right.dim() - 2] + "].");
        }
        int[] batch = Shapes.broadcast(java.util.Arrays.copyOf(left.shape, left.dim() - 2),
                java.util.Arrays.copyOf(right.shape, right.dim() - 2));
        int batchSize = Shapes.numel(batch);
        int[] leftShape = java.util.Arrays.copyOf(batch, batch.length + 2);
        leftShape[batch.length] = n;
        leftShape[batch.length + 1] = k;
        int[] rightShape = java.util.Arrays.copyOf(batch, batch.length + 2);
        rightShape[batch.length] = k;
        rightShape[batch.length + 1] = m;
        Tensor product = left.expand(leftShape).reshape(batchSize, n, k).bmm(right.expand(rightShape).reshape(batchSize, k, m));
        int[] outShape = java.util.Arrays.copyOf(batch, batch.length + (a.dim() == 1 ? 1 : 2));
        if (a.dim() == 1) {
            outShape[batch.length] = m;
        } else {
            outShape[batch.length] = n;
            outShape[batch.length + 1] = m;
        }
        return product.unsafeView(outShape);
    }

    /** Mirrors {@code torch.bmm}: a batch of matrix products. */
    static Tensor bmm(Tensor a, Tensor b) {
        if (a.dim() != 3) {
            throw TorchException.runtime("batch1 must be a 3D tensor");
        }
        if (b.dim() != 3) {
            throw TorchException.runtime("batch2 must be a 3D tensor");
        }
        if (b.shape[0] != a.shape[0] || b.shape[1] != a.shape[2]) {
            throw TorchException.runtime("Expected size for first two dimensions of batch2 tensor to be: [" + a.shape[0]
                    + ", " + a.shape[2] + "] but got: [" + b.shape[0] + ", " + b.shape[1] + "].");
        }
        requireSameType(a, b, false);
        Tensor x = a.isContiguous() ? a : Reductions.contiguousCopy(a);
        Tensor y = b.isContiguous() ? b : Reductions.contiguousCopy(b);
        int batch = a.shape[0];
        int n = a.shape[1];
        int k = a.shape[2];
        int m = b.shape[2];
        Tensor out = Tensor.empty(new int[] {batch, n, m}, a.dtype());
        for (int i = 0; i < batch; i++) {
            gemm(x, x.offset + i * n * k, y, y.offset + i * k * m, out, i * n * m, n, k, m);
        }
        return Tensor.record(out, "BmmBackward0", (g, node) -> new Tensor[] {
                node.needsGrad(0) ? g.bmm(node.saved(1).transpose(1, 2)) : null,
                node.needsGrad(1) ? node.saved(0).transpose(1, 2).bmm(g) : null}, new Tensor[] {a, b}, a, b);
    }

    /** PyTorch 2.x's check in mm; mv and bmm keep ATen's older "expected scalar type" wording. */
    private static void requireSameType(Tensor a, Tensor b, boolean matrices) {
        if (a.dtype() != b.dtype()) {
            throw TorchException.runtime(matrices
                    ? "mat1 and mat2 must have the same dtype, but got " + typeName(a.dtype()) + " and " + typeName(b.dtype())
                    : "expected scalar type " + typeName(a.dtype()) + " but found " + typeName(b.dtype()));
        }
        if (a.dtype() == DType.BOOL) {
            throw TorchException.runtime("\"addmm_impl_cpu_\" not implemented for 'Bool'");
        }
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
        requireSameType(a, b, true);
        Tensor out = multiply(a, b);
        return Tensor.record(out, "MmBackward0", (g, n) -> new Tensor[] {
                n.needsGrad(0) ? g.mm(n.saved(1).t()) : null,
                n.needsGrad(1) ? n.saved(0).t().mm(g) : null}, new Tensor[] {a, b}, a, b);
    }

    /**
     * Mirrors {@code torch.addmm(input, mat1, mat2, beta, alpha)}: {@code beta * input + alpha * (mat1 @ mat2)},
     * rounded in the order of the BLAS under Debian's PyTorch.
     */
    static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2, double beta, double alpha) {
        if (mat1.dim() != 2) {
            throw TorchException.runtime("mat1 must be a matrix, got " + mat1.dim() + "-D tensor");
        }
        if (mat2.dim() != 2) {
            throw TorchException.runtime("mat2 must be a matrix, got " + mat2.dim() + "-D tensor");
        }
        if (mat1.shape[1] != mat2.shape[0]) {
            throw TorchException.runtime("mat1 and mat2 shapes cannot be multiplied (" + mat1.shape[0] + "x"
                    + mat1.shape[1] + " and " + mat2.shape[0] + "x" + mat2.shape[1] + ")");
        }
        requireSameType(mat1, mat2, true);
        requireSameType(input, mat1, true);
        int[] shape = {mat1.shape[0], mat2.shape[1]};
        Tensor scaledInput = Tensor.empty(shape, mat1.dtype());
        if (beta != 0) {
            Pointwise.copy(scaledInput, input.detach().expand(shape));
            if (beta != 1) {
                Pointwise.binaryInPlace(scaledInput, Tensor.wrap(beta), Arithmetic.MUL);
            }
        }
        // The BLAS under PyTorch accumulates the products onto the scaled input, except when mat2 is the
        // transpose of a contiguous matrix (a Linear layer's weight.t()): then it forms each dot product first
        // and adds the input after.
        boolean transposed = mat2.strides[0] == 1 && mat2.strides[1] == mat2.shape[0] && mat2.shape[0] > 1;
        boolean accumulateOntoInput = !transposed;
        Tensor out;
        if (accumulateOntoInput) {
            out = scaledInput;
            Tensor a = mat1.isContiguous() ? mat1 : Reductions.contiguousCopy(mat1);
            Tensor b = Reductions.contiguousCopy(mat2);
            if (alpha != 1) {
                // As in gemm's reference loop: alpha scales mat2's element before it multiplies mat1's.
                Pointwise.binaryInPlace(b, Tensor.wrap(alpha), Arithmetic.MUL);
            }
            gemm(a, a.offset, b, b.offset, out, 0, shape[0], mat1.shape[1], shape[1]);
        } else {
            out = multiply(mat1, mat2);
            if (alpha != 1) {
                Pointwise.binaryInPlace(out, Tensor.wrap(alpha), Arithmetic.MUL);
            }
            Pointwise.binaryInPlace(out, scaledInput, Arithmetic.ADD);
        }
        int[] inputShape = input.shape;
        return Tensor.record(out, "AddmmBackward0", (g, n) -> new Tensor[] {
                n.needsGrad(0) ? Arithmetic.sumToShape(beta == 1 ? g : g.mul(beta), inputShape) : null,
                n.needsGrad(1) ? g.mm(n.saved(1).t()).mul(alpha) : null,
                n.needsGrad(2) ? n.saved(0).t().mm(g).mul(alpha) : null}, new Tensor[] {input, mat1, mat2}, mat1, mat2);
    }

    /** Mirrors {@code torch.nn.functional.linear(x, weight, bias)}, dispatching as PyTorch does. */
    static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        if (x.dim() == 2 && bias != null) {
            return addmm(bias, x, weight.t(), 1, 1);
        }
        if (x.dim() == 3 && bias != null && x.isContiguous()) {
            // PyTorch folds the batch into rows for one addmm, then views the result back.
            int[] shape = {x.shape[0], x.shape[1], weight.shape[0]};
            return addmm(bias, x.view(-1, x.shape[2]), weight.t(), 1, 1).view(shape);
        }
        Tensor product = x.matmul(weight.t());
        return bias == null ? product : product.add(bias);
    }

    /** The raw product of two matrices, without autograd. */
    static Tensor multiply(Tensor a, Tensor b) {
        int rows = a.shape[0];
        int inner = a.shape[1];
        int cols = b.shape[1];
        Tensor x = a.isContiguous() ? a : Reductions.contiguousCopy(a);
        Tensor y = b.isContiguous() ? b : Reductions.contiguousCopy(b);
        Tensor out = Tensor.empty(new int[] {rows, cols}, a.dtype());
        gemm(x, x.offset, y, y.offset, out, 0, rows, inner, cols);
        return out;
    }

    /** {@code out[outStart..] = x[xStart..] (rows x inner) @ y[yStart..] (inner x cols)}, all contiguous. */
    private static void gemm(Tensor x, int xStart, Tensor y, int yStart, Tensor out, int outStart, int rows, int inner,
                             int cols) {
        long perRow = (long) inner * cols;
        long pending = 0;
        for (int i = 0; i < rows; i++) {
            switch (x.dtype()) {
                case FLOAT16, FLOAT32 -> rowTimesMatrix(x.storage.floats, xStart + i * inner, y.storage.floats, yStart,
                        out.storage.floats, outStart + i * cols, inner, cols);
                case FLOAT64 -> rowTimesMatrix(x.storage.doubles, xStart + i * inner, y.storage.doubles, yStart,
                        out.storage.doubles, outStart + i * cols, inner, cols);
                default -> rowTimesMatrix(x.storage.longs, xStart + i * inner, y.storage.longs, yStart,
                        out.storage.longs, outStart + i * cols, inner, cols);
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
        if (x.dtype() == DType.FLOAT16) {
            for (int i = outStart; i < outStart + rows * cols; i++) {
                out.storage.floats[i] = Half.round(out.storage.floats[i]);
            }
        }
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
        requireSameType(matrix, vector, false);
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
