package dev.optimlab.torch.nn;

import dev.optimlab.torch.Autograd;
import dev.optimlab.torch.ComputeContext;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.Generator;
import dev.optimlab.torch.Index;
import dev.optimlab.torch.PythonFloatFormat;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.TensorFormatter;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Mirrors {@code torch.nn.functional}: activations, {@code linear}, {@code dropout}, {@code one_hot} and the
 * losses. Losses that ATen computes as one kernel are recorded as one op with PyTorch's grad_fn name: their
 * value follows ATen's formula ({@code Loss.cpp}, {@code LossNLL.cpp}, including BCE's log clamp and the stable
 * form of BCE with logits) and their gradient is ATen's backward formula or that of the composite.
 */
public final class Functional {
    /** ATen's floor for x (1 - x) in BCE's gradient. */
    private static final double BCE_EPSILON = 1e-12;

    private Functional() {
    }

    /** Mirrors the {@code reduction} argument of the losses. */
    public enum Reduction {
        NONE, MEAN, SUM;

        /** Mirrors {@code _Reduction.get_enum}: "none", "mean" or "sum", else PyTorch's ValueError. */
        public static Reduction of(String name) {
            return switch (name) {
                case "none" -> NONE;
                case "mean" -> MEAN;
                case "sum" -> SUM;
                default -> throw new TorchException(PythonType.ValueError, name + " is not a valid value for reduction");
            };
        }

        Tensor apply(Tensor loss) {
            return switch (this) {
                case NONE -> loss;
                case MEAN -> loss.mean();
                case SUM -> loss.sum();
            };
        }
    }

    // ---------------------------------------------------------------- activations

    public static Tensor relu(Tensor input) {
        return input.relu();
    }

    /**
     * Mirrors {@code F.relu_(input)} / {@code F.relu(input, inplace=True)}: writes the result into input, which
     * takes over the new history (PyTorch's rules for in-place ops on leaves apply).
     */
    public static Tensor relu_(Tensor input) {
        return input.copy_(input.relu());
    }

    /** Mirrors {@code F.leaky_relu(input, negative_slope=0.01)}. */
    public static Tensor leakyRelu(Tensor input, double negativeSlope) {
        return input.leakyRelu(negativeSlope);
    }

    /** Mirrors {@code F.leaky_relu(input)} with PyTorch's slope 0.01. */
    public static Tensor leakyRelu(Tensor input) {
        return leakyRelu(input, 0.01);
    }

    public static Tensor tanh(Tensor input) {
        return input.tanh();
    }

    public static Tensor sigmoid(Tensor input) {
        return input.sigmoid();
    }

    /** Mirrors {@code F.softmax(input, dim)}; a null dim takes PyTorch's deprecated implicit choice. */
    public static Tensor softmax(Tensor input, Integer dim) {
        return input.softmax(dim == null ? implicitSoftmaxDim("softmax", input.dim()) : dim);
    }

    /** Mirrors {@code F.log_softmax(input, dim)}; a null dim takes PyTorch's deprecated implicit choice. */
    public static Tensor logSoftmax(Tensor input, Integer dim) {
        return input.logSoftmax(dim == null ? implicitSoftmaxDim("log_softmax", input.dim()) : dim);
    }

    /** Mirrors {@code _get_softmax_dim}: dim 0 for 0-, 1- and 3-dimensional inputs, else 1, with a warning. */
    private static int implicitSoftmaxDim(String name, int ndim) {
        Warnings.warn("Implicit dimension choice for " + name
                + " has been deprecated. Change the call to include dim=X as an argument.");
        return ndim == 0 || ndim == 1 || ndim == 3 ? 0 : 1;
    }

