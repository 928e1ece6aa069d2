package dev.optimlab.torch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A strided view of typed storage with autograd metadata; mirrors {@code torch.Tensor}.
 *
 * <p>Method names follow PyTorch's (in-place methods keep the trailing underscore; Python names that are
 * Java keywords get a {@code to} prefix: {@code toFloat()} is {@code Tensor.float()}). Kernels live in
 * package-private classes: {@link Pointwise}, {@link Arithmetic}, {@link Reductions}, {@link LinearAlgebra},
 * {@link Indexing}.
 */
public final class Tensor {
    final Storage storage;
    final int[] shape;
    final int[] strides;
    final int offset;
    /** The tensor this one is a view of (PyTorch's {@code _base}), or null. */
    final Tensor base;
    /** Set on 0-dim tensors made from Python numbers, which take part in type promotion more weakly. */
    boolean wrappedNumber;
    /** Set on tensors made by {@link #asParameter(boolean)}: {@code nn.Parameter}'s instances. */
    private boolean parameter;

    private boolean requiresGrad;
    private Tensor grad;
    private Node gradFn;
    private Node gradAccumulator;

    Tensor(Storage storage, int[] shape, int[] strides, int offset, Tensor base) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.base = base;
    }

    /** A new contiguous tensor of the given shape; its contents are zero (PyTorch leaves them undefined). */
    static Tensor empty(int[] shape, DType dtype) {
        return new Tensor(Storage.allocate(dtype, Shapes.numel(shape)), shape.clone(), Shapes.contiguousStrides(shape), 0, null);
    }

    static Tensor of(Storage storage, int... shape) {
        return new Tensor(storage, shape.clone(), Shapes.contiguousStrides(shape), 0, null);
    }

    /** A Python float as an operand: a wrapped 0-dim float64 that promotes like the default dtype. */
    static Tensor wrap(double value) {
        Tensor t = of(Storage.ofDoubles(new double[] {value}));
        t.wrappedNumber = true;
        return t;
    }

    /** A Python int as an operand. */
    static Tensor wrap(long value) {
        Tensor t = of(Storage.ofLongs(new long[] {value}));
        t.wrappedNumber = true;
        return t;
    }

    // ---------------------------------------------------------------- metadata

    public DType dtype() {
        return storage.dtype;
    }

    /** Mirrors {@code tensor.shape} / {@code tensor.size()}. */
    public int[] shape() {
        return shape.clone();
    }

    public int[] size() {
        return shape.clone();
    }

    public int size(int dim) {
        return shape[Shapes.wrapDim(dim, shape.length)];
    }

    public int[] stride() {
        return strides.clone();
    }

    public int storageOffset() {
        return offset;
    }

    public int dim() {
        return shape.length;
    }

    public int numel() {
        return Shapes.numel(shape);
    }

    /** Mirrors {@code element_size()}. */
    public int elementSize() {
        return dtype().itemSize();
    }

    public boolean isFloatingPoint() {
        return dtype().isFloatingPoint();
    }

    /** The version counter of the storage, bumped by every in-place change ({@code tensor._version}). */
    public int version() {
        return storage.version;
    }

    /** Whether this tensor and {@code other} share storage (both views of the same memory). */
    public boolean sharesStorageWith(Tensor other) {
        return storage == other.storage;
    }

    public boolean isContiguous() {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1) {
                if (strides[d] != expected) {
                    return false;
                }
                expected *= shape[d];
            }
        }
        return true;
    }

    /** The legacy type name used in some PyTorch messages, e.g. {@code torch.FloatTensor}. */
    String legacyTypeName() {
        return switch (dtype()) {
            case FLOAT16 -> "torch.HalfTensor";
            case FLOAT32 -> "torch.FloatTensor";
            case FLOAT64 -> "torch.DoubleTensor";
            case INT64 -> "torch.LongTensor";
            case BOOL -> "torch.BoolTensor";
        };
    }

    // ---------------------------------------------------------------- autograd state

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Mirrors {@code requires_grad_()}, with PyTorch's errors for non-leaves and non-float dtypes. */
    public Tensor requiresGrad_(boolean requires) {
        if (gradFn != null) {
            if (!requires) {
                throw TorchException.runtime("you can only change requires_grad flags of leaf variables. If you want "
                        + "to use a computed variable in a subgraph that doesn't require differentiation use "
                        + "var_no_grad = var.detach().");
            }
            return this;
        }
        if (requires && !dtype().isFloatingPoint()) {
            throw TorchException.runtime("only Tensors of floating point dtype can require gradients");
        }
        requiresGrad = requires;
        return this;
    }

    public Tensor requiresGrad_() {
        return requiresGrad_(true);
    }

    /** Mirrors {@code tensor.grad}; null until a backward pass reaches this leaf. */
    public Tensor grad() {
        return grad;
    }

    /** Mirrors assigning {@code tensor.grad = g} (null clears it, as {@code zero_grad(set_to_none=True)}). */
    public void setGrad(Tensor grad) {
        if (grad != null && !Arrays.equals(grad.shape, shape)) {
            throw TorchException.runtime("assigned grad has data of a different size");
        }
        this.grad = grad;
    }

    /** Mirrors {@code grad_fn}: null for leaves. */
    public Node gradFn() {
        return gradFn;
    }

    public boolean isLeaf() {
        return gradFn == null;
    }

    /** Mirrors {@code retain_grad()}: a non-leaf keeps its gradient in {@code .grad} after backward. */
    public void retainGrad() {
        if (!requiresGrad) {
            throw TorchException.runtime("can't retain_grad on Tensor that has requires_grad=False");
        }
        if (gradFn != null) {
            gradFn.retainedOutput = this;
        }
    }

    public boolean retainsGrad() {
        return gradFn != null && gradFn.retainedOutput == this;
    }

    Node gradAccumulator() {
        if (gradAccumulator == null) {
            gradAccumulator = new Node(this);
        }
        return gradAccumulator;
    }

    private Node gradEdge() {
        return gradFn != null ? gradFn : gradAccumulator();
    }

    /** Mirrors {@code detach()}: same storage, no history. */
    public Tensor detach() {
        return new Tensor(storage, shape, strides, offset, null);
    }

    /**
     * Mirrors {@code nn.Parameter(data, requires_grad)}: a leaf sharing this tensor's memory, marked as a
     * parameter so that it prints as {@code Parameter containing:}. Results of ops on it are plain tensors.
     */
    public Tensor asParameter(boolean requiresGrad) {
        Tensor p = new Tensor(storage, shape, strides, offset, null);
        p.parameter = true;
        return p.requiresGrad_(requiresGrad);
    }

    /** Whether this tensor is an {@code nn.Parameter}. */
    public boolean isParameter() {
        return parameter;
    }

    /** Mirrors {@code tensor.data}: the same storage seen outside autograd. */
    public Tensor data() {
        return detach();
    }

    /** Mirrors {@code backward()} on a scalar. */
    public void backward() {
        backward(null, false);
    }

    /** Mirrors {@code backward(gradient, retain_graph)}; a null gradient is only allowed for scalars. */
    public void backward(Tensor gradient, boolean retainGraph) {
        Tensor seed = gradient;
        if (seed == null) {
            if (requiresGrad && numel() != 1) {
                throw TorchException.runtime("grad can be implicitly created only for scalar outputs");
            }
            seed = Torch.onesLike(this);
        } else if (!Arrays.equals(seed.shape, shape)) {
            throw TorchException.runtime("Mismatch in shape: grad_output[0] has a shape of " + Shapes.sizeRepr(seed.shape)
                    + " and output[0] has a shape of " + Shapes.sizeRepr(shape) + ".");
        }
        Engine.backward(this, seed.detach(), retainGraph);
    }

    /** Records {@code out} as produced by a differentiable op if grad mode is on and an input requires grad. */
    static Tensor record(Tensor out, String name, Node.Backward backward, Tensor[] inputs, Tensor... saved) {
        if (!ComputeContext.current().isGradEnabled()) {
            return out;
        }
        boolean any = false;
        for (Tensor input : inputs) {
            any |= input.requiresGrad;
        }
        if (!any) {
            return out;
        }
        Node[] next = new Node[inputs.length];
        DType[] types = new DType[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            next[i] = inputs[i].requiresGrad ? inputs[i].gradEdge() : null;
            types[i] = inputs[i].dtype();
        }
        out.requiresGrad = true;
        out.gradFn = new Node(name, next, types, backward, saved);
        out.gradFn.ownOutput(out);
        return out;
    }

    static Tensor record(Tensor out, String name, Node.Backward backward, Tensor input, Tensor... saved) {
        return record(out, name, backward, new Tensor[] {input}, saved);
    }

    static boolean recording(Tensor... inputs) {
        if (!ComputeContext.current().isGradEnabled()) {
            return false;
        }
        for (Tensor input : inputs) {
            if (input.requiresGrad) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- conversion and copies

    /** Same values in {@code type}, without autograd; this tensor itself if it already has that type. */
    Tensor convertedTo(DType type) {
        if (type == dtype()) {
            return this;
        }
        Tensor out = empty(shape, type);
        Pointwise.copy(out, this);
        return out;
    }

    /** Mirrors {@code to(dtype)}. */
    public Tensor to(DType type) {
        if (type == dtype()) {
            return this;
        }
        DType original = dtype();
        if (!type.isFloatingPoint()) {
            return convertedTo(type);
        }
        return record(convertedTo(type), "ToCopyBackward0", (g, n) -> new Tensor[] {g.convertedTo(original)}, this);
    }

    /** Mirrors {@code Tensor.float()}. */
    public Tensor toFloat() {
        return to(DType.FLOAT32);
    }

    /** Mirrors {@code Tensor.double()}. */
    public Tensor toDouble() {
        return to(DType.FLOAT64);
    }

    /** Mirrors {@code Tensor.long()}. */
    public Tensor toLong() {
        return to(DType.INT64);
    }

    /** Mirrors {@code Tensor.bool()}. */
    public Tensor toBool() {
        return to(DType.BOOL);
    }

    /** Mirrors {@code Tensor.half()}. */
    public Tensor toHalf() {
        return to(DType.FLOAT16);
    }

    public Tensor clone() {
        Tensor out = empty(shape, dtype());
        Pointwise.copy(out, this);
        return record(out, "CloneBackward0", (g, n) -> new Tensor[] {g}, this);
    }

    public Tensor contiguous() {
        return isContiguous() ? this : clone();
    }

    /** Mirrors {@code item()}: a Double, Long or Boolean as Python's float, int or bool. */
    public Object item() {
        if (numel() != 1) {
            throw TorchException.value("only one element tensors can be converted to Python scalars");
        }
        return switch (dtype()) {
            case FLOAT16, FLOAT32, FLOAT64 -> storage.getDouble(offset);
            case INT64 -> storage.getLong(offset);
            case BOOL -> storage.getBool(offset);
        };
    }

    /** {@code item()} as a double, for callers that know the tensor is numeric. */
    public double itemDouble() {
        if (numel() != 1) {
            throw TorchException.value("only one element tensors can be converted to Python scalars");
        }
        return storage.getDouble(offset);
    }

    /** Mirrors {@code tolist()}: nested lists of Double, Long or Boolean; a scalar for 0-dim tensors. */
    public Object tolist() {
        return tolist(0, offset);
    }

    private Object tolist(int dim, int position) {
        if (dim == shape.length) {
            return switch (dtype()) {
                case FLOAT16, FLOAT32, FLOAT64 -> storage.getDouble(position);
                case INT64 -> storage.getLong(position);
                case BOOL -> storage.getBool(position);
            };
        }
        List<Object> list = new ArrayList<>(shape[dim]);
        for (int i = 0; i < shape[dim]; i++) {
            list.add(tolist(dim + 1, position + i * strides[dim]));
        }
        return list;
    }

    /** The values in row-major order as doubles (for printing and tests). */
    public double[] toDoubleArray() {
        Tensor c = contiguous();
        double[] out = new double[numel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.storage.getDouble(c.offset + i);
        }
        return out;
    }

    /** The values in row-major order as longs (for int64 and bool tensors). */
    public long[] toLongArray() {
        Tensor c = contiguous();
        long[] out = new long[numel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.storage.getLong(c.offset + i);
        }
        return out;
    }

    /** The values in row-major order as booleans (for bool tensors). */
    public boolean[] toBooleanArray() {
        Tensor c = contiguous();
        boolean[] out = new boolean[numel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.storage.getBool(c.offset + i);
        }
        return out;
    }

    // ---------------------------------------------------------------- views

    private Tensor viewOf(int[] newShape, int[] newStrides, int newOffset) {
        return new Tensor(storage, newShape, newStrides, newOffset, base != null ? base : this);
    }

    /** Mirrors {@code view(*shape)}: no copy, or PyTorch's error when the strides do not allow one. */
    public Tensor view(int... requested) {
        int[] newShape = Shapes.inferSize(requested, numel());
        int[] newStrides = Shapes.viewStrides(shape, strides, newShape);
        if (newStrides == null) {
            throw TorchException.runtime("view size is not compatible with input tensor's size and stride (at least "
                    + "one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        return viewRecorded(newShape, newStrides, offset, "ViewBackward0");
    }

    private Tensor viewRecorded(int[] newShape, int[] newStrides, int newOffset, String name) {
        int[] inputShape = shape;
        return record(viewOf(newShape, newStrides, newOffset), name,
                (g, n) -> new Tensor[] {g.reshape(inputShape)}, this);
    }

    /** Mirrors {@code reshape(*shape)}: a view when possible, otherwise a copy. */
    public Tensor reshape(int... requested) {
        int[] newShape = Shapes.inferSize(requested, numel());
        int[] newStrides = Shapes.viewStrides(shape, strides, newShape);
        if (newStrides != null) {
            return viewRecorded(newShape, newStrides, offset, "ViewBackward0");
        }
        Tensor copy = clone();
        return copy.viewRecorded(newShape, Shapes.contiguousStrides(newShape), copy.offset, "UnsafeViewBackward0");
    }

    /** ATen's {@code _unsafe_view}: a reshape of a fresh result, recorded as UnsafeViewBackward0. */
    Tensor unsafeView(int... newShape) {
        Tensor c = contiguous();
        return c.viewRecorded(newShape, Shapes.contiguousStrides(newShape), c.offset, "UnsafeViewBackward0");
    }

    /** Mirrors {@code view_as}/{@code reshape_as}. */
    public Tensor reshapeAs(Tensor other) {
        return reshape(other.shape);
    }

    public Tensor flatten() {
        return flatten(0, -1);
    }

    /** Mirrors {@code flatten(start_dim, end_dim)}. */
    public Tensor flatten(int startDim, int endDim) {
        if (shape.length == 0) {
            return reshape(1);
        }
        int start = Shapes.wrapDim(startDim, shape.length);
        int end = Shapes.wrapDim(endDim, shape.length);
        if (start > end) {
            throw TorchException.runtime("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        if (start == end) {
            return this;
        }
        int[] newShape = new int[shape.length - (end - start)];
        int k = 0;
        for (int d = 0; d < start; d++) {
            newShape[k++] = shape[d];
        }
        int merged = 1;
        for (int d = start; d <= end; d++) {
            merged *= shape[d];
        }
        newShape[k++] = merged;
        for (int d = end + 1; d < shape.length; d++) {
            newShape[k++] = shape[d];
        }
        return reshape(newShape);
    }

    public Tensor transpose(int dim0, int dim1) {
        int a = Shapes.wrapDim(dim0, shape.length);
        int b = Shapes.wrapDim(dim1, shape.length);
        int[] newShape = shape.clone();
        int[] newStrides = strides.clone();
        newShape[a] = shape[b];
        newShape[b] = shape[a];
        newStrides[a] = strides[b];
        newStrides[b] = strides[a];
        return record(viewOf(newShape, newStrides, offset), "TransposeBackward0",
                (g, n) -> new Tensor[] {g.transpose(a, b)}, this);
    }

    /** Mirrors {@code t()}: transposes a 2-D tensor, returns 0-D and 1-D tensors as they are. */
    public Tensor t() {
        if (shape.length > 2) {
            throw TorchException.runtime("t() expects a tensor with <= 2 dimensions, but self is " + shape.length + "D");
        }
        if (shape.length < 2) {
            return record(viewOf(shape, strides, offset), "TBackward0", (g, n) -> new Tensor[] {g}, this);
        }
        int[] newShape = {shape[1], shape[0]};
        int[] newStrides = {strides[1], strides[0]};
        return record(viewOf(newShape, newStrides, offset), "TBackward0", (g, n) -> new Tensor[] {g.t()}, this);
    }

    /** Mirrors the attribute {@code T}: all dimensions reversed. */
    public Tensor T() {
        int[] order = new int[shape.length];
        for (int d = 0; d < order.length; d++) {
            order[d] = order.length - 1 - d;
        }
        return permute(order);
    }

    public Tensor permute(int... dims) {
        if (dims.length != shape.length) {
            throw TorchException.runtime("permute(sparse_coo): number of dimensions in the tensor input does not match "
                    + "the length of the desired ordering of dimensions i.e. input.dim() = " + shape.length
                    + " is not equal to len(dims) = " + dims.length);
        }
        int[] order = new int[dims.length];
        int[] inverse = new int[dims.length];
        boolean[] used = new boolean[dims.length];
        int[] newShape = new int[dims.length];
        int[] newStrides = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            int d = Shapes.wrapDim(dims[i], shape.length);
            if (used[d]) {
                throw TorchException.runtime("permute(): duplicate dims are not allowed.");
            }
            used[d] = true;
            order[i] = d;
            inverse[d] = i;
            newShape[i] = shape[d];
            newStrides[i] = strides[d];
        }
        return record(viewOf(newShape, newStrides, offset), "PermuteBackward0",
                (g, n) -> new Tensor[] {g.permute(inverse)}, this);
    }

    /** Mirrors {@code squeeze()}: drops every dimension of size 1. */
    public Tensor squeeze() {
        int kept = 0;
        for (int size : shape) {
            kept += size == 1 ? 0 : 1;
        }
        int[] newShape = new int[kept];
        int[] newStrides = new int[kept];
        int k = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] != 1) {
                newShape[k] = shape[d];
                newStrides[k++] = strides[d];
            }
        }
        return viewRecorded(newShape, newStrides, offset, "SqueezeBackward0");
    }

    /** Mirrors {@code squeeze(dim)}: drops that dimension if its size is 1. */
    public Tensor squeeze(int dim) {
        return squeezeNamed(dim, "SqueezeBackward1");
    }

    Tensor squeezeNamed(int dim, String name) {
        int d = Shapes.wrapDim(dim, shape.length);
        if (shape.length == 0 || shape[d] != 1) {
            return viewRecorded(shape, strides, offset, name);
        }
        int[] newShape = new int[shape.length - 1];
        int[] newStrides = new int[shape.length - 1];
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (i != d) {
                newShape[k] = shape[i];
                newStrides[k++] = strides[i];
            }
        }
        return viewRecorded(newShape, newStrides, offset, name);
    }

    public Tensor unsqueeze(int dim) {
        int d = Shapes.wrapDim(dim, shape.length + 1);
        int[] newShape = new int[shape.length + 1];
        int[] newStrides = new int[shape.length + 1];
        for (int i = 0, k = 0; i <= shape.length; i++) {
            if (i == d) {
                newShape[i] = 1;
                newStrides[i] = d < shape.length ? strides[d] * shape[d] : 1;
            } else {
                newShape[i] = shape[k];
                newStrides[i] = strides[k++];
            }
        }
        return viewRecorded(newShape, newStrides, offset, "UnsqueezeBackward0");
    }

    /** Mirrors {@code expand(*sizes)}: broadcast without copying; -1 keeps a size. */
    public Tensor expand(int... sizes) {
        if (sizes.length < shape.length) {
            throw TorchException.runtime("expand(" + legacyTypeName() + "{" + Shapes.str(shape) + "}, size="
                    + Shapes.str(sizes) + "): the number of sizes provided (" + sizes.length + ") must be greater or "
                    + "equal to the number of dimensions in the tensor (" + shape.length + ")");
        }
        int[] newShape = new int[sizes.length];
        int[] newStrides = new int[sizes.length];
        int shift = sizes.length - shape.length;
        for (int i = sizes.length - 1; i >= 0; i--) {
            int d = i - shift;
            int target = sizes[i];
            if (d < 0) {
                if (target < 0) {
                    throw TorchException.runtime("The expanded size of the tensor (" + target + ") isn't allowed in a "
                            + "leading, non-existing dimension " + i);
                }
                newShape[i] = target;
                newStrides[i] = 0;
            } else if (target == -1 || target == shape[d]) {
                newShape[i] = shape[d];
                newStrides[i] = strides[d];
            } else if (shape[d] == 1) {
                newShape[i] = target;
                newStrides[i] = 0;
            } else {
                throw TorchException.runtime("The expanded size of the tensor (" + target + ") must match the existing "
                        + "size (" + shape[d] + ") at non-singleton dimension " + i + ".  Target sizes: "
                        + Shapes.str(sizes) + ".  Tensor sizes: " + Shapes.str(shape));
            }
        }
        int[] inputShape = shape;
        return record(viewOf(newShape, newStrides, offset), "ExpandBackward0",
                (g, n) -> new Tensor[] {Arithmetic.sumToShape(g, inputShape)}, this);
    }

    public Tensor expandAs(Tensor other) {
        return expand(other.shape);
    }

    /** Mirrors {@code select(dim, index)}: removes a dimension by picking one position. */
    public Tensor select(int dim, long index) {
        if (shape.length == 0) {
            throw TorchException.index("select() cannot be applied to a 0-dim tensor.");
        }
        int d = Shapes.wrapDim(dim, shape.length);
        long i = index < 0 ? index + shape[d] : index;
        if (i < 0 || i >= shape[d]) {
            throw TorchException.index("index " + index + " is out of bounds for dimension " + d + " with size " + shape[d]);
        }
        int[] newShape = new int[shape.length - 1];
        int[] newStrides = new int[shape.length - 1];
        for (int k = 0, j = 0; k < shape.length; k++) {
            if (k != d) {
                newShape[j] = shape[k];
                newStrides[j++] = strides[k];
            }
        }
        int position = (int) i;
        int[] inputShape = shape;
        return record(viewOf(newShape, newStrides, offset + position * strides[d]), "SelectBackward0",
                (g, n) -> new Tensor[] {scatterIntoZeros(g, inputShape, z -> z.select(d, position))}, this);
    }

    /** Mirrors Python slicing {@code x[start:stop:step]} along one dimension, with Python's clamping. */
    public Tensor slice(int dim, Long start, Long stop, long step) {
        if (step <= 0) {
            throw TorchException.value("step must be greater than zero");
        }
        int d = Shapes.wrapDim(dim, shape.length);
        int size = shape[d];
        long from = start == null ? 0 : start < 0 ? Math.max(start + size, 0) : Math.min(start, size);
        long to = stop == null ? size : stop < 0 ? Math.max(stop + size, 0) : Math.min(stop, size);
        int length = (int) (to <= from ? 0 : (to - from + step - 1) / step);
        int[] newShape = shape.clone();
        int[] newStrides = strides.clone();
        newShape[d] = length;
        newStrides[d] = (int) (strides[d] * step);
        int first = (int) from;
        int[] inputShape = shape;
        return record(viewOf(newShape, newStrides, offset + first * strides[d]), "SliceBackward0",
                (g, n) -> new Tensor[] {scatterIntoZeros(g, inputShape, z -> z.slice(d, (long) first, to, step))}, this);
    }

    /** Mirrors {@code narrow(dim, start, length)}. */
    public Tensor narrow(int dim, long start, long length) {
        int d = Shapes.wrapDim(dim, shape.length);
        long begin = start < 0 ? start + shape[d] : start;
        if (begin < 0 || length < 0 || begin + length > shape[d]) {
            throw TorchException.runtime("start (" + start + ") + length (" + length + ") exceeds dimension size ("
                    + shape[d] + ").");
        }
        return slice(d, begin, begin + length, 1);
    }

    /** The gradient of a strided view: zeros of the input's shape with {@code grad} written into the same view. */
    private static Tensor scatterIntoZeros(Tensor grad, int[] inputShape, UnaryOperator<Tensor> sameView) {
        Tensor zeros = empty(inputShape, grad.dtype());
        Pointwise.copy(sameView.apply(zeros), grad);
        return zeros;
    }

    /** Mirrors {@code x[i, j:k, None, ..., mask]}: basic items give views, a tensor item a gathered copy. */
    public Tensor index(Index... items) {
        return Indexing.get(this, items);
    }

    /** Mirrors {@code x[...] = value}: writes into this tensor's memory (broadcasting value). */
    public Tensor indexPut_(Index[] items, Tensor value) {
        Indexing.put(this, items, value);
        return this;
    }

    /** Mirrors {@code x[...] = number}. */
    public Tensor indexPut_(Index[] items, double value) {
        Indexing.put(this, items, wrap(value));
        return this;
    }

    // ---------------------------------------------------------------- arithmetic (see Arithmetic)

    public Tensor add(Tensor other) {
        return Arithmetic.add(this, other, 1);
    }

    /** Mirrors {@code add(other, alpha=alpha)}. */
    public Tensor add(Tensor other, double alpha) {
        return Arithmetic.add(this, other, alpha);
    }

    public Tensor add(double other) {
        return Arithmetic.add(this, wrap(other), 1);
    }

    public Tensor add(long other) {
        return Arithmetic.add(this, wrap(other), 1);
    }

    public Tensor sub(Tensor other) {
        return Arithmetic.sub(this, other, 1);
    }

    public Tensor sub(Tensor other, double alpha) {
        return Arithmetic.sub(this, other, alpha);
    }

    public Tensor sub(double other) {
        return Arithmetic.sub(this, wrap(other), 1);
    }

    public Tensor sub(long other) {
        return Arithmetic.sub(this, wrap(other), 1);
    }

    /** Mirrors {@code other - self} for a Python number ({@code __rsub__}). */
    public Tensor rsub(double other) {
        return Arithmetic.rsub(this, wrap(other));
    }

    public Tensor rsub(long other) {
        return Arithmetic.rsub(this, wrap(other));
    }

    public Tensor mul(Tensor other) {
        return Arithmetic.mul(this, other);
    }

    public Tensor mul(double other) {
        return Arithmetic.mul(this, wrap(other));
    }

    public Tensor mul(long other) {
        return Arithmetic.mul(this, wrap(other));
    }

    /** True division, as Python's {@code /}: integers divide into float32. */
    public Tensor div(Tensor other) {
        return Arithmetic.div(this, other);
    }

    public Tensor div(double other) {
        return Arithmetic.div(this, wrap(other));
    }

    public Tensor div(long other) {
        return Arithmetic.div(this, wrap(other));
    }

    /** Mirrors {@code other / self} for a Python number: PyTorch computes {@code self.reciprocal() * other}. */
    public Tensor rdiv(double other) {
        return reciprocal().mul(other);
    }

    public Tensor rdiv(long other) {
        return reciprocal().mul(other);
    }

    public Tensor reciprocal() {
        return Arithmetic.reciprocal(this);
    }

    public Tensor pow(double exponent) {
        return Arithmetic.pow(this, wrap(exponent));
    }

    public Tensor pow(long exponent) {
        return Arithmetic.pow(this, wrap(exponent));
    }

    public Tensor pow(Tensor exponent) {
        return Arithmetic.pow(this, exponent);
    }

    /** Mirrors {@code base ** self} for a Python number ({@code __rpow__}). */
    public Tensor rpow(double base) {
        return Arithmetic.rpow(wrap(base), this);
    }

    public Tensor neg() {
        return Arithmetic.neg(this);
    }

    public Tensor exp() {
        return Arithmetic.exp(this);
    }

    public Tensor log() {
        return Arithmetic.log(this);
    }

    public Tensor sqrt() {
        return Arithmetic.sqrt(this);
    }

    public Tensor abs() {
        return Arithmetic.abs(this);
    }

    public Tensor sign() {
        return Arithmetic.sign(this);
    }

    public Tensor tanh() {
        return Arithmetic.tanh(this);
    }

    public Tensor sigmoid() {
        return Arithmetic.sigmoid(this);
    }

    public Tensor relu() {
        return Arithmetic.relu(this);
    }

    /** Mirrors {@code torch.nn.functional.leaky_relu(x, negative_slope)}. */
    public Tensor leakyRelu(double negativeSlope) {
        return Arithmetic.leakyRelu(this, negativeSlope);
    }

    /** Mirrors {@code clamp(min, max)}; either bound may be null. */
    public Tensor clamp(Double min, Double max) {
        return Arithmetic.clamp(this, min, max);
    }

    public Tensor maximum(Tensor other) {
        return Arithmetic.maximum(this, other);
    }

    public Tensor minimum(Tensor other) {
        return Arithmetic.minimum(this, other);
    }

    // ---------------------------------------------------------------- comparisons

    public Tensor eq(Tensor other) {
        return Arithmetic.compare(this, other, Arithmetic.EQ);
    }

    public Tensor eq(double other) {
        return Arithmetic.compare(this, wrap(other), Arithmetic.EQ);
    }

    public Tensor ne(Tensor other) {
        return Arithmetic.compare(this, other, Arithmetic.NE);
    }

    public Tensor ne(double other) {
        return Arithmetic.compare(this, wrap(other), Arithmetic.NE);
    }

    public Tensor lt(Tensor other) {
        return Arithmetic.compare(this, other, Arithmetic.LT);
    }

    public Tensor lt(double other) {
        return Arithmetic.compare(this, wrap(other), Arithmetic.LT);
    }

    public Tensor le(Tensor other) {
        return Arithmetic.compare(this, other, Arithmetic.LE);
    }

    public Tensor le(double other) {
        return Arithmetic.compare(this, wrap(other), Arithmetic.LE);
    }

    public Tensor gt(Tensor other) {
        return Arithmetic.compare(this, other, Arithmetic.GT);
    }

    public Tensor gt(double other) {
        return Arithmetic.compare(this, wrap(other), Arithmetic.GT);
    }

    public Tensor ge(Tensor other) {
        return Arithmetic.compare(this, other, Arithmetic.GE);
    }

    public Tensor ge(double other) {
        return Arithmetic.compare(this, wrap(other), Arithmetic.GE);
    }

    /** Mirrors {@code logical_and}: a bool tensor. */
    public Tensor logicalAnd(Tensor other) {
        return Arithmetic.logicalAnd(this, other);
    }

    /** Mirrors {@code logical_not} (and {@code ~} on bool tensors). */
    public Tensor logicalNot() {
        return eq(0.0);
    }

    // ---------------------------------------------------------------- reductions (see Reductions)

    public Tensor sum() {
        return Reductions.sumAll(this);
    }

    public Tensor sum(int dim) {
        return Reductions.sum(this, new int[] {dim}, false);
    }

    /** Mirrors {@code sum(dim, keepdim)} over one or more dimensions. */
    public Tensor sum(int[] dims, boolean keepdim) {
        return Reductions.sum(this, dims, keepdim);
    }

    public Tensor mean() {
        return Reductions.meanAll(this);
    }

    public Tensor mean(int dim) {
        return Reductions.mean(this, new int[] {dim}, false);
    }

    public Tensor mean(int[] dims, boolean keepdim) {
        return Reductions.mean(this, dims, keepdim);
    }

    /** Mirrors {@code max()}: the largest element as a 0-dim tensor. */
    public Tensor max() {
        return Reductions.extremeAll(this, true);
    }

    /** Mirrors {@code max(dim, keepdim)}: values and indices. */
    public ValuesIndices max(int dim, boolean keepdim) {
        return Reductions.extreme(this, dim, keepdim, true);
    }

    public Tensor min() {
        return Reductions.extremeAll(this, false);
    }

    public ValuesIndices min(int dim, boolean keepdim) {
        return Reductions.extreme(this, dim, keepdim, false);
    }

    public Tensor argmax() {
        return Reductions.argExtremeAll(this, true);
    }

    public Tensor argmax(int dim, boolean keepdim) {
        return Reductions.extreme(this, dim, keepdim, true).indices();
    }

    public Tensor argmin() {
        return Reductions.argExtremeAll(this, false);
    }

    public Tensor argmin(int dim, boolean keepdim) {
        return Reductions.extreme(this, dim, keepdim, false).indices();
    }

    public Tensor softmax(int dim) {
        return Reductions.softmax(this, dim, false);
    }

    public Tensor logSoftmax(int dim) {
        return Reductions.softmax(this, dim, true);
    }

    /** Mirrors {@code norm()}: the 2-norm (Frobenius) of all elements. */
    public Tensor norm() {
        return Reductions.norm(this, 2, null, false);
    }

    /** Mirrors {@code norm(p)}; p may be {@code Double.POSITIVE_INFINITY}. */
    public Tensor norm(double p) {
        return Reductions.norm(this, p, null, false);
    }

    public Tensor norm(double p, int[] dims, boolean keepdim) {
        return Reductions.norm(this, p, dims, keepdim);
    }

    // ---------------------------------------------------------------- linear algebra (see LinearAlgebra)

    /** Mirrors {@code matmul} / the {@code @} operator, broadcasting batch dims. */
    public Tensor matmul(Tensor other) {
        return LinearAlgebra.matmul(this, other);
    }

    public Tensor mm(Tensor other) {
        return LinearAlgebra.mm(this, other);
    }

    /** Mirrors {@code bmm}: batches of matrices, (b, n, k) @ (b, k, m). */
    public Tensor bmm(Tensor other) {
        return LinearAlgebra.bmm(this, other);
    }

    public Tensor mv(Tensor vector) {
        return LinearAlgebra.mv(this, vector);
    }

    public Tensor dot(Tensor other) {
        return LinearAlgebra.dot(this, other);
    }

    // ---------------------------------------------------------------- in-place (see InPlace)

    public Tensor add_(Tensor other) {
        return InPlace.add_(this, other, 1);
    }

    /** Mirrors {@code add_(other, alpha=alpha)}. */
    public Tensor add_(Tensor other, double alpha) {
        return InPlace.add_(this, other, alpha);
    }

    public Tensor add_(double other) {
        return InPlace.add_(this, wrap(other), 1);
    }

    public Tensor sub_(Tensor other) {
        return InPlace.add_(this, other, -1);
    }

    public Tensor sub_(Tensor other, double alpha) {
        return InPlace.add_(this, other, -alpha);
    }

    public Tensor sub_(double other) {
        return InPlace.add_(this, wrap(-other), 1);
    }

    public Tensor mul_(Tensor other) {
        return InPlace.mul_(this, other);
    }

    public Tensor mul_(double other) {
        return InPlace.mul_(this, wrap(other));
    }

    public Tensor div_(Tensor other) {
        return InPlace.div_(this, other);
    }

    public Tensor div_(double other) {
        return InPlace.div_(this, wrap(other));
    }

    /** Mirrors {@code addcmul_(tensor1, tensor2, value=value)}: {@code self += value * tensor1 * tensor2}. */
    public Tensor addcmul_(Tensor tensor1, Tensor tensor2, double value) {
        return InPlace.addcmul_(this, tensor1, tensor2, value);
    }

    /** Mirrors {@code addcdiv_(tensor1, tensor2, value=value)}: {@code self += value * tensor1 / tensor2}. */
    public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, double value) {
        return InPlace.addcdiv_(this, tensor1, tensor2, value);
    }

    /** Mirrors {@code lerp_(end, weight)}: {@code self += weight * (end - self)}. */
    public Tensor lerp_(Tensor end, double weight) {
        return InPlace.lerp_(this, end, weight);
    }

    /** Mirrors {@code copy_(src)}: broadcast and convert src into this tensor's memory. */
    public Tensor copy_(Tensor source) {
        return InPlace.copy_(this, source);
    }

    public Tensor zero_() {
        return InPlace.fill_(this, 0);
    }

    public Tensor fill_(double value) {
        return InPlace.fill_(this, value);
    }

    public Tensor clamp_(Double min, Double max) {
        return InPlace.clamp_(this, min, max);
    }

    public Tensor sqrt_() {
        return InPlace.sqrt_(this);
    }

    /** Mirrors {@code uniform_(from, to)}, drawing from the current run's generator. */
    public Tensor uniform_(double from, double to) {
        return Random.fill(this, (g, values) -> {
            if (values instanceof float[] f) {
                g.uniform(f, 0, f.length, from, to);
            } else {
                double[] d = (double[]) values;
                g.uniform(d, 0, d.length, from, to);
            }
        });
    }

    /** Mirrors {@code normal_(mean, std)}, drawing from the current run's generator. */
    public Tensor normal_(double mean, double std) {
        return Random.fill(this, (g, values) -> {
            if (values instanceof float[] f) {
                g.normal(f, 0, f.length, mean, std);
            } else {
                double[] d = (double[]) values;
                g.normal(d, 0, d.length, mean, std);
            }
        });
    }

    /** Rejects in-place changes PyTorch rejects, then bumps the version counter. */
    void prepareInPlace(boolean recordsHistory) {
        if (ComputeContext.current().isGradEnabled()) {
            if (requiresGrad && gradFn == null) {
                throw TorchException.runtime("a leaf Variable that requires grad is being used in an in-place operation.");
            }
            if (base != null && base.requiresGrad && base.gradFn == null) {
                throw TorchException.runtime("a view of a leaf Variable that requires grad is being used in an in-place "
                        + "operation.");
            }
            if (recordsHistory && base != null) {
                throw new TorchException(TorchException.PythonType.NotImplementedError,
                        "in-place operations on views of tensors that require grad are not supported yet");
            }
        }
        storage.version++;
    }

    /** After an in-place op recorded as {@code result}, this tensor takes over its history. */
    void rebaseHistory(Tensor result) {
        requiresGrad = result.requiresGrad;
        gradFn = result.gradFn;
    }

    /** A detached copy that keeps this tensor's place in the graph, for recording in-place ops. */
    Tensor snapshot() {
        Tensor copy = empty(shape, dtype());
        Pointwise.copy(copy, this);
        copy.requiresGrad = requiresGrad;
        copy.gradFn = gradFn;
        copy.gradAccumulator = gradAccumulator;
        return copy;
    }

    /** Mirrors {@code repr(tensor)} (and {@code repr(parameter)}), with the current run's print options. */
    @Override
    public String toString() {
        return parameter ? TensorFormatter.parameterRepr(tensorRepr()) : tensorRepr();
    }

    private String tensorRepr() {
        PrintOptions options = ComputeContext.current().printOptions();
        String gradFnName = gradFn == null ? null : gradFn.name();
        return switch (dtype()) {
            case FLOAT16, FLOAT32, FLOAT64 -> TensorFormatter.repr(shape, dtype(), toDoubleArray(), requiresGrad,
                    gradFnName, options);
            case INT64 -> TensorFormatter.repr(shape, dtype(), toLongArray(), requiresGrad, gradFnName, options);
            case BOOL -> TensorFormatter.repr(shape, toBooleanArray(), options);
        };
    }
}
