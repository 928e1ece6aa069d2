package dev.optimlab.torch;

import java.util.function.UnaryOperator;

/**
 * In-place ops ({@code add_}, {@code mul_}, {@code addcmul_}, {@code copy_}, ...). Outside autograd they write
 * straight into the tensor's memory with the same float arithmetic as ATen's kernels; when autograd records
 * them (a non-leaf, or an input that requires grad) the op is computed out of place and the tensor takes over
 * the new history, as PyTorch's history rebasing does.
 */
final class InPlace {
    private InPlace() {
    }

    private static Tensor apply(Tensor self, Tensor[] others, UnaryOperator<Tensor> recorded, Runnable kernel) {
        boolean record = Tensor.recording(self) || Tensor.recording(others);
        self.prepareInPlace(record);
        if (!record) {
            kernel.run();
            return self;
        }
        Tensor result = recorded.apply(self.snapshot());
        Pointwise.copy(self, result);
        self.rebaseHistory(result);
        return self;
    }

    /** PyTorch refuses to write, say, a float result into an int64 tensor. */
    private static void checkCast(Tensor self, DType result) {
        if (Promotion.promote(result, self.dtype()) != self.dtype() && category(result) > category(self.dtype())) {
            throw TorchException.runtime("result type " + typeName(result) + " can't be cast to the desired output type "
                    + typeName(self.dtype()));
        }
    }