    /** Mirrors {@code F.linear(input, weight, bias)}: {@code input @ weight.T + bias}; bias may be null. */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        return Torch.linear(input, weight, bias);
    }

    /**
     * Mirrors {@code F.dropout(input, p, training)} on the CPU: noise from {@code bernoulli_(1-p)} divided by
     * {@code 1-p}, drawn from the run's generator in PyTorch's order; nothing is drawn for p = 0, p = 1 or eval.
     */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        return dropout(input, p, training, false);
    }

    /** Mirrors {@code F.dropout(input, p, training, inplace)}: with inplace the noise multiplies input itself. */
    public static Tensor dropout(Tensor input, double p, boolean training, boolean inplace) {
        if (p < 0 || p > 1) {
            throw new TorchException(PythonType.ValueError,
                    "dropout probability has to be between 0 and 1, but got " + PythonFloatFormat.repr(p));
        }
        if (p == 0 || !training || input.numel() == 0) {
            return input;
        }
        if (p == 1) {
            return inplace ? input.mul_(Torch.zerosLike(input)) : input.mul(Torch.zerosLike(input));
        }
        Generator generator = ComputeContext.current().generator();
        int n = input.numel();
        Tensor noise;
        if (input.dtype() == DType.FLOAT64) {
            double[] values = new double[n];
            generator.bernoulli(values, 0, n, 1 - p);
            for (int i = 0; i < n; i++) {
                values[i] /= 1 - p;
            }
            noise = Torch.fromArray(values, input.shape());
        } else {
            float[] values = new float[n];
            generator.dropoutNoise(values, 0, n, p);
            noise = Torch.fromArray(values, input.shape()).to(input.dtype());
        }
        return inplace ? input.mul_(noise) : input.mul(noise);
    }

    /** Mirrors {@code F.dropout(input, p)}: training defaults to True in the functional form. */
    public static Tensor dropout(Tensor input, double p) {
        return dropout(input, p, true);
    }

    /** Mirrors {@code F.one_hot(tensor, num_classes=-1)}: int64 one-hot rows along a new last dimension. */
    public static Tensor oneHot(Tensor tensor, int numClasses) {
        if (tensor.dtype() != DType.INT64) {
            throw new TorchException(PythonType.RuntimeError, "one_hot is only applicable to index tensor.");
        }
        long[] classes = tensor.contiguous().toLongArray();
        long max = -1;
        for (long c : classes) {
            if (c < 0) {
                throw new TorchException(PythonType.RuntimeError, "Class values must be non-negative.");
            }
            max = Math.max(max, c);
        }
        if (numClasses == -1) {
            if (classes.length == 0) {
                throw new TorchException(PythonType.RuntimeError,
                        "Can not infer total number of classes from empty tensor.");
            }
            numClasses = (int) max + 1;
        } else if (max >= numClasses) {
            throw new TorchException(PythonType.RuntimeError, "Class values must be smaller than num_classes.");
        }
        long[] out = new long[classes.length * numClasses];
        for (int i = 0; i < classes.length; i++) {
            out[i * numClasses + (int) classes[i]] = 1;
        }
        int[] shape = Arrays.copyOf(tensor.shape(), tensor.dim() + 1);
        shape[tensor.dim()] = numClasses;
        return Torch.fromArray(out, shape);
    }

    // ---------------------------------------------------------------- regression losses

    /** Mirrors {@code F.mse_loss(input, target, reduction)}. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        warnIfSizesDiffer(input, target);
        return recorded("MseLossBackward0", t -> {
            Tensor diff = t[0].sub(t[1]);
            return reduction.apply(diff.mul(diff));
        }, refuseOtherTargetDtype(input, target), input, target);
    }

    /** Mirrors {@code F.mse_loss(input, target)} with reduction='mean'. */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, Reduction.MEAN);
    }

    /** Mirrors {@code F.l1_loss(input, target, reduction)}. */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        warnIfSizesDiffer(input, target);
        return reduction.apply(input.sub(target).abs());
    }

    /** Mirrors {@code F.l1_loss(input, target)} with reduction='mean'. */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return l1Loss(input, target, Reduction.MEAN);
    }

    /** Mirrors {@code F.smooth_l1_loss(input, target, reduction, beta)}: quadratic below beta, linear above. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        warnIfSizesDiffer(input, target);
        if (beta < 0) {
            throw new TorchException(PythonType.RuntimeError,
                    "smooth_l1_loss does not support negative values for beta.");
        }
        return recorded("SmoothL1LossBackward0", t -> {
            Tensor z = t[0].sub(t[1]).abs();
            if (beta == 0) {
                return reduction.apply(z);
            }
            Tensor quadratic = z.mul(z).mul(0.5).div(beta);
            Tensor linear = z.sub(0.5 * beta);
            return reduction.apply(Torch.where(z.lt(beta), quadratic, linear));
        }, (grad, t) -> {
            // ATen's smooth_l1_backward: norm * grad * (-1 or 1) beyond beta, norm * x * grad / beta inside.
            Tensor x = t[0].sub(t[1]);
            double norm = reduction == Reduction.MEAN ? 1.0 / x.numel() : 1.0;
            Tensor outside = grad.mul(norm).expand(x.shape());
            Tensor inside = x.mul(norm).mul(grad).div(beta);
            return Torch.where(x.le(-beta), outside.neg(), Torch.where(x.ge(beta), outside, inside));
        }, input, target);
    }

    /** Mirrors {@code F.huber_loss(input, target, reduction, delta)}: quadratic below delta, delta-scaled linear above. */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        warnIfSizesDiffer(input, target);
        if (delta <= 0) {
            throw new TorchException(PythonType.RuntimeError,
                    "huber_loss does not support non-positive values for delta.");
        }
        return recorded("HuberLossBackward0", t -> {
            Tensor z = t[0].sub(t[1]).abs();
            Tensor quadratic = z.mul(z).mul(0.5);
            Tensor linear = z.sub(0.5 * delta).mul(delta);
            return reduction.apply(Torch.where(z.lt(delta), quadratic, linear));
        }, refuseOtherTargetDtype(input, target), input, target);
    }

    /**
     * ATen's mse_loss and huber_loss backward kernels take one dtype, so PyTorch computes the loss of a float
     * input against, say, int64 labels but fails in backward(); null (differentiate normally) when dtypes agree.
     */
    private static BiFunction<Tensor, Tensor[], Tensor> refuseOtherTargetDtype(Tensor input, Tensor target) {
        if (input.dtype() == target.dtype()) {
            return null;
        }
        return (grad, saved) -> {
            throw new TorchException(PythonType.RuntimeError, "Found dtype " + scalarTypeName(target.dtype())
                    + " but expected " + scalarTypeName(input.dtype()));
        };
    }

    private static void warnIfSizesDiffer(Tensor input, Tensor target) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            Warnings.warn("Using a target size (" + TensorFormatter.sizeRepr(target.shape())
                    + ") that is different to the input size (" + TensorFormatter.sizeRepr(input.shape()) + "). "
                    + "This will likely lead to incorrect results due to broadcasting. "
                    + "Please ensure they have the same size.");
        }
    }

    // ---------------------------------------------------------------- classification losses

    /**
     * Mirrors {@code F.nll_loss(input, target, weight, ignore_index, reduction)} for inputs (C), (N, C) and
     * (N, C, d1, ...): {@code -weight[y] * input[n, y]}, with mean dividing by the summed weights of the
     * targets not ignored.
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        if (input.dim() < 1) {
            throw new TorchException(PythonType.ValueError, "Expected 1 or more dimensions (got 0)");
        }
        if (input.dim() != 1 && input.size(0) != target.size(0)) {
            throw new TorchException(PythonType.ValueError, "Expected input batch_size (" + input.size(0)
                    + ") to match target batch_size (" + target.size(0) + ").");
        }
        int classes = input.dim() == 1 ? input.size(0) : input.size(1);
        if (input.dim() <= 2) {
            if (target.dim() > 1) {
                throw new TorchException(PythonType.RuntimeError,
                        "0D or 1D target tensor expected, multi-target not supported");
            }
            if (!(input.dim() == 1 && target.dim() == 0) && input.size(0) != target.size(0)) {
                throw new TorchException(PythonType.RuntimeError, "size mismatch (got input: "
                        + Arrays.toString(input.shape()) + ", target: " + Arrays.toString(target.shape()) + ")");
            }
        } else {
            int[] expected = new int[input.dim() - 1];
            expected[0] = input.size(0);
            System.arraycopy(input.shape(), 2, expected, 1, input.dim() - 2);
            if (!Arrays.equals(expected, target.shape())) {
                throw new TorchException(PythonType.RuntimeError, "Expected target size " + Arrays.toString(expected)
                        + ", got " + Arrays.toString(target.shape()));
            }
        }
        if (weight != null && (weight.dim() != 1 || weight.numel() != classes)) {
            throw new TorchException(PythonType.RuntimeError, "weight tensor should be defined either for all "
                    + classes + " classes or no classes but got weight tensor of shape: "
                    + Arrays.toString(weight.shape()));
        }
        if (target.dtype() != DType.INT64) {
            throw new TorchException(PythonType.RuntimeError,
                    "expected scalar type Long but found " + scalarTypeName(target.dtype()));
        }
        Tensor rows = classRows(input);
        long[] labels = target.contiguous().toLongArray();
        long[] safeLabels = new long[labels.length];
        double[] kept = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == ignoreIndex) {
                continue;
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new TorchException(PythonType.IndexError, "Target " + labels[i] + " is out of bounds.");
            }
            safeLabels[i] = labels[i];
            kept[i] = 1;
        }
        Tensor labelTensor = Torch.fromArray(safeLabels, labels.length);
        Tensor keptTensor = Torch.fromArray(kept, labels.length).to(input.dtype());
        // ATen folds (N, C, d...) inputs into nll_loss2d, and views the unreduced result back.
        String name = input.dim() <= 2 ? "NllLossBackward0"
                : reduction == Reduction.NONE ? "ViewBackward0" : "NllLoss2DBackward0";
        Function<Tensor[], Tensor> loss = t -> {
            Tensor sampleWeight = t.length > 1 ? keptTensor.mul(t[1].index(Index.of(labelTensor))) : keptTensor;
            Tensor picked = classRows(t[0]).index(Index.of(Torch.arange(labels.length)), Index.of(labelTensor));
            Tensor losses = picked.mul(sampleWeight).neg();
            return switch (reduction) {
                case NONE -> losses.reshape(target.shape());
                case SUM -> losses.sum();
                case MEAN -> {
                    Tensor totalWeight = sampleWeight.sum();
                    // With every target ignored ATen returns 0/0 = nan but sends no gradient to any input.
                    yield totalWeight.itemDouble() == 0
                            ? losses.sum().mul(0.0).add(Double.NaN)
                            : losses.sum().div(totalWeight);
                }
            };
        };
        Tensor[] inputs = weight == null ? new Tensor[] {input} : new Tensor[] {input, weight};
        if (input.dim() == 2 && reduction != Reduction.NONE) {
            Function<Tensor[], Tensor> value = t -> nllCascade(t[0], labels, ignoreIndex, t.length > 1 ? t[1] : null,
                    reduction);
            return record(name, value, loss, null, inputs);
        }
        return recorded(name, loss, inputs);
    }

    /**
     * The reduced loss of a (N, C) input summed as ATen's {@code nll_loss_out_frame} sums it: {@code -x[b, t] w[t]}
     * into a cascade of partial sums (level j+1 takes level j whenever b's next bits are all zero), in the
     * input's precision, so that the printed loss has PyTorch's last digits.
     */
    private static Tensor nllCascade(Tensor input, long[] labels, long ignoreIndex, Tensor weight,
            Reduction reduction) {
        boolean single = input.dtype() != DType.FLOAT64;
        double[] x = input.contiguous().toDoubleArray();
        double[] w = weight == null ? null : weight.contiguous().toDoubleArray();
        int classes = input.size(1);
        int levels = 8;
        int n = labels.length;
        int ceilLog2 = n <= 2 ? 1 : 64 - Long.numberOfLeadingZeros(n - 1L);
        int levelPower = Math.max(4, ceilLog2 / levels);
        long levelMask = (1L << levelPower) - 1;
        double[] lossSums = new double[levels];
        double[] weightSums = new double[levels];
        int ignored = 0;
        for (int b = 0; b < n; b++) {
            if (labels[b] == ignoreIndex) {
                ignored++;
                continue;
            }
            int target = (int) labels[b];
            double data = x[b * classes + target];
            if (w != null) {
                lossSums[0] = round(lossSums[0] - round(data * w[target], single), single);
                weightSums[0] = round(weightSums[0] + w[target], single);
            } else {
                lossSums[0] = round(lossSums[0] - data, single);
            }
            for (int j = 0; j + 1 < levels; j++) {
                if ((b & (levelMask << (j * levelPower))) != 0) {
                    break;
                }
                weightSums[j + 1] = round(weightSums[j + 1] + weightSums[j], single);
                lossSums[j + 1] = round(lossSums[j + 1] + lossSums[j], single);
                weightSums[j] = 0;
                lossSums[j] = 0;
            }
        }
        double total = w == null ? n - ignored : leftSum(weightSums, single);
        double output = leftSum(lossSums, single);
        if (reduction == Reduction.MEAN) {
            output = round(output / total, single);
        }
        return single ? Torch.fromArray(new float[] {(float) output}).to(input.dtype())
                : Torch.fromArray(new double[] {output});
    }

    /** {@code std::accumulate(begin, end, 0)}: a left fold from zero. */
    private static double leftSum(double[] values, boolean single) {
        double sum = 0;
        for (double v : values) {
            sum = round(sum + v, single);
        }
        return sum;
    }

    private static double round(double value, boolean single) {
        return single ? (float) value : value;
    }

    /** The input as (rows, C): (C) becomes one row, (N, C, d...) moves C last. */
    private static Tensor classRows(Tensor input) {
        if (input.dim() == 1) {
            return input.reshape(1, input.size(0));
        }
        if (input.dim() == 2) {
            return input;
        }
        int[] order = new int[input.dim()];
        order[0] = 0;
        for (int d = 2; d < input.dim(); d++) {
            order[d - 1] = d;
        }
        order[input.dim() - 1] = 1;
        return input.permute(order).reshape(-1, input.size(1));
    }

    /**
     * Mirrors {@code F.cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing)}: class
     * indices when target has fewer dimensions, class probabilities when it has input's shape (ATen's
     * {@code cross_entropy_loss}, {@code cross_entropy_loss_label_smoothing} and {@code _prob_target}).
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex,
            Reduction reduction, double labelSmoothing) {
        if (labelSmoothing < 0 || labelSmoothing > 1) {
            throw new TorchException(PythonType.RuntimeError,
                    "label_smoothing must be between 0.0 and 1.0. Got: " + PythonFloatFormat.repr(labelSmoothing));
        }
        int classDim = input.dim() == 1 ? 0 : 1;
        Tensor logp = input.logSoftmax(classDim);
        if (Arrays.equals(input.shape(), target.shape())) {
            if (!target.isFloatingPoint()) {
                throw new TorchException(PythonType.RuntimeError,
                        "Expected floating point type for target with class probabilities, got "
                                + scalarTypeName(target.dtype()));
            }
            if (ignoreIndex >= 0) {
                throw new TorchException(PythonType.RuntimeError,
                        "ignore_index is not supported for floating point target");
            }
            return probabilityTargetLoss(logp, target, weight, reduction, labelSmoothing, classDim);
        }
        Tensor nll = nllLoss(logp, target, weight, ignoreIndex, reduction);
        if (labelSmoothing == 0) {
            return nll;
        }
        int classes = input.size(classDim);
        Tensor smooth = weight == null ? logp : logp.mul(weight.reshape(classBroadcastShape(input, classDim)));
        smooth = smooth.sum(classDim).neg();
        Tensor kept = target.ne(ignoreIndex);
        smooth = Torch.where(kept, smooth, 0.0);
        Tensor smoothReduced = switch (reduction) {
            case NONE -> smooth;
            case SUM -> smooth.sum();
            case MEAN -> smooth.sum().div(weight == null
                    ? kept.sum().to(input.dtype())
                    : weight.index(Index.of(target.index(Index.of(kept)))).sum());
        };
        return nll.mul(1 - labelSmoothing).add(smoothReduced.mul(labelSmoothing / classes));
    }

    /** Mirrors {@code F.cross_entropy(input, target)} with PyTorch's defaults. */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, null, -100, Reduction.MEAN, 0.0);
    }

    private static Tensor probabilityTargetLoss(Tensor logp, Tensor target, Tensor weight, Reduction reduction,
            double labelSmoothing, int classDim) {
        int classes = logp.size(classDim);
        if (weight != null && (weight.dim() != 1 || weight.numel() != classes)) {
            throw new TorchException(PythonType.RuntimeError, "cross_entropy: weight tensor should be defined either "
                    + "for all " + classes + " classes or no classes but got weight tensor of shape: "
                    + Arrays.toString(weight.shape()));
        }
        Tensor smoothedTarget = labelSmoothing > 0
                ? target.mul(1 - labelSmoothing).add(labelSmoothing / classes)
                : target;
        Tensor terms = logp.mul(smoothedTarget);
        if (weight != null) {
            terms = terms.mul(weight.reshape(classBroadcastShape(logp, classDim)));
        }
        return switch (reduction) {
            case NONE -> terms.sum(classDim).neg();
            case SUM -> terms.sum().neg();
            // ATen divides by a C++ scalar here, which PyTorch records as DivBackward1.
            case MEAN -> recorded("DivBackward1", t -> t[0].div((double) (logp.numel() / classes)), terms.sum().neg());
        };
    }

    private static int[] classBroadcastShape(Tensor input, int classDim) {
        int[] shape = new int[input.dim()];
        Arrays.fill(shape, 1);
        shape[classDim] = input.size(classDim);
        return shape;
    }

    /**
     * Mirrors {@code F.binary_cross_entropy(input, target, weight, reduction)}:
     * {@code -w (y log x + (1 - y) log(1 - x))} with each log clamped at -100, as ATen clamps it.
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new TorchException(PythonType.ValueError, "Using a target size ("
                    + TensorFormatter.sizeRepr(target.shape()) + ") that is different to the input size ("
                    + TensorFormatter.sizeRepr(input.shape()) + ") is deprecated. Please ensure they have the same size.");
        }
        if (target.dtype() != input.dtype()) {
            throw new TorchException(PythonType.RuntimeError, "Found dtype " + scalarTypeName(target.dtype())
                    + " but expected " + scalarTypeName(input.dtype()));
        }
        if (input.ge(0.0).logicalAnd(input.le(1.0)).logicalNot().sum().itemDouble() > 0) {
            throw new TorchException(PythonType.RuntimeError, "all elements of input should be between 0 and 1");
        }
        Function<Tensor[], Tensor> loss = t -> {
            Tensor logX = t[0].log().clamp(-100.0, null);
            Tensor logOneMinusX = t[0].rsub(1.0).log().clamp(-100.0, null);
            Tensor terms = t[1].mul(logX).add(t[1].rsub(1.0).mul(logOneMinusX)).neg();
            return reduction.apply(t.length > 2 ? terms.mul(t[2]) : terms);
        };
        Tensor[] inputs = weight == null ? new Tensor[] {input, target} : new Tensor[] {input, target, weight};
        return recorded("BinaryCrossEntropyBackward0", loss, (grad, x) -> {
            // ATen's binary_cross_entropy_backward: finite even where the clamped log has no slope.
            Tensor gradInput = grad.mul(x[0].sub(x[1])).div(x[0].rsub(1.0).mul(x[0]).clamp(BCE_EPSILON, null));
            if (x.length > 2) {
                gradInput = gradInput.mul(x[2]);
            }
            return reduction == Reduction.MEAN ? gradInput.div((double) x[0].numel()) : gradInput;
        }, inputs);
    }

    /** Mirrors {@code F.binary_cross_entropy(input, target)} with PyTorch's defaults. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, null, Reduction.MEAN);
    }

    /**
     * Mirrors {@code F.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weight)} in
     * ATen's stable form: {@code (1 - y) x + l (log(exp(-m) + exp(-x - m)) + m)} with {@code m = max(-x, 0)}
     * and {@code l = 1 + (pos_weight - 1) y}.
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Reduction reduction,
            Tensor posWeight) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new TorchException(PythonType.ValueError, "Target size (" + TensorFormatter.sizeRepr(target.shape())
                    + ") must be the same as input size (" + TensorFormatter.sizeRepr(input.shape()) + ")");
        }
        if (!target.isFloatingPoint()) {
            // ATen computes (1 - target).mul_(input) in place, which cannot hold floats in an integer tensor.
            throw new TorchException(PythonType.RuntimeError, "result type " + scalarTypeName(input.dtype())
                    + " can't be cast to the desired output type " + scalarTypeName(target.dtype()));
        }
        List<Tensor> inputs = new ArrayList<>(List.of(input, target));
        int weightAt = weight == null ? -1 : addInput(inputs, weight);
        int posWeightAt = posWeight == null ? -1 : addInput(inputs, posWeight);
        return recorded("BinaryCrossEntropyWithLogitsBackward0", t -> {
            Tensor x = t[0];
            Tensor y = t[1];
            Tensor maxVal = x.neg().clamp(0.0, null);
            Tensor softplusNeg = maxVal.neg().exp().add(x.neg().sub(maxVal).exp()).log().add(maxVal);
            if (posWeightAt >= 0) {
                softplusNeg = softplusNeg.mul(t[posWeightAt].sub(1.0).mul(y).add(1.0));
            }
            Tensor loss = y.rsub(1.0).mul(x).add(softplusNeg);
            return reduction.apply(weightAt >= 0 ? loss.mul(t[weightAt]) : loss);
        }, (grad, t) -> {
            // ATen's binary_cross_entropy_with_logits_backward: sigmoid(x) - y, reweighted by pos_weight.
            Tensor gradInput;
            if (posWeightAt >= 0) {
                Tensor scaled = t[posWeightAt].mul(t[1]);
                gradInput = scaled.add(1.0).sub(t[1]).mul(t[0].sigmoid()).sub(scaled).mul(grad);
            } else {
                gradInput = t[0].sigmoid().sub(t[1]).mul(grad);
            }
            if (weightAt >= 0) {
                gradInput = gradInput.mul(t[weightAt]);
            }
            return reduction == Reduction.MEAN ? gradInput.div((double) t[0].numel()) : gradInput;
        }, inputs.toArray(Tensor[]::new));
    }

    /** Mirrors {@code F.binary_cross_entropy_with_logits(input, target)} with PyTorch's defaults. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, Reduction.MEAN, null);
    }

    private static int addInput(List<Tensor> inputs, Tensor tensor) {
        inputs.add(tensor);
        return inputs.size() - 1;
    }

    /**
     * Records a loss that ATen computes as one op under PyTorch's grad_fn name: the value comes from the
     * differentiable composite run without history, and the backward differentiates the same composite.
     */
    private static Tensor recorded(String gradFnName, Function<Tensor[], Tensor> composite, Tensor... inputs) {
        return recorded(gradFnName, composite, null, inputs);
    }

    /**
     * As {@link #recorded(String, Function, Tensor...)}, with ATen's own formula for the first input's gradient
     * when {@code firstInputGrad} is given (it receives the output's gradient and the saved inputs).
     */
    private static Tensor recorded(String gradFnName, Function<Tensor[], Tensor> composite,
            BiFunction<Tensor, Tensor[], Tensor> firstInputGrad, Tensor... inputs) {
        return record(gradFnName, composite, composite, firstInputGrad, inputs);
    }

    /** As above, with the forward value computed by {@code value} (ATen's own summation order) instead. */
    private static Tensor record(String gradFnName, Function<Tensor[], Tensor> value,
            Function<Tensor[], Tensor> composite, BiFunction<Tensor, Tensor[], Tensor> firstInputGrad,
            Tensor... inputs) {
        Tensor output;
        try (ComputeContext.Scope ignored = Torch.noGrad()) {
            output = value.apply(inputs);
        }
        return Autograd.record(output, gradFnName, (grad, node) -> {
            Tensor[] saved = new Tensor[inputs.length];
            Tensor[] leaves = new Tensor[inputs.length];
            boolean composed = false;
            for (int i = 0; i < leaves.length; i++) {
                saved[i] = node.saved(i);
                boolean viaComposite = node.needsGrad(i) && (i > 0 || firstInputGrad == null);
                leaves[i] = saved[i].detach().requiresGrad_(viaComposite);
                composed |= viaComposite;
            }
            if (composed) {
                try (ComputeContext.Scope ignored = Torch.enableGrad()) {
                    composite.apply(leaves).backward(grad, false);
                }
            }
            Tensor[] grads = new Tensor[leaves.length];
            for (int i = 0; i < leaves.length; i++) {
                grads[i] = !node.needsGrad(i) ? null
                        : i == 0 && firstInputGrad != null ? firstInputGrad.apply(grad, saved) : leaves[i].grad();
            }
            return grads;
        }, inputs, inputs);
    }

    /** The dtype names ATen's messages use: Float, Double, Long, Bool, Half. */
    static String scalarTypeName(DType dtype) {
        return switch (dtype) {
            case FLOAT16 -> "Half";
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
            case BOOL -> "Bool";
        };
    }
}
