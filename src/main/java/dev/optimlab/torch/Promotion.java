package dev.optimlab.torch;

/**
 * PyTorch's type promotion ({@code at::result_type}): dimensioned tensors decide the type within a category,
 * zero-dim tensors and Python numbers only raise the category (bool &lt; integer &lt; floating), and a
 * Python float counts as the default dtype float32.
 */
final class Promotion {
    private Promotion() {
    }

    static DType result(Tensor a, Tensor b) {
        DType dims = null;
        DType zeroDims = null;
        DType wrapped = null;
        for (Tensor t : new Tensor[] {a, b}) {
            if (t.wrappedNumber) {
                wrapped = promoteSkipUndefined(wrapped, t.dtype().isFloatingPoint() ? DType.FLOAT32 : t.dtype());
            } else if (t.dim() == 0) {
                zeroDims = promoteSkipUndefined(zeroDims, t.dtype());
            } else {
                dims = promoteSkipUndefined(dims, t.dtype());
            }
        }
        return combineCategories(dims, combineCategories(zeroDims, wrapped));
    }

    /** The floating type an op like true division or exp computes in. */
    static DType floating(DType type) {
        return type.isFloatingPoint() ? type : DType.FLOAT32;
    }

    static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        int ca = category(a);
        int cb = category(b);
        if (ca != cb) {
            return ca > cb ? a : b;
        }
        return a.itemSize() >= b.itemSize() ? a : b;
    }

    private static int category(DType type) {
        return switch (type) {
            case BOOL -> 0;
            case INT64 -> 1;
            case FLOAT16, FLOAT32, FLOAT64 -> 2;
        };
    }

    private static DType promoteSkipUndefined(DType a, DType b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : promote(a, b);
    }

    private static DType combineCategories(DType higher, DType lower) {
        if (higher != null && higher.isFloatingPoint()) {
            return higher;
        }
        if (higher == DType.BOOL || (lower != null && lower.isFloatingPoint())) {
            return promoteSkipUndefined(higher, lower);
        }
        return higher != null ? higher : lower;
    }
}
