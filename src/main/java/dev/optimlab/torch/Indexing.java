package dev.optimlab.torch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Subscript reads, {@code where}, {@code cat} and {@code stack}, and the scatter used by max/min backward;
 * mirrors ATen's {@code TensorIndexing}, {@code TensorShape} and {@code TensorAdvancedIndexing}.
 */
final class Indexing {
    private Indexing() {
    }

    static Tensor get(Tensor tensor, Index... items) {
        int consumed = 0;
        int ellipses = 0;
        for (Index item : items) {
            switch (item) {
                case Index.At at -> consumed++;
                case Index.Slice slice -> consumed++;
                case Index.ByTensor byTensor -> consumed += byTensor.tensor().dtype() == DType.BOOL
                        ? Math.max(byTensor.tensor().dim(), 1) : 1;
                case Index.Ellipsis ellipsis -> ellipses++;
                case Index.NewAxis newAxis -> { }
            }
        }
        if (ellipses > 1) {
            throw TorchException.index("an index can only have a single ellipsis ('...')");
        }
        if (consumed > tensor.dim()) {
            throw TorchException.index("too many indices for tensor of dimension " + tensor.dim());
        }
        Tensor result = tensor;
        int dim = 0;
        int advancedDim = -1;
        Tensor advanced = null;
        for (Index item : items) {
            switch (item) {
                case Index.At at -> result = result.select(dim, at.index());
                case Index.Slice s -> {
                    result = result.slice(dim, s.start(), s.stop(), s.step() == null ? 1 : s.step());
                    dim++;
                }
                case Index.NewAxis newAxis -> {
                    result = result.unsqueeze(dim);
                    dim++;
                }
                case Index.Ellipsis ellipsis -> dim += tensor.dim() - consumed;
                case Index.ByTensor byTensor -> {
                    if (advanced != null) {
                        throw new TorchException(TorchException.PythonType.NotImplementedError,
                                "indexing with more than one tensor is not supported yet");
                    }
                    advanced = byTensor.tensor();
                    advancedDim = dim;
                    dim += advanced.dtype() == DType.BOOL ? Math.max(advanced.dim(), 1) : 1;
                }
            }
        }
        if (advanced == null) {
            return result == tensor ? aliasOf(tensor) : result;
        }
        return advanced.dtype() == DType.BOOL ? maskedRead(result, advancedDim, advanced) : gather(result, advancedDim, advanced);
    }

    /** {@code x[...]} and {@code x[:]} return a new view of the same data, as in PyTorch. */
    private static Tensor aliasOf(Tensor tensor) {
        return tensor.dim() == 0 ? tensor.view() : tensor.slice(0, null, null, 1);
    }

    private static Tensor maskedRead(Tensor tensor, int dim, Tensor mask) {
        int k = mask.dim();
        if (k == 0) {
            throw new TorchException(TorchException.PythonType.NotImplementedError,
                    "indexing with a 0-dim bool tensor is not supported yet");
        }
        for (int i = 0; i < k; i++) {
            if (mask.shape[i] != tensor.shape[dim + i]) {
                throw TorchException.index("The shape of the mask " + Shapes.str(mask.shape) + " at index " + i
                        + " does not match the shape of the indexed tensor " + Shapes.str(tensor.shape) + " at index "
                        + (dim + i));
            }
        }
        boolean[] flags = mask.toBooleanArray();
        int count = 0;
        for (boolean flag : flags) {
            count += flag ? 1 : 0;
        }
        long[] positions = new long[count];
        for (int i = 0, j = 0; i < flags.length; i++) {
            if (flags[i]) {
                positions[j++] = i;
            }
        }
        Tensor flattened = k == 1 ? tensor : tensor.flatten(dim, dim + k - 1);
        return gather(flattened, dim, Tensor.of(Storage.ofLongs(positions), count));
    }

