package dev.optimlab.torch;

import java.util.Arrays;

/** Shape and stride arithmetic shared by the kernels; mirrors ATen's ExpandUtils and TensorUtils helpers. */
final class Shapes {
    private Shapes() {
    }

    static int numel(int[] shape) {
        long n = 1;
        for (int size : shape) {
            n *= size;
        }
        if (n > Integer.MAX_VALUE) {
            throw TorchException.runtime("tensor of " + n + " elements is larger than this implementation supports");
        }
        return (int) n;
    }

    static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** Wraps a possibly negative dimension as {@code maybe_wrap_dim} does, with PyTorch's IndexError. */
    static int wrapDim(int dim, int rank) {
        int effective = Math.max(rank, 1);
        if (dim < -effective || dim >= effective) {
            throw TorchException.index("Dimension out of range (expected to be in range of [" + (-effective)
                    + ", " + (effective - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + effective : dim;
    }

    /** NumPy broadcasting of two shapes, with PyTorch's message on a mismatch. */
    static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = rank - 1; i >= 0; i--) {
            int ia = i - (rank - a.length);
            int ib = i - (rank - b.length);
            int sa = ia >= 0 ? a[ia] : 1;
            int sb = ib >= 0 ? b[ib] : 1;
            if (sa != sb && sa != 1 && sb != 1) {
                throw TorchException.runtime("The size of tensor a (" + sa + ") must match the size of tensor b ("
                        + sb + ") at non-singleton dimension " + i);
            }
            out[i] = sa == 1 ? sb : sa;
        }
        return out;
    }

    /** Strides that read {@code shape}/{@code strides} as if expanded to {@code target} (0 on broadcast dims). */
    static int[] broadcastStrides(int[] shape, int[] strides, int[] target) {
        int[] out = new int[target.length];
        int shift = target.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            out[i + shift] = shape[i] == 1 && target[i + shift] != 1 ? 0 : strides[i];
        }
        return out;
    }

    /** Python's repr of a list of ints, as in PyTorch's messages: {@code [2, 3]}. */
    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** {@code torch.Size([2, 3])} as PyTorch prints it. */
    static String sizeRepr(int[] shape) {
        return "torch.Size(" + Arrays.toString(shape) + ")";
    }

    /** Resolves one {@code -1} in a requested shape, with the errors of {@code infer_size}. */
    static int[] inferSize(int[] requested, int numel) {
        int[] shape = requested.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (inferred >= 0) {
                    throw TorchException.runtime("only one dimension can be inferred");
                }
                inferred = i;
            } else if (shape[i] < 0) {
                throw TorchException.runtime("invalid shape dimension " + shape[i]);
            } else {
                known *= shape[i];
            }
        }
        if (inferred >= 0 && known != 0 && numel % known == 0) {
            shape[inferred] = (int) (numel / known);
            return shape;
        }
        if (inferred < 0 && known == numel) {
            return shape;
        }
        throw TorchException.runtime("shape '" + str(requested) + "' is invalid for input of size " + numel);
    }

    /**
     * Strides for viewing {@code oldShape}/{@code oldStrides} as {@code newShape} without copying, or null if
     * impossible; a port of ATen's {@code computeStride}.
     */
    static int[] viewStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
        int[] newStrides = new int[newShape.length];
        if (numel(oldShape) == 0) {
            return contiguousStrides(newShape);
        }
        int viewD = newShape.length - 1;
        long chunkBaseStride = oldStrides.length > 0 ? oldStrides[oldStrides.length - 1] : 1;
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= oldShape[tensorD];
            if (tensorD == 0 || (oldShape[tensorD - 1] != 1
                    && oldStrides[tensorD - 1] != tensorNumel * chunkBaseStride)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStrides[viewD] = (int) (viewNumel * chunkBaseStride);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (tensorD > 0) {
                    chunkBaseStride = oldStrides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStrides : null;
    }
}
