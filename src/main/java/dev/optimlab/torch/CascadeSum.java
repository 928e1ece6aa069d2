package dev.optimlab.torch;

/**
 * Sums float32 and float64 tensors in exactly the order of ATen's serial CPU sum ({@code cascade_sum} in
 * {@code SumKernel.cpp}, with {@code TensorIterator}'s dimension reordering and coalescing), so that
 * {@code sum} and {@code mean} give PyTorch's bits, not merely its values within tolerance.
 *
 * <p>ATen accumulates in the tensor's own type, four partial sums at a time, cascading partial sums
 * through four levels to bound rounding error, and with AVX2 vectors of 8 floats (4 doubles) where the
 * data is contiguous. PyTorch splits reductions of more than 32768 elements across threads when it has
 * several; this follows the single-thread order, which is also what any smaller tensor gets.
 */
final class CascadeSum {
    private static final int LEVELS = 4;
    private static final int ILP = 4;

    private final double[] in;
    private final float[] inFloats;
    private final boolean single;
    private final int lanes;
    private final double[] out;
    /** Elements summed since the guard was last told, and elements reported from inside the current slice. */
    private long pending;
    private long reportedInSlice;

    private CascadeSum(Tensor input, double[] out) {
        this.single = input.dtype() != DType.FLOAT64;
        this.inFloats = single ? input.storage.floats : null;
        this.in = single ? null : input.storage.doubles;
        this.lanes = single ? 8 : 4;
        this.out = out;
    }

    /**
     * Sums {@code input} over the dims flagged in {@code reduced}; returns the sums laid out as a contiguous
     * tensor of the keepdim shape would hold them.
     */
    static double[] sum(Tensor input, boolean[] reduced, int outputCount) {
        double[] out = new double[outputCount];
        int rank = input.dim();
        if (rank == 0) {
            out[0] = input.storage.getDouble(input.offset);
            return out;
        }
        int[] keepdim = new int[rank];
        for (int d = 0; d < rank; d++) {
            keepdim[d] = reduced[d] ? 1 : input.shape[d];
        }
        int[] outStrides = Shapes.contiguousStrides(keepdim);
        for (int d = 0; d < rank; d++) {
            if (reduced[d]) {
                outStrides[d] = 0;
            }
        }
        new CascadeSum(input, out).run(input.shape.clone(), outStrides, input.strides.clone(), input.offset);
        return out;
    }

    private double add(double a, double b) {
        return single ? (float) (a + b) : a + b;
    }

    private double load(int i) {
        return single ? inFloats[i] : in[i];
    }

