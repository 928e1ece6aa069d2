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

    /** The basic-indexing view of a subscript plus its tensor (advanced) indices, if any. */
    private record Resolved(Tensor view, int[] dims, Tensor[] indices) {
    }

    static Tensor get(Tensor tensor, Index... items) {
        Resolved r = resolve(tensor, items);
        if (r.dims.length == 0) {
            return r.view == tensor ? aliasOf(tensor) : r.view;
        }
        return advanced(r.view, r.dims, r.indices);
    }

    /** Mirrors {@code x[items] = value}: writes through views, or scatters for tensor indices. */
    static void put(Tensor tensor, Index[] items, Tensor value) {
        if (Tensor.recording(tensor, value)) {
            tensor.prepareInPlace(false);
            throw new TorchException(TorchException.PythonType.NotImplementedError,
                    "assigning into a tensor that requires grad (outside torch.no_grad()) is not supported yet");
        }
        Resolved r = resolve(tensor.detach(), items);
        if (r.dims.length == 0) {
            Tensor source = value.expand(r.view.shape);
            tensor.prepareInPlace(false);
            Pointwise.copy(r.view, source);
            return;
        }
        Plan plan = plan(r.view, r.dims, r.indices);
        if (!expandableTo(value.shape, plan.shape)) {
            throw TorchException.runtime("shape mismatch: value tensor of shape " + Shapes.str(value.shape)
                    + " cannot be broadcast to indexing result of shape " + Shapes.str(plan.shape));
        }
        Tensor ordered = Reductions.contiguousCopy(value.convertedTo(tensor.dtype()).detach().expand(plan.shape)
                .permute(plan.inverse));
        tensor.prepareInPlace(false);
        for (int i = 0; i < plan.count; i++) {
            for (int k = 0; k < plan.restCount; k++) {
                tensor.storage.setFrom(plan.sourceBase[i] + plan.sourceRest[k], ordered.storage,
                        i * plan.restCount + k);
            }
        }
    }

    private static boolean expandableTo(int[] shape, int[] target) {
        if (shape.length > target.length) {
            return false;
        }
        for (int i = 1; i <= shape.length; i++) {
            int size = shape[shape.length - i];
            if (size != 1 && size != target[target.length - i]) {
                return false;
            }
        }
        return true;
    }

    private static Resolved resolve(Tensor tensor, Index... items) {
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
        List<Integer> advancedDims = new ArrayList<>();
        List<Tensor> advancedIndices = new ArrayList<>();
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
                    Tensor index = byTensor.tensor();
                    if (index.dtype() == DType.BOOL) {
                        for (Tensor coordinates : nonzero(result, dim, index)) {
                            advancedDims.add(dim++);
                            advancedIndices.add(coordinates);
                        }
                    } else {
                        advancedDims.add(dim++);
                        advancedIndices.add(index);
                    }
                }
            }
        }
        return new Resolved(result, advancedDims.stream().mapToInt(Integer::intValue).toArray(),
                advancedIndices.toArray(new Tensor[0]));
    }

    /** {@code x[...]} and {@code x[:]} return a new view of the same data, as in PyTorch. */
    private static Tensor aliasOf(Tensor tensor) {
        return tensor.dim() == 0 ? tensor.view() : tensor.slice(0, null, null, 1);
    }

    /** The coordinates of a bool mask's true elements, one int64 tensor per mask dimension. */
    private static Tensor[] nonzero(Tensor tensor, int dim, Tensor mask) {
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
        long[][] coordinates = new long[k][count];
        int[] strides = Shapes.contiguousStrides(mask.shape);
        for (int i = 0, j = 0; i < flags.length; i++) {
            if (flags[i]) {
                for (int d = 0; d < k; d++) {
                    coordinates[d][j] = (i / strides[d]) % mask.shape[d];
                }
                j++;
            }
        }
        Tensor[] out = new Tensor[k];
        for (int d = 0; d < k; d++) {
            out[d] = Tensor.of(Storage.ofLongs(coordinates[d]), count);
        }
        return out;
    }

    /**
     * NumPy's advanced indexing: the index tensors broadcast to one shape B, which replaces the indexed dims
     * (in place when they are adjacent, otherwise in front); a copy recorded as IndexBackward0. Unlike NumPy,
     * PyTorch applies int indices first as plain selections, and so does this.
     */
    private static Tensor advanced(Tensor tensor, int[] dims, Tensor[] indices) {
        Plan plan = plan(tensor, dims, indices);
        Tensor gathered = Tensor.empty(plan.gatheredShape, tensor.dtype());
        for (int i = 0; i < plan.count; i++) {
            for (int r = 0; r < plan.restCount; r++) {
                gathered.storage.setFrom(i * plan.restCount + r, tensor.storage, plan.sourceBase[i] + plan.sourceRest[r]);
            }
        }
        Tensor out = new Tensor(gathered.storage, plan.shape, plan.strides(gathered.strides), 0, null);
        int[] inputShape = tensor.shape;
        return Tensor.record(out, "IndexBackward0", (g, n) -> {
            Tensor grad = g.permute(plan.inverse).contiguous();
            Tensor result = Tensor.empty(inputShape, grad.dtype());
            for (int i = 0; i < plan.count; i++) {
                for (int r = 0; r < plan.restCount; r++) {
                    int to = plan.denseBase[i] + plan.denseRest[r];
                    result.storage.setDouble(to, result.storage.getDouble(to)
                            + grad.storage.getDouble(grad.offset + i * plan.restCount + r));
                }
            }
            return new Tensor[] {result};
        }, tensor);
    }

    /**
     * Where advanced indexing reads: for each of the {@code count} broadcast index positions a base offset in the
     * source (and in a dense tensor of the source's shape, for the backward pass), plus the offsets of the
     * non-indexed dims. The gathered data is laid out as B + rest; {@code order} moves B to its place in
     * {@code shape}, the result's shape.
     */
    private record Plan(int count, int restCount, int[] sourceBase, int[] sourceRest, int[] denseBase,
                        int[] denseRest, int[] gatheredShape, int[] order, int[] inverse, int[] shape) {
        int[] strides(int[] gatheredStrides) {
            int[] strides = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                strides[i] = gatheredStrides[order[i]];
            }
            return strides;
        }
    }

    private static Plan plan(Tensor tensor, int[] dims, Tensor[] indices) {
        int[] broadcast = new int[0];
        for (Tensor index : indices) {
            if (index.dtype() != DType.INT64) {
                throw TorchException.index("tensors used as indices must be long, int, byte or bool tensors");
            }
            broadcast = Shapes.broadcast(broadcast, index.shape);
        }
        int count = Shapes.numel(broadcast);
        long[][] positions = new long[indices.length][];
        for (int k = 0; k < indices.length; k++) {
            positions[k] = indices[k].detach().expand(broadcast).toLongArray();
            int size = tensor.shape[dims[k]];
            for (int i = 0; i < count; i++) {
                long p = positions[k][i];
                if (p < -size || p >= size) {
                    throw TorchException.index("index " + p + " is out of bounds for dimension " + dims[k] + " with size "
                            + size);
                }
                positions[k][i] = p < 0 ? p + size : p;
            }
        }
        boolean[] indexed = new boolean[tensor.dim()];
        for (int d : dims) {
            indexed[d] = true;
        }
        int restRank = tensor.dim() - dims.length;
        int[] restShape = new int[restRank];
        int[] restDims = new int[restRank];
        for (int d = 0, r = 0; d < tensor.dim(); d++) {
            if (!indexed[d]) {
                restShape[r] = tensor.shape[d];
                restDims[r++] = d;
            }
        }
        int[] denseStrides = Shapes.contiguousStrides(tensor.shape);
        int[] sourceBase = new int[count];
        int[] denseBase = new int[count];
        for (int i = 0; i < count; i++) {
            int s = tensor.offset;
            int z = 0;
            for (int k = 0; k < dims.length; k++) {
                s += (int) positions[k][i] * tensor.strides[dims[k]];
                z += (int) positions[k][i] * denseStrides[dims[k]];
            }
            sourceBase[i] = s;
            denseBase[i] = z;
        }
        int[] gatheredShape = new int[broadcast.length + restRank];
        System.arraycopy(broadcast, 0, gatheredShape, 0, broadcast.length);
        System.arraycopy(restShape, 0, gatheredShape, broadcast.length, restRank);
        // Adjacent index dims keep their place, as in NumPy: move B back to where the first of them was.
        boolean adjacent = dims[dims.length - 1] - dims[0] == dims.length - 1;
        int place = adjacent ? dims[0] : 0;
        int[] order = new int[gatheredShape.length];
        int o = 0;
        for (int r = 0; r < place; r++) {
            order[o++] = broadcast.length + r;
        }
        for (int b = 0; b < broadcast.length; b++) {
            order[o++] = b;
        }
        for (int r = place; r < restRank; r++) {
            order[o++] = broadcast.length + r;
        }
        int[] inverse = new int[order.length];
        int[] shape = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inverse[order[i]] = i;
            shape[i] = gatheredShape[order[i]];
        }
        return new Plan(count, Shapes.numel(restShape), sourceBase, restOffsets(restShape, restDims, tensor.strides),
                denseBase, restOffsets(restShape, restDims, denseStrides), gatheredShape, order, inverse, shape);
    }

    /** Offsets, relative to a base, of every position of the non-indexed dims in row-major order. */
    private static int[] restOffsets(int[] restShape, int[] restDims, int[] strides) {
        int n = Shapes.numel(restShape);
        int[] out = new int[n];
        int[] counter = new int[restShape.length];
        int offset = 0;
        for (int i = 0; i < n; i++) {
            out[i] = offset;
            for (int d = restShape.length - 1; d >= 0; d--) {
                counter[d]++;
                offset += strides[restDims[d]];
                if (counter[d] < restShape[d]) {
                    break;
                }
                offset -= strides[restDims[d]] * restShape[d];
                counter[d] = 0;
            }
        }
        return out;
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