    private static int category(DType type) {
        return type == DType.BOOL ? 0 : type == DType.INT64 ? 1 : 2;
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

    static Tensor add_(Tensor self, Tensor other, double alpha) {
        checkCast(self, Promotion.result(self, other));
        return apply(self, new Tensor[] {other}, s -> Arithmetic.add(s, other, alpha),
                () -> Pointwise.binaryInPlace(self, other, alpha == 1 ? Arithmetic.ADD : Arithmetic.addScaled(alpha)));
    }

    static Tensor mul_(Tensor self, Tensor other) {
        checkCast(self, Promotion.result(self, other));
        return apply(self, new Tensor[] {other}, s -> Arithmetic.mul(s, other),
                () -> Pointwise.binaryInPlace(self, other, Arithmetic.MUL));
    }

    static Tensor div_(Tensor self, Tensor other) {
        checkCast(self, Promotion.floating(Promotion.result(self, other)));
        return apply(self, new Tensor[] {other}, s -> Arithmetic.div(s, other),
                () -> Pointwise.binaryInPlace(self, other, Arithmetic.DIV));
    }

    static Tensor addcmul_(Tensor self, Tensor tensor1, Tensor tensor2, double value) {
        checkCast(self, Promotion.result(tensor1, tensor2));
        float v = (float) value;
        return apply(self, new Tensor[] {tensor1, tensor2}, s -> s.add(tensor1.mul(tensor2).mul(value)), () -> {
            if (fusable(self, tensor1, tensor2)) {
                addcmulFloats(self, tensor1, tensor2, v);
                return;
            }
            Tensor product = Pointwise.binary(tensor1, tensor2, self.dtype(),
                    new Pointwise.Binary((a, b) -> v * a * b, (a, b) -> value * a * b, (a, b) -> (long) value * a * b));
            Pointwise.binaryInPlace(self, product, Arithmetic.ADD);
        });
    }

    static Tensor addcdiv_(Tensor self, Tensor tensor1, Tensor tensor2, double value) {
        checkCast(self, Promotion.floating(Promotion.result(tensor1, tensor2)));
        float v = (float) value;
        return apply(self, new Tensor[] {tensor1, tensor2}, s -> s.add(tensor1.div(tensor2).mul(value)), () -> {
            if (fusable(self, tensor1, tensor2)) {
                addcdivFloats(self, tensor1, tensor2, v);
                return;
            }
            Tensor quotient = Pointwise.binary(tensor1, tensor2, self.dtype(),
                    new Pointwise.Binary((a, b) -> v * a / b, (a, b) -> value * a / b, null));
            Pointwise.binaryInPlace(self, quotient, Arithmetic.ADD);
        });
    }

    /**
     * Whether {@code self += f(tensor1, tensor2)} can run as one pass over contiguous float32 memory: the same
     * shape throughout and no input that overlaps self except as self itself, so every element reads its inputs
     * before it is written, as in the two-pass form.
     */
    private static boolean fusable(Tensor self, Tensor tensor1, Tensor tensor2) {
        return self.dtype() == DType.FLOAT32 && self.isContiguous()
                && sameFloatLayout(self, tensor1) && sameFloatLayout(self, tensor2);
    }

    private static boolean sameFloatLayout(Tensor self, Tensor other) {
        return other.dtype() == DType.FLOAT32 && other.isContiguous()
                && java.util.Arrays.equals(self.shape, other.shape)
                && (other.storage != self.storage || other.offset == self.offset);
    }

    /** {@code self + (value * t1) * t2}, each step rounded to float as in the unfused two-pass form. */
    private static void addcmulFloats(Tensor self, Tensor tensor1, Tensor tensor2, float value) {
        float[] o = self.storage.floats;
        float[] a = tensor1.storage.floats;
        float[] b = tensor2.storage.floats;
        int n = self.numel();
        for (int start = 0; start < n; start += ComputeGuard.BLOCK) {
            int io = self.offset + start, ia = tensor1.offset + start, ib = tensor2.offset + start;
            int count = Math.min(ComputeGuard.BLOCK, n - start);
            for (int j = 0; j < count; j++) {
                o[io + j] = o[io + j] + value * a[ia + j] * b[ib + j];
            }
            ComputeContext.checkpoint(count);
        }
    }

    /** {@code self + (value * t1) / t2}, each step rounded to float as in the unfused two-pass form. */
    private static void addcdivFloats(Tensor self, Tensor tensor1, Tensor tensor2, float value) {
        float[] o = self.storage.floats;
        float[] a = tensor1.storage.floats;
        float[] b = tensor2.storage.floats;
        int n = self.numel();
        for (int start = 0; start < n; start += ComputeGuard.BLOCK) {
            int io = self.offset + start, ia = tensor1.offset + start, ib = tensor2.offset + start;
            int count = Math.min(ComputeGuard.BLOCK, n - start);
            for (int j = 0; j < count; j++) {
                o[io + j] = o[io + j] + value * a[ia + j] / b[ib + j];
            }
            ComputeContext.checkpoint(count);
        }
    }

    /** ATen's lerp: {@code self + w * (end - self)} for |w| &lt; 0.5, else {@code end - (end - self) * (1 - w)}, fused. */
    static Tensor lerp_(Tensor self, Tensor end, double weight) {
        float w = (float) weight;
        Pointwise.Binary lerp = new Pointwise.Binary(
                (s, e) -> Math.abs(w) < 0.5f ? Math.fma(w, e - s, s) : Math.fma(-(e - s), 1 - w, e),
                (s, e) -> Math.abs(weight) < 0.5 ? Math.fma(weight, e - s, s) : Math.fma(-(e - s), 1 - weight, e), null,
                FloatLoops.LERP, w);
        return apply(self, new Tensor[] {end}, s -> s.add(end.sub(s).mul(weight)),
                () -> Pointwise.binaryInPlace(self, end, lerp));
    }

    static Tensor copy_(Tensor self, Tensor source) {
        Shapes.broadcast(self.shape, source.shape);
        return apply(self, new Tensor[] {source}, s -> {
            Tensor out = Tensor.empty(self.shape, self.dtype());
            Pointwise.copy(out, source);
            int[] sourceShape = source.shape;
            return Tensor.record(out, "CopyBackwards", (g, n) -> new Tensor[] {
                    n.needsGrad(0) ? Torch.zerosLike(g) : null,
                    n.needsGrad(1) ? Arithmetic.sumToShape(g, sourceShape) : null}, new Tensor[] {s, source});
        }, () -> Pointwise.copy(self, source));
    }

    static Tensor fill_(Tensor self, double value) {
        Tensor filler = Tensor.wrap(value);
        return apply(self, new Tensor[0], s -> {
            Tensor out = Tensor.empty(self.shape, self.dtype());
            Pointwise.copy(out, filler);
            return Tensor.record(out, "FillBackward0", (g, n) -> new Tensor[] {Torch.zerosLike(g)}, s);
        }, () -> Pointwise.copy(self, filler));
    }

    static Tensor clamp_(Tensor self, Double min, Double max) {
        if (min == null && max == null) {
            throw TorchException.runtime("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        return apply(self, new Tensor[0], s -> Arithmetic.clamp(s, min, max),
                () -> Pointwise.unaryInPlace(self, Arithmetic.clampOp(min, max)));
    }

    static Tensor sqrt_(Tensor self) {
        checkCast(self, Promotion.floating(self.dtype()));
        return apply(self, new Tensor[0], Arithmetic::sqrt, () -> Pointwise.unaryInPlace(self, Arithmetic.SQRT));
    }
}
