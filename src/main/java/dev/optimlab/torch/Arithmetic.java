package dev.optimlab.torch;

import java.util.Arrays;

/**
 * Element-wise arithmetic and activations with their derivatives; mirrors the entries of PyTorch's
 * {@code derivatives.yaml} for these ops (the grad_fn names are those PyTorch shows).
 */
final class Arithmetic {
    private Arithmetic() {
    }

    static final Pointwise.Compare EQ = new Pointwise.Compare((a, b) -> a == b, (a, b) -> a == b,
            (o, io, p, ip, sp, q, iq, sq, n) -> {
                for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                    o[io + j] = p[ip] == q[iq];
                }
            });
    static final Pointwise.Compare NE = new Pointwise.Compare((a, b) -> a != b, (a, b) -> a != b,
            (o, io, p, ip, sp, q, iq, sq, n) -> {
                for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                    o[io + j] = p[ip] != q[iq];
                }
            });
    static final Pointwise.Compare LT = new Pointwise.Compare((a, b) -> a < b, (a, b) -> a < b,
            (o, io, p, ip, sp, q, iq, sq, n) -> {
                for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                    o[io + j] = p[ip] < q[iq];
                }
            });
    static final Pointwise.Compare LE = new Pointwise.Compare((a, b) -> a <= b, (a, b) -> a <= b,
            (o, io, p, ip, sp, q, iq, sq, n) -> {
                for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                    o[io + j] = p[ip] <= q[iq];
                }
            });
    static final Pointwise.Compare GT = new Pointwise.Compare((a, b) -> a > b, (a, b) -> a > b,
            (o, io, p, ip, sp, q, iq, sq, n) -> {
                for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                    o[io + j] = p[ip] > q[iq];
                }
            });
    static final Pointwise.Compare GE = new Pointwise.Compare((a, b) -> a >= b, (a, b) -> a >= b,
            (o, io, p, ip, sp, q, iq, sq, n) -> {
                for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                    o[io + j] = p[ip] >= q[iq];
                }
            });

    static final Pointwise.Binary ADD = new Pointwise.Binary((a, b) -> a + b, Double::sum, Long::sum,
            FloatLoops.ADD, 1);
    static final Pointwise.Binary MUL = new Pointwise.Binary((a, b) -> a * b, (a, b) -> a * b, (a, b) -> a * b,
            FloatLoops.MUL, 1);
    static final Pointwise.Binary DIV = new Pointwise.Binary((a, b) -> a / b, (a, b) -> a / b, null,
            FloatLoops.DIV, 1);

    /** Sums a broadcast gradient back down to an input's shape. */
    static Tensor sumToShape(Tensor grad, int[] shape) {
        if (Arrays.equals(grad.shape, shape)) {
            return grad;
        }
        int lead = grad.shape.length - shape.length;
        int[] dims = new int[grad.shape.length];
        int count = 0;
        for (int d = 0; d < grad.shape.length; d++) {
            if (d < lead || (shape[d - lead] == 1 && grad.shape[d] != 1)) {
                dims[count++] = d;
            }
        }
        Tensor summed = count == 0 ? grad : Reductions.sum(grad, Arrays.copyOf(dims, count), true);
        return summed.reshape(shape);
    }

    static Tensor add(Tensor a, Tensor b, double alpha) {
        DType type = Promotion.result(a, b);
        Tensor out = alpha == 1 ? Pointwise.binary(a, b, type, ADD) : Pointwise.binary(a, b, type, addScaled(alpha));
        int[] sa = a.shape;
        int[] sb = b.shape;
        return Tensor.record(out, "AddBackward0", (g, n) -> new Tensor[] {
                n.needsGrad(0) ? sumToShape(g, sa) : null,
                n.needsGrad(1) ? sumToShape(alpha == 1 ? g : g.mul(alpha), sb) : null}, new Tensor[] {a, b});
    }

    /**
     * {@code a + alpha * b} with alpha cast to the compute type; ATen's CPU kernel is compiled with contraction,
     * so the product and sum round once, as a fused multiply-add.
     */
    static Pointwise.Binary addScaled(double alpha) {
        float alphaFloat = (float) alpha;
        long alphaLong = (long) alpha;
        return new Pointwise.Binary((a, b) -> Math.fma(alphaFloat, b, a), (a, b) -> Math.fma(alpha, b, a),
                (a, b) -> a + alphaLong * b, FloatLoops.ADD_SCALED, alphaFloat);
    }

    static Tensor sub(Tensor a, Tensor b, double alpha) {
        checkSubtractable(a, b);
        DType type = Promotion.result(a, b);
        Tensor out = Pointwise.binary(a, b, type, addScaled(-alpha));
        int[] sa = a.shape;
        int[] sb = b.shape;
        return Tensor.record(out, "SubBackward0", (g, n) -> new Tensor[] {
                n.needsGrad(0) ? sumToShape(g, sa) : null,
                n.needsGrad(1) ? sumToShape(g.mul(-alpha), sb) : null}, new Tensor[] {a, b});
    }

    private static void checkSubtractable(Tensor a, Tensor b) {
        if (a.dtype() == DType.BOOL && b.dtype() == DType.BOOL) {
            throw TorchException.runtime("Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.");
        }
    }

    /** {@code other - self} for a Python number. */
    static Tensor rsub(Tensor self, Tensor number) {
        DType type = Promotion.result(self, number);
        Tensor out = Pointwise.binary(number, self, type, addScaled(-1));
        int[] shape = self.shape;
        return Tensor.record(out, "RsubBackward1", (g, n) -> new Tensor[] {sumToShape(g.neg(), shape)}, self);
    }

    static Tensor mul(Tensor a, Tensor b) {
        DType type = Promotion.result(a, b);
        Tensor out = Pointwise.binary(a, b, type, MUL);
        int[] sa = a.shape;
        int[] sb = b.shape;
        return Tensor.record(out, "MulBackward0", (g, n) -> new Tensor[] {
                n.needsGrad(0) ? sumToShape(g.mul(n.saved(1)), sa) : null,
                n.needsGrad(1) ? sumToShape(g.mul(n.saved(0)), sb) : null}, new Tensor[] {a, b}, a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        DType type = Promotion.floating(Promotion.result(a, b));
        Tensor out = Pointwise.binary(a, b, type, DIV);
        int[] sa = a.shape;
        int[] sb = b.shape;
        return Tensor.record(out, "DivBackward0", (g, n) -> {
            Tensor other = n.saved(1);
            return new Tensor[] {
                    n.needsGrad(0) ? sumToShape(g.div(other), sa) : null,
                    n.needsGrad(1) ? sumToShape(g.neg().mul(n.saved(0)).div(other.mul(other)), sb) : null};
        }, new Tensor[] {a, b}, a, b);
    }

    static Tensor reciprocal(Tensor a) {
        Tensor out = Pointwise.unary(a, Promotion.floating(a.dtype()),
                new Pointwise.Unary(x -> 1 / x, x -> 1 / x, null));
        return Tensor.record(out, "ReciprocalBackward0",
                (g, n) -> {
                    Tensor r = n.saved(0);
                    return new Tensor[] {g.mul(r.mul(r).neg())};
                }, a, out);
    }

    static Tensor pow(Tensor a, Tensor exponent) {
        DType type = Promotion.result(a, exponent);
        Tensor out = Pointwise.binary(a, exponent, type, new Pointwise.Binary(
                (x, y) -> (float) Math.pow(x, y), Math::pow, Arithmetic::integerPower));
        if (exponent.wrappedNumber) {
            double e = exponent.itemDouble();
            return Tensor.record(out, "PowBackward0", (g, n) -> new Tensor[] {
                    e == 0 ? Torch.zerosLike(g) : g.mul(n.saved(0).pow(e - 1).mul(e))}, a, a);
        }
        int[] sa = a.shape;
        int[] se = exponent.shape;
        return Tensor.record(out, "PowBackward1", (g, n) -> {
            Tensor base = n.saved(0);
            Tensor exp = n.saved(1);
            Tensor result = n.saved(2);
            Tensor gradBase = null;
            Tensor gradExp = null;
            if (n.needsGrad(0)) {
                Tensor raw = g.mul(exp.mul(base.pow(exp.sub(1L))));
                gradBase = sumToShape(Indexing.where(exp.eq(0.0), Torch.zerosLike(raw), raw), sa);
            }
            if (n.needsGrad(1)) {
                Tensor term = result.mul(base.log());
                Tensor zeroBase = base.eq(0.0).logicalAnd(exp.ge(0.0));
                gradExp = sumToShape(g.mul(Indexing.where(zeroBase, Torch.zerosLike(term), term)), se);
            }
            return new Tensor[] {gradBase, gradExp};
        }, new Tensor[] {a, exponent}, a, exponent, out);
    }

    /** {@code base ** exponent} for a Python number base and a tensor exponent. */
    static Tensor rpow(Tensor base, Tensor exponent) {
        DType type = Promotion.result(base, exponent);
        Tensor out = Pointwise.binary(base, exponent, type, new Pointwise.Binary(
                (x, y) -> (float) Math.pow(x, y), Math::pow, Arithmetic::integerPower));
        double b = base.itemDouble();
        return Tensor.record(out, "PowBackward2", (g, n) -> {
            Tensor term = n.saved(0).mul(Math.log(b));
            Tensor grad = b == 0 ? Indexing.where(n.saved(1).ge(0.0), Torch.zerosLike(term), term) : term;
            return new Tensor[] {g.mul(grad)};
        }, exponent, out, exponent);
    }

    private static long integerPower(long base, long exponent) {
        if (exponent < 0) {
            throw TorchException.runtime("Integers to negative integer powers are not allowed.");
        }
        long result = 1;
        long b = base;
        for (long e = exponent; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
        }
        return result;
    }

    static Tensor neg(Tensor a) {
        if (a.dtype() == DType.BOOL) {
            throw TorchException.runtime("Negation, the `-` operator, on a bool tensor is not supported. If you are "
                    + "trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        Tensor out = Pointwise.unary(a, a.dtype(), new Pointwise.Unary(x -> -x, x -> -x, x -> -x,
                (o, io, p, ip, n) -> {
                    for (int j = 0; j < n; j++) {
                        o[io + j] = -p[ip + j];
                    }
                }));
        return Tensor.record(out, "NegBackward0", (g, n) -> new Tensor[] {g.neg()}, a);
    }

    static Tensor exp(Tensor a) {
        // ATen's exp is a VML-style kernel: every float32 element goes through SLEEF, tails included.
        Tensor out = Pointwise.unary(a, Promotion.floating(a.dtype()),
                new Pointwise.Unary(SleefMath::expf, Math::exp, null,
                        (o, io, p, ip, n) -> {
                            for (int j = 0; j < n; j++) {
                                o[io + j] = SleefMath.expf(p[ip + j]);
                            }
                        }));
        return Tensor.record(out, "ExpBackward0", (g, n) -> new Tensor[] {g.mul(n.saved(0))}, a, out);
    }

    static Tensor log(Tensor a) {
        Tensor out = Pointwise.unary(a, Promotion.floating(a.dtype()),
                new Pointwise.Unary(x -> (float) Math.log(x), Math::log, null));
        return Tensor.record(out, "LogBackward0", (g, n) -> new Tensor[] {g.div(n.saved(0))}, a, a);
    }

    static Tensor sqrt(Tensor a) {
        Tensor out = Pointwise.unary(a, Promotion.floating(a.dtype()), SQRT);
        return Tensor.record(out, "SqrtBackward0", (g, n) -> new Tensor[] {g.div(n.saved(0).mul(2L))}, a, out);
    }

    /** Square root rounded once to float, as the correctly rounded float sqrt of ATen's kernels. */
    static final Pointwise.Unary SQRT = new Pointwise.Unary(x -> (float) Math.sqrt(x), Math::sqrt, null,
            (o, io, p, ip, n) -> {
                for (int j = 0; j < n; j++) {
                    o[io + j] = (float) Math.sqrt(p[ip + j]);
                }
            });

    static Tensor abs(Tensor a) {
        Tensor out = Pointwise.unary(a, a.dtype(), new Pointwise.Unary(Math::abs, Math::abs, Math::abs,
                (o, io, p, ip, n) -> {
                    for (int j = 0; j < n; j++) {
                        o[io + j] = Math.abs(p[ip + j]);
                    }
                }));
        return Tensor.record(out, "AbsBackward0", (g, n) -> new Tensor[] {g.mul(n.saved(0).sign())}, a, a);
    }

    static Tensor sign(Tensor a) {
        Tensor out = Pointwise.unary(a, a.dtype(), new Pointwise.Unary(
                x -> x > 0 ? 1f : x < 0 ? -1f : x, x -> x > 0 ? 1 : x < 0 ? -1 : x, Long::signum));
        return Tensor.record(out, "SignBackward0", (g, n) -> new Tensor[] {Torch.zerosLike(g)}, a);
    }

    static Tensor tanh(Tensor a) {
        Tensor out = Pointwise.unary(a, Promotion.floating(a.dtype()),
                new Pointwise.Unary(x -> (float) Math.tanh(x), Math::tanh, null,
                        (o, io, p, ip, n) -> {
                            for (int j = 0; j < n; j++) {
                                o[io + j] = (float) Math.tanh(p[ip + j]);
                            }
                        }));
        return Tensor.record(out, "TanhBackward0", (g, n) -> {
            Tensor y = n.saved(0);
            return new Tensor[] {g.mul(y.mul(y).rsub(1L))};
        }, a, out);
    }

    static Tensor sigmoid(Tensor a) {
        Pointwise.FloatUnary scalar = x -> 1f / (1f + (float) Math.exp(-x));
        Tensor out = Pointwise.unary(a, Promotion.floating(a.dtype()), new Pointwise.Unary(
                scalar, x -> 1 / (1 + Math.exp(-x)), null,
                Pointwise.vectorized(x -> 1f / (SleefMath.expf(0f - x) + 1f), scalar)));
        return Tensor.record(out, "SigmoidBackward0", (g, n) -> {
            Tensor y = n.saved(0);
            return new Tensor[] {g.mul(y.rsub(1L).mul(y))};
        }, a, out);
    }

    static Tensor relu(Tensor a) {
        Tensor out = Pointwise.unary(a, a.dtype(), new Pointwise.Unary(
                x -> x > 0 ? x : 0f, x -> x > 0 ? x : 0, x -> Math.max(x, 0),
                (o, io, p, ip, n) -> {
                    for (int j = 0; j < n; j++) {
                        float x = p[ip + j];
                        o[io + j] = x > 0 ? x : 0f;
                    }
                }));
        return Tensor.record(out, "ReluBackward0",
                (g, n) -> new Tensor[] {g.mul(n.saved(0).gt(0.0))}, a, out);
    }

    static Tensor leakyRelu(Tensor a, double slope) {
        float slopeFloat = (float) slope;
        Tensor out = Pointwise.unary(a, a.dtype(), new Pointwise.Unary(
                x -> x > 0 ? x : x * slopeFloat, x -> x > 0 ? x : x * slope, null));
        return Tensor.record(out, "LeakyReluBackward0", (g, n) -> {
            Tensor positive = n.saved(0).gt(0.0);
            return new Tensor[] {Indexing.where(positive, g, g.mul(slope))};
        }, a, a);
    }

    static Tensor clamp(Tensor a, Double min, Double max) {
        if (min == null && max == null) {
            throw TorchException.runtime("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        Tensor out = Pointwise.unary(a, a.dtype(), clampOp(min, max));
        return Tensor.record(out, "ClampBackward1", (g, n) -> {
            Tensor x = n.saved(0);
            Tensor inside = min == null ? x.le(max) : max == null ? x.ge(min) : x.ge(min).logicalAnd(x.le(max));
            return new Tensor[] {g.mul(inside)};
        }, a, a);
    }

    /** Clamps as ATen does: NaN stays NaN, min is applied before max. */
    static Pointwise.Unary clampOp(Double min, Double max) {
        double lo = min == null ? Double.NEGATIVE_INFINITY : min;
        double hi = max == null ? Double.POSITIVE_INFINITY : max;
        float loF = (float) lo;
        float hiF = (float) hi;
        long loL = min == null ? Long.MIN_VALUE : (long) Math.ceil(lo);
        long hiL = max == null ? Long.MAX_VALUE : (long) Math.floor(hi);
        return new Pointwise.Unary(
                x -> Float.isNaN(x) ? x : Math.min(Math.max(x, loF), hiF),
                x -> Double.isNaN(x) ? x : Math.min(Math.max(x, lo), hi),
                x -> Math.min(Math.max(x, loL), hiL),
                (o, io, p, ip, n) -> {
                    for (int j = 0; j < n; j++) {
                        float x = p[ip + j];
                        o[io + j] = Float.isNaN(x) ? x : Math.min(Math.max(x, loF), hiF);
                    }
                });
    }

    static Tensor maximum(Tensor a, Tensor b) {
        return extreme(a, b, true);
    }

    static Tensor minimum(Tensor a, Tensor b) {
        return extreme(a, b, false);
    }

    private static Tensor extreme(Tensor a, Tensor b, boolean max) {
        DType type = Promotion.result(a, b);
        Pointwise.Binary op = max
                ? new Pointwise.Binary(Arithmetic::maxPropagatingNaN, Arithmetic::maxPropagatingNaN, Math::max,
                        FloatLoops.MAXIMUM, 0)
                : new Pointwise.Binary(Arithmetic::minPropagatingNaN, Arithmetic::minPropagatingNaN, Math::min,
                        FloatLoops.MINIMUM, 0);
        Tensor out = Pointwise.binary(a, b, type, op);
        int[] sa = a.shape;
        int[] sb = b.shape;
        return Tensor.record(out, max ? "MaximumBackward0" : "MinimumBackward0", (g, n) -> {
            Tensor x = n.saved(0);
            Tensor y = n.saved(1);
            Tensor half = g.div(2L);
            Tensor zeros = Torch.zerosLike(g);
            Tensor tie = x.eq(y);
            Tensor xWins = max ? x.gt(y) : x.lt(y);
            Tensor forX = Indexing.where(tie, half, Indexing.where(xWins, g, zeros));
            Tensor forY = Indexing.where(tie, half, Indexing.where(xWins, zeros, g));
            return new Tensor[] {
                    n.needsGrad(0) ? sumToShape(forX, sa) : null,
                    n.needsGrad(1) ? sumToShape(forY, sb) : null};
        }, new Tensor[] {a, b}, a, b);
    }

    static float maxPropagatingNaN(float a, float b) {
        return Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.max(a, b);
    }

    private static double maxPropagatingNaN(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
    }

    static float minPropagatingNaN(float a, float b) {
        return Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.min(a, b);
    }

    private static double minPropagatingNaN(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
    }

    static Tensor compare(Tensor a, Tensor b, Pointwise.Compare op) {
        return Pointwise.compare(a, b, Promotion.result(a, b), op);
    }

    static Tensor logicalAnd(Tensor a, Tensor b) {
        return Pointwise.binary(a.convertedTo(DType.BOOL), b.convertedTo(DType.BOOL), DType.BOOL,
                new Pointwise.Binary(null, null, (x, y) -> x != 0 && y != 0 ? 1 : 0));
    }
}