    /** TensorIterator: reduced dims innermost, then by input stride; coalesce; run the 2-D loop per outer index. */
    private void run(int[] shape, int[] outStrides, int[] inStrides, int inOffset) {
        int rank = shape.length;
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = rank - 1 - i;
        }
        for (int i = 1; i < rank; i++) {
            int dim1 = i;
            for (int dim0 = i - 1; dim0 >= 0; dim0--) {
                int comparison = shouldSwap(perm[dim0], perm[dim1], shape, outStrides, inStrides);
                if (comparison > 0) {
                    int t = perm[dim0];
                    perm[dim0] = perm[dim1];
                    perm[dim1] = t;
                    dim1 = dim0;
                } else if (comparison < 0) {
                    break;
                }
            }
        }
        int[] size = new int[rank];
        int[] os = new int[rank];
        int[] is = new int[rank];
        for (int i = 0; i < rank; i++) {
            size[i] = shape[perm[i]];
            os[i] = outStrides[perm[i]];
            is[i] = inStrides[perm[i]];
        }
        int dims = coalesce(size, os, is);
        int size0 = size[0];
        int size1 = dims > 1 ? size[1] : 1;
        int[] outer = new int[Math.max(dims - 2, 0)];
        int outerCount = 1;
        for (int d = 2; d < dims; d++) {
            outerCount *= size[d];
        }
        int outBase = 0;
        int inBase = inOffset;
        for (int n = 0; n < outerCount; n++) {
            reportedInSlice = 0;
            loop2d(outBase, inBase, os[0], is[0], dims > 1 ? os[1] : 0, dims > 1 ? is[1] : 0, size0, size1);
            progress((long) size0 * size1 - reportedInSlice);
            for (int d = 0; d < outer.length; d++) {
                outer[d]++;
                outBase += os[d + 2];
                inBase += is[d + 2];
                if (outer[d] < size[d + 2]) {
                    break;
                }
                outBase -= os[d + 2] * size[d + 2];
                inBase -= is[d + 2] * size[d + 2];
                outer[d] = 0;
            }
        }
        if (pending > 0) {
            ComputeContext.checkpoint(pending);
        }
    }

    /** Tells the guard about summed elements once a block's worth has accumulated. */
    private void progress(long elements) {
        pending += elements;
        if (pending >= ComputeGuard.BLOCK) {
            ComputeContext.checkpoint(pending);
            pending = 0;
        }
    }

    private static int shouldSwap(int dim0, int dim1, int[] shape, int[] outStrides, int[] inStrides) {
        for (int operand = 0; operand < 2; operand++) {
            int[] strides = operand == 0 ? outStrides : inStrides;
            int s0 = strides[dim0];
            int s1 = strides[dim1];
            if (operand == 0 && (s0 == 0) != (s1 == 0)) {
                return s1 == 0 ? 1 : -1;
            }
            if (s0 == 0 || s1 == 0) {
                continue;
            }
            if (s0 < s1) {
                return -1;
            }
            if (s0 > s1) {
                return 1;
            }
            if (shape[dim0] > shape[dim1]) {
                return 1;
            }
        }
        return 0;
    }

    private static int coalesce(int[] size, int[] os, int[] is) {
        int rank = size.length;
        if (rank <= 1) {
            return rank;
        }
        int prev = 0;
        for (int dim = 1; dim < rank; dim++) {
            boolean can = size[prev] == 1 || size[dim] == 1
                    || ((long) size[prev] * os[prev] == os[dim] && (long) size[prev] * is[prev] == is[dim]);
            if (can) {
                if (size[prev] == 1) {
                    os[prev] = os[dim];
                    is[prev] = is[dim];
                }
                size[prev] *= size[dim];
            } else {
                prev++;
                if (prev != dim) {
                    os[prev] = os[dim];
                    is[prev] = is[dim];
                    size[prev] = size[dim];
                }
            }
        }
        return prev + 1;
    }

    /** The body of {@code cascade_sum}'s loop for one 2-D slice. */
    private void loop2d(int outBase, int inBase, int out0, int in0, int out1, int in1, int size0, int size1) {
        if (out0 != 0 && out1 == 0) {
            int t = out0;
            out0 = out1;
            out1 = t;
            t = in0;
            in0 = in1;
            in1 = t;
            t = size0;
            size0 = size1;
            size1 = t;
        }
        if (out0 != 0 && out1 != 0) {
            // Not a true reduction here: add the slice into the outputs element by element.
            for (int j = 0; j < size1; j++) {
                for (int i = 0; i < size0; i++) {
                    int o = outBase + j * out1 + i * out0;
                    out[o] = add(out[o], load(inBase + j * in1 + i * in0));
                }
            }
            return;
        }
        if (in0 == 1 && size0 >= lanes) {
            for (int j = 0; j < size1; j++) {
                store(outBase + j * out1, vectorizedInnerSum(inBase + j * in1, size0));
            }
        } else if (in1 == 1 && size1 >= lanes) {
            vectorizedOuterSum(outBase, out1, inBase, in0, size0, size1);
        } else if (in0 < in1) {
            for (int j = 0; j < size1; j++) {
                store(outBase + j * out1, rowSum(inBase + j * in1, in0, size0, 1)[0]);
            }
        } else {
            scalarOuterSum(outBase, out1, inBase, in0, in1, size0, size1);
        }
    }

    private void store(int index, double value) {
        out[index] = add(out[index], value);
    }

    private double vectorizedInnerSum(int base, int size0) {
        int vectors = size0 / lanes;
        double[] vector = rowSum(base, lanes, vectors, lanes);
        double total = 0;
        for (int k = vectors * lanes; k < size0; k++) {
            total = add(total, load(base + k));
        }
        for (int lane = 0; lane < lanes; lane++) {
            total = add(total, vector[lane]);
        }
        return total;
    }

    private void vectorizedOuterSum(int outBase, int outStride, int inBase, int innerStride, int size0, int size1) {
        int j = 0;
        for (; j + ILP * lanes <= size1; j += ILP * lanes) {
            double[][] sums = multiRowSum(inBase + j, innerStride, lanes, size0, ILP, lanes);
            for (int k = 0; k < ILP; k++) {
                for (int lane = 0; lane < lanes; lane++) {
                    store(outBase + (j + k * lanes + lane) * outStride, sums[k][lane]);
                }
            }
        }
        for (; j + lanes <= size1; j += lanes) {
            double[] sums = rowSum(inBase + j, innerStride, size0, lanes);
            for (int lane = 0; lane < lanes; lane++) {
                store(outBase + (j + lane) * outStride, sums[lane]);
            }
        }
        for (; j < size1; j++) {
            store(outBase + j * outStride, rowSum(inBase + j, innerStride, size0, 1)[0]);
        }
    }

    private void scalarOuterSum(int outBase, int outStride, int inBase, int in0, int in1, int size0, int size1) {
        int j = 0;
        for (; j + ILP - 1 < size1; j += ILP) {
            double[][] sums = multiRowSum(inBase + j * in1, in0, in1, size0, ILP, 1);
            for (int k = 0; k < ILP; k++) {
                store(outBase + (j + k) * outStride, sums[k][0]);
            }
        }
        for (; j < size1; j++) {
            store(outBase + j * outStride, rowSum(inBase + j * in1, in0, size0, 1)[0]);
        }
    }

    /** {@code row_sum}: four interleaved partial sums of width-wide loads, then folded together. */
    private double[] rowSum(int base, int stride, int size, int width) {
        int sizeIlp = size / ILP;
        double[][] partial = multiRowSum(base, stride * ILP, stride, sizeIlp, ILP, width);
        for (int i = sizeIlp * ILP; i < size; i++) {
            accumulate(partial[0], base + i * stride, width);
        }
        for (int k = 1; k < ILP; k++) {
            for (int lane = 0; lane < width; lane++) {
                partial[0][lane] = add(partial[0][lane], partial[k][lane]);
            }
        }
        return partial[0];
    }

    private void accumulate(double[] acc, int at, int width) {
        for (int lane = 0; lane < width; lane++) {
            acc[lane] = add(acc[lane], load(at + lane));
        }
    }

    /** {@code multi_row_sum}: {@code rows} running sums cascaded through four levels every 2^p steps. */
    private double[][] multiRowSum(int base, int rowStride, int colStride, int size, int rows, int width) {
        if (single) {
            return multiRowSumFloat(base, rowStride, colStride, size, rows, width);
        }
        int levelPower = Math.max(4, ceilLog2(size) / LEVELS);
        int levelStep = 1 << levelPower;
        long levelMask = levelStep - 1;
        int w = rows * width;
        // acc[level * w + k * width + lane], flat so that the hot loop indexes one array.
        double[] acc = new double[LEVELS * w];
        int i = 0;
        while (i + levelStep <= size) {
            addRows(acc, base + i * rowStride, rowStride, levelStep, rows, colStride, width);
            i += levelStep;
            for (int level = 1; level < LEVELS; level++) {
                for (int a = 0; a < w; a++) {
                    acc[level * w + a] = add(acc[level * w + a], acc[(level - 1) * w + a]);
                    acc[(level - 1) * w + a] = 0;
                }
                if ((i & (levelMask << (level * levelPower))) != 0) {
                    break;
                }
            }
            // Huge rows are one slice; report from inside so the guard can stop them.
            long block = (long) levelStep * w;
            reportedInSlice += block;
            progress(block);
        }
        addRows(acc, base + i * rowStride, rowStride, size - i, rows, colStride, width);
        for (int level = 1; level < LEVELS; level++) {
            for (int a = 0; a < w; a++) {
                acc[a] = add(acc[a], acc[level * w + a]);
            }
        }
        double[][] out = new double[rows][width];
        for (int k = 0; k < rows; k++) {
            System.arraycopy(acc, k * width, out[k], 0, width);
        }
        return out;
    }

    /** {@link #multiRowSum} for float32 data, with float accumulators. */
    private double[][] multiRowSumFloat(int base, int rowStride, int colStride, int size, int rows, int width) {
        int levelPower = Math.max(4, ceilLog2(size) / LEVELS);
        int levelStep = 1 << levelPower;
        long levelMask = levelStep - 1;
        int w = rows * width;
        float[] acc = new float[LEVELS * w];
        float[] x = inFloats;
        int i = 0;
        while (i <= size) {
            int count = i + levelStep <= size ? levelStep : size - i;
            int start = base + i * rowStride;
            if (width == 8) {
                for (int k = 0; k < rows; k++) {
                    addRowsFloat8(acc, k * width, x, start + k * colStride, rowStride, count);
                }
            } else {
                for (int r = 0, rowBase = start; r < count; r++, rowBase += rowStride) {
                    for (int k = 0; k < rows; k++) {
                        int at = rowBase + k * colStride;
                        int a = k * width;
                        for (int lane = 0; lane < width; lane++) {
                            acc[a + lane] += x[at + lane];
                        }
                    }
                }
            }
            i += count;
            if (count < levelStep) {
                break;
            }
            for (int level = 1; level < LEVELS; level++) {
                for (int a = 0; a < w; a++) {
                    acc[level * w + a] += acc[(level - 1) * w + a];
                    acc[(level - 1) * w + a] = 0;
                }
                if ((i & (levelMask << (level * levelPower))) != 0) {
                    break;
                }
            }
            long block = (long) levelStep * w;
            reportedInSlice += block;
            progress(block);
        }
        for (int level = 1; level < LEVELS; level++) {
            for (int a = 0; a < w; a++) {
                acc[a] += acc[level * w + a];
            }
        }
        double[][] out = new double[rows][width];
        for (int k = 0; k < rows; k++) {
            for (int lane = 0; lane < width; lane++) {
                out[k][lane] = acc[k * width + lane];
            }
        }
        return out;
    }

    /**
     * One AVX2 accumulator of 8 float lanes over {@code count} rows, kept in locals: each lane still adds its
     * values in row order, so the bits are those of the row-by-row loop, without a store per addition.
     */
    private static void addRowsFloat8(float[] acc, int a, float[] x, int at, int rowStride, int count) {
        float s0 = acc[a], s1 = acc[a + 1], s2 = acc[a + 2], s3 = acc[a + 3];
        float s4 = acc[a + 4], s5 = acc[a + 5], s6 = acc[a + 6], s7 = acc[a + 7];
        for (int r = 0; r < count; r++, at += rowStride) {
            s0 += x[at];
            s1 += x[at + 1];
            s2 += x[at + 2];
            s3 += x[at + 3];
            s4 += x[at + 4];
            s5 += x[at + 5];
            s6 += x[at + 6];
            s7 += x[at + 7];
        }
        acc[a] = s0;
        acc[a + 1] = s1;
        acc[a + 2] = s2;
        acc[a + 3] = s3;
        acc[a + 4] = s4;
        acc[a + 5] = s5;
        acc[a + 6] = s6;
        acc[a + 7] = s7;
    }

    /** Adds {@code count} consecutive rows of float64 data into the level-0 accumulators. */
    private void addRows(double[] acc, int start, int rowStride, int count, int rows, int colStride, int width) {
        double[] x = in;
        for (int i = 0, rowBase = start; i < count; i++, rowBase += rowStride) {
            for (int k = 0; k < rows; k++) {
                int at = rowBase + k * colStride;
                int a = k * width;
                for (int lane = 0; lane < width; lane++) {
                    acc[a + lane] += x[at + lane];
                }
            }
        }
    }

    private static int ceilLog2(int x) {
        if (x <= 2) {
            return 1;
        }
        return 32 - Integer.numberOfLeadingZeros(x - 1);
    }
}
