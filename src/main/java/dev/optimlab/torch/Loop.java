package dev.optimlab.torch;

/**
 * Walks several strided operands over one shape, row by row; a small cousin of ATen's TensorIterator.
 * Adjacent dimensions that are contiguous for every operand are merged, so contiguous tensors are visited
 * as one long row, cut into blocks at which the compute guard is consulted.
 */
final class Loop {
    private Loop() {
    }

    /** Receives {@code n} elements per operand starting at {@code offsets[k]} and stepping by {@code steps[k]}. */
    @FunctionalInterface
    interface Row {
        void run(int[] offsets, int[] steps, int n);
    }

    static void forEach(int[] shape, int[][] strides, int[] base, Row row) {
        int total = Shapes.numel(shape);
        if (total == 0) {
            return;
        }
        int operands = strides.length;
        int[] sizes = new int[shape.length];
        int[][] steps = new int[operands][shape.length];
        int rank = 0;
        // Walk from the innermost dimension outwards, dropping size-1 dims and merging contiguous ones.
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 1) {
                continue;
            }
            if (rank > 0 && mergeable(strides, steps, sizes, rank - 1, d)) {
                sizes[rank - 1] *= shape[d];
                continue;
            }
            sizes[rank] = shape[d];
            for (int k = 0; k < operands; k++) {
                steps[k][rank] = strides[k][d];
            }
            rank++;
        }
        int[] offsets = base.clone();
        int[] inner = new int[operands];
        if (rank == 0) {
            row.run(offsets, inner, 1);
            ComputeContext.checkpoint(1);
            return;
        }
        // Dimension 0 of sizes/steps is now the innermost.
        int n = sizes[0];
        for (int k = 0; k < operands; k++) {
            inner[k] = steps[k][0];
        }
        int outer = total / n;
        int[] index = new int[rank];
        int[] rowStart = new int[operands];
        long pending = 0;
        for (int r = 0; r < outer; r++) {
            System.arraycopy(offsets, 0, rowStart, 0, operands);
            for (int done = 0; done < n; ) {
                int chunk = Math.min(n - done, ComputeGuard.BLOCK);
                row.run(rowStart, inner, chunk);
                done += chunk;
                pending += chunk;
                if (pending >= ComputeGuard.BLOCK) {
                    ComputeContext.checkpoint(pending);
                    pending = 0;
                }
                if (done < n) {
                    for (int k = 0; k < operands; k++) {
                        rowStart[k] += inner[k] * chunk;
                    }
                }
            }
            for (int d = 1; d < rank; d++) {
                index[d]++;
                for (int k = 0; k < operands; k++) {
                    offsets[k] += steps[k][d];
                }
                if (index[d] < sizes[d]) {
                    break;
                }
                for (int k = 0; k < operands; k++) {
                    offsets[k] -= steps[k][d] * sizes[d];
                }
                index[d] = 0;
            }
        }
        if (pending > 0) {
            ComputeContext.checkpoint(pending);
        }
    }

    private static boolean mergeable(int[][] strides, int[][] steps, int[] sizes, int last, int d) {
        for (int k = 0; k < strides.length; k++) {
            if ((long) strides[k][d] != (long) steps[k][last] * sizes[last]) {
                return false;
            }
        }
        return true;
    }
}