    /** {@code tensor[..., index, ...]} with an int64 tensor along {@code dim}: a copy (IndexBackward0). */
    private static Tensor gather(Tensor tensor, int dim, Tensor index) {
        if (index.dtype() != DType.INT64) {
            throw TorchException.index("tensors used as indices must be long, int, byte or bool tensors");
        }
        int size = tensor.shape[dim];
        long[] positions = index.toLongArray();
        for (int i = 0; i < positions.length; i++) {
            long p = positions[i];
            if (p < -size || p >= size) {
                throw TorchException.index("index " + p + " is out of bounds for dimension " + dim + " with size " + size);
            }
            positions[i] = p < 0 ? p + size : p;
        }
        int outer = 1;
        for (int d = 0; d < dim; d++) {
            outer *= tensor.shape[d];
        }
        int inner = 1;
        for (int d = dim + 1; d < tensor.dim(); d++) {
            inner *= tensor.shape[d];
        }
        Tensor source = tensor.isContiguous() ? tensor : Reductions.contiguousCopy(tensor);
        int[] outShape = new int[tensor.dim() - 1 + index.dim()];
        System.arraycopy(tensor.shape, 0, outShape, 0, dim);
        System.arraycopy(index.shape, 0, outShape, dim, index.dim());
        System.arraycopy(tensor.shape, dim + 1, outShape, dim + index.dim(), tensor.dim() - dim - 1);
        Tensor out = Tensor.empty(outShape, tensor.dtype());
        int count = positions.length;
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < count; j++) {
                int from = source.offset + (o * size + (int) positions[j]) * inner;
                int to = (o * count + j) * inner;
                for (int i = 0; i < inner; i++) {
                    out.storage.setFrom(to + i, source.storage, from + i);
                }
            }
        }
        int[] inputShape = tensor.shape;
        int finalOuter = outer;
        int finalInner = inner;
        return Tensor.record(out, "IndexBackward0", (g, n) -> {
            Tensor grad = g.contiguous();
            Tensor result = Tensor.empty(inputShape, grad.dtype());
            for (int o = 0; o < finalOuter; o++) {
                for (int j = 0; j < count; j++) {
                    int to = (o * size + (int) positions[j]) * finalInner;
                    int from = grad.offset + (o * count + j) * finalInner;
                    for (int i = 0; i < finalInner; i++) {
                        result.storage.setDouble(to + i, result.storage.getDouble(to + i) + grad.storage.getDouble(from + i));
                    }
                }
            }
            return new Tensor[] {result};
        }, tensor);
    }

    /** The gradient of max/min along a dim: {@code grad} placed at the chosen indices of zeros. */
    static Tensor scatterAlongDim(int[] inputShape, int dim, Tensor indices, Tensor grad) {
        Tensor result = Tensor.empty(inputShape, grad.dtype());
        Tensor g = grad.contiguous();
        long[] chosen = indices.toLongArray();
        int inner = 1;
        for (int d = dim + 1; d < inputShape.length; d++) {
            inner *= inputShape[d];
        }
        int size = inputShape[dim];
        for (int i = 0; i < chosen.length; i++) {
            int o = i / inner;
            int r = i % inner;
            int to = (o * size + (int) chosen[i]) * inner + r;
            result.storage.setFrom(to, g.storage, g.offset + i);
        }
        return result;
    }

    /** Mirrors {@code torch.where(condition, input, other)}. */
    static Tensor where(Tensor condition, Tensor a, Tensor b) {
        if (condition.dtype() != DType.BOOL) {
            throw TorchException.runtime("where expected condition to be a boolean tensor, but got a tensor with dtype "
                    + typeName(condition.dtype()));
        }
        DType type = Promotion.result(a, b);
        int[] shape = Shapes.broadcast(Shapes.broadcast(condition.shape, a.shape), b.shape);
        Tensor x = a.convertedTo(type);
        Tensor y = b.convertedTo(type);
        Tensor out = Tensor.empty(shape, type);
        int[][] strides = {out.strides, Shapes.broadcastStrides(condition.shape, condition.strides, shape),
                Shapes.broadcastStrides(x.shape, x.strides, shape), Shapes.broadcastStrides(y.shape, y.strides, shape)};
        int[] base = {out.offset, condition.offset, x.offset, y.offset};
        boolean[] c = condition.storage.bools;
        Loop.forEach(shape, strides, base, (off, step, n) -> {
            int io = off[0], ic = off[1], ix = off[2], iy = off[3];
            for (int j = 0; j < n; j++, io += step[0], ic += step[1], ix += step[2], iy += step[3]) {
                if (c[ic]) {
                    out.storage.setFrom(io, x.storage, ix);
                } else {
                    out.storage.setFrom(io, y.storage, iy);
                }
            }
        });
        int[] sa = a.shape;
        int[] sb = b.shape;
        return Tensor.record(out, "WhereBackward0", (g, n) -> {
            Tensor cond = n.saved(0);
            Tensor zeros = Torch.zerosLike(g);
            return new Tensor[] {
                    n.needsGrad(0) ? Arithmetic.sumToShape(where(cond, g, zeros), sa) : null,
                    n.needsGrad(1) ? Arithmetic.sumToShape(where(cond, zeros, g), sb) : null};
        }, new Tensor[] {a, b}, condition);
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

    /** Mirrors {@code torch.cat(tensors, dim)}. */
    static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw TorchException.runtime("torch.cat(): expected a non-empty list of Tensors");
        }
        List<Tensor> parts = new ArrayList<>();
        for (Tensor t : tensors) {
            // Like PyTorch, 1-D empty tensors are skipped whatever the other shapes are.
            if (!(t.dim() == 1 && t.numel() == 0) || tensors.size() == 1) {
                parts.add(t);
            }
        }
        if (parts.isEmpty()) {
            return tensors.get(0).clone();
        }
        Tensor first = parts.get(0);
        if (first.dim() == 0) {
            throw TorchException.runtime("zero-dimensional tensor (at position 0) cannot be concatenated");
        }
        int d = Shapes.wrapDim(dim, first.dim());
        DType type = first.dtype();
        int total = 0;
        for (int i = 0; i < parts.size(); i++) {
            Tensor t = parts.get(i);
            if (t.dim() == 0) {
                throw TorchException.runtime("zero-dimensional tensor (at position " + i + ") cannot be concatenated");
            }
            if (t.dim() != first.dim()) {
                throw TorchException.runtime("Tensors must have same number of dimensions: got " + first.dim() + " and "
                        + t.dim());
            }
            for (int k = 0; k < first.dim(); k++) {
                if (k != d && t.shape[k] != first.shape[k]) {
                    throw TorchException.runtime("Sizes of tensors must match except in dimension " + d + ". Expected size "
                            + first.shape[k] + " but got size " + t.shape[k] + " for tensor number " + i + " in the list.");
                }
            }
            type = Promotion.promote(type, t.dtype());
            total += t.shape[d];
        }
        int[] shape = first.shape.clone();
        shape[d] = total;
        Tensor out = Tensor.empty(shape, type);
        int[] sizes = new int[parts.size()];
        int position = 0;
        for (int i = 0; i < parts.size(); i++) {
            Tensor t = parts.get(i);
            sizes[i] = t.shape[d];
            Pointwise.copy(out.detach().slice(d, (long) position, (long) position + sizes[i], 1), t);
            position += sizes[i];
        }
        return Tensor.record(out, "CatBackward0", (g, n) -> {
            Tensor[] grads = new Tensor[sizes.length];
            int start = 0;
            for (int i = 0; i < sizes.length; i++) {
                grads[i] = n.needsGrad(i) ? g.narrow(d, start, sizes[i]) : null;
                start += sizes[i];
            }
            return grads;
        }, parts.toArray(new Tensor[0]));
    }

    /** Mirrors {@code torch.stack(tensors, dim)}. */
    static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw TorchException.runtime("stack expects a non-empty TensorList");
        }
        Tensor first = tensors.get(0);
        int d = Shapes.wrapDim(dim, first.dim() + 1);
        List<Tensor> unsqueezed = new ArrayList<>();
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (!Arrays.equals(t.shape, first.shape)) {
                throw TorchException.runtime("stack expects each tensor to be equal size, but got " + Shapes.str(first.shape)
                        + " at entry 0 and " + Shapes.str(t.shape) + " at entry " + i);
            }
            unsqueezed.add(t.detach().unsqueeze(d));
        }
        Tensor out = cat(unsqueezed, d);
        int count = tensors.size();
        return Tensor.record(out, "StackBackward0", (g, n) -> {
            Tensor[] grads = new Tensor[count];
            for (int i = 0; i < count; i++) {
                grads[i] = n.needsGrad(i) ? g.select(d, i) : null;
            }
            return grads;
        }, tensors.toArray(new Tensor[0]));
    }
}
