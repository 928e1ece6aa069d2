package dev.optimlab.torch;

/**
 * The element types a tensor can hold; mirrors {@code torch.dtype}.
 *
 * <p>float32 is the default, as in PyTorch. float16 exists only as an emulation for teaching loss
 * scaling: values are rounded to half precision and stored in float arrays.
 */
public enum DType {
    FLOAT16("torch.float16", true, 2),
    FLOAT32("torch.float32", true, 4),
    FLOAT64("torch.float64", true, 8),
    INT64("torch.int64", false, 8),
    BOOL("torch.bool", false, 1);

    private final String pythonName;
    private final boolean floatingPoint;
    private final int itemSize;

    DType(String pythonName, boolean floatingPoint, int itemSize) {
        this.pythonName = pythonName;
        this.floatingPoint = floatingPoint;
        this.itemSize = itemSize;
    }

    /** The name PyTorch prints, e.g. {@code torch.float32}. */
    public String pythonName() {
        return pythonName;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** Bytes per element, as {@code Tensor.element_size()} reports. */
    public int itemSize() {
        return itemSize;
    }

    @Override
    public String toString() {
        return pythonName;
    }
}
