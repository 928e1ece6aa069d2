package dev.optimlab.torch;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Element-wise kernels over broadcast, strided operands; mirrors ATen's {@code BinaryOps}/{@code UnaryOps}
 * CPU kernels. float32 is computed in float, as PyTorch does, and float16 is rounded after each op.
 */
final class Pointwise {
    private Pointwise() {
    }

    @FunctionalInterface
    interface FloatBinary {
        float apply(float a, float b);
    }

    @FunctionalInterface
    interface FloatUnary {
        float apply(float x);
    }

    /**
     * A whole unit-stride float32 row: {@code o[io + j] = op(p[ip + j])} for j below n. Each op brings its own
     * loop, so the JIT inlines the arithmetic instead of calling a different lambda per element.
     */
    @FunctionalInterface
    interface FloatRow {
        void run(float[] o, int io, float[] p, int ip, int n);
    }

    @FunctionalInterface
    interface DoubleTest {
        boolean test(double a, double b);
    }

    @FunctionalInterface
    interface LongTest {
        boolean test(long a, long b);
    }

    /**
     * One binary operation for each storage kind; {@code longs} is null where ints are not supported.
     * {@code fast}, when set, computes the same float32 results with a dedicated loop.
     */
    record Binary(FloatBinary floats, DoubleBinaryOperator doubles, LongBinaryOperator longs, FloatLoops fast,
                  float alpha) {
        Binary(FloatBinary floats, DoubleBinaryOperator doubles, LongBinaryOperator longs) {
            this(floats, doubles, longs, null, 0);
        }
    }

    /**
     * One unary operation for each storage kind. {@code rows}, when set, computes unit-stride float32 rows with
     * the same results as {@code floats} would, or as ATen's AVX2 kernel where that differs from its scalar
     * tail (see {@link #vectorized}).
     */
    record Unary(FloatUnary floats, DoubleUnaryOperator doubles, LongUnaryOperator longs, FloatRow rows) {
        Unary(FloatUnary floats, DoubleUnaryOperator doubles, LongUnaryOperator longs) {
            this(floats, doubles, longs, null);
        }
    }

    /**
     * ATen's {@code vectorized_loop} for a unary op whose AVX2 kernel rounds differently from its scalar form:
     * blocks of 16 go through {@code vector}, the tail through {@code scalar}.
     */
    static FloatRow vectorized(FloatUnary vector, FloatUnary scalar) {
        return (o, io, p, ip, n) -> {
            int blocks = n / 16 * 16;
            for (int j = 0; j < blocks; j++) {
                o[io + j] = vector.apply(p[ip + j]);
            }
            for (int j = blocks; j < n; j++) {
                o[io + j] = scalar.apply(p[ip + j]);
            }
        };
    }

    /** A comparison over a float row: {@code o[io + j] = p[ip + j * sp] op q[iq + j * sq]} for j below n. */
    @FunctionalInterface
    interface FloatTestRow {
        void run(boolean[] o, int io, float[] p, int ip, int sp, float[] q, int iq, int sq, int n);
    }

    /** A comparison for each storage kind; {@code floatRows} compares float32 and float16 rows in one loop. */
    record Compare(DoubleTest doubles, LongTest longs, FloatTestRow floatRows) {
    }

    /** {@code out = op(a, b)} with a and b broadcast together and first converted to {@code type}. */
    static Tensor binary(Tensor a, Tensor b, DType type, Binary op) {
        int[] shape = Shapes.broadcast(a.shape, b.shape);
        Tensor x = a.convertedTo(type);
        Tensor y = b.convertedTo(type);
        Tensor out = Tensor.empty(shape, type);
        apply(out, x, y, op);
        return out;
    }

    /** {@code target = op(target, b)} in place, with b broadcast to target's shape. */
    static void binaryInPlace(Tensor target, Tensor b, Binary op) {
        int[] shape = Shapes.broadcast(target.shape, b.shape);
        if (!java.util.Arrays.equals(shape, target.shape)) {
            throw TorchException.runtime("output with shape " + Shapes.str(target.shape)
                    + " doesn't match the broadcast shape " + Shapes.str(shape));
        }
        apply(target, target, b.convertedTo(target.dtype()), op);
    }

    private static void apply(Tensor out, Tensor x, Tensor y, Binary op) {
        int[] shape = out.shape;
        int[][] strides = {out.strides, Shapes.broadcastStrides(x.shape, x.strides, shape),
                Shapes.broadcastStrides(y.shape, y.strides, shape)};
        int[] base = {out.offset, x.offset, y.offset};
        switch (out.dtype()) {
            case FLOAT16, FLOAT32 -> {
                float[] o = out.storage.floats;
                float[] p = x.storage.floats;
                float[] q = y.storage.floats;
                FloatBinary f = op.floats();
                boolean half = out.dtype() == DType.FLOAT16;
                FloatLoops fast = half ? null : op.fast();
                float alpha = op.alpha();
                Loop.forEach(shape, strides, base, (off, step, n) -> {
                    int io = off[0], ip = off[1], iq = off[2];
                    int so = step[0], sp = step[1], sq = step[2];
                    if (fast != null && so == 1) {
                        fast.run(o, io, p, ip, sp, q, iq, sq, n, alpha);
                        return;
                    }
                    for (int j = 0; j < n; j++, io += so, ip += sp, iq += sq) {
                        float r = f.apply(p[ip], q[iq]);
                        o[io] = half ? Half.round(r) : r;
                    }
                });
            }
            case FLOAT64 -> {
                double[] o = out.storage.doubles;
                double[] p = x.storage.doubles;
                double[] q = y.storage.doubles;
                DoubleBinaryOperator f = op.doubles();
                Loop.forEach(shape, strides, base, (off, step, n) -> {
                    int io = off[0], ip = off[1], iq = off[2];
                    int so = step[0], sp = step[1], sq = step[2];
                    for (int j = 0; j < n; j++, io += so, ip += sp, iq += sq) {
                        o[io] = f.applyAsDouble(p[ip], q[iq]);
                    }
                });
            }
            case INT64 -> {
                long[] o = out.storage.longs;
                long[] p = x.storage.longs;
                long[] q = y.storage.longs;
                LongBinaryOperator f = op.longs();
                Loop.forEach(shape, strides, base, (off, step, n) -> {
                    int io = off[0], ip = off[1], iq = off[2];
                    int so = step[0], sp = step[1], sq = step[2];
                    for (int j = 0; j < n; j++, io += so, ip += sp, iq += sq) {
                        o[io] = f.applyAsLong(p[ip], q[iq]);
                    }
                });
            }
            case BOOL -> {
                boolean[] o = out.storage.bools;
                boolean[] p = x.storage.bools;
                boolean[] q = y.storage.bools;
                LongBinaryOperator f = op.longs();
                Loop.forEach(shape, strides, base, (off, step, n) -> {
                    int io = off[0], ip = off[1], iq = off[2];
                    int so = step[0], sp = step[1], sq = step[2];
                    for (int j = 0; j < n; j++, io += so, ip += sp, iq += sq) {
                        o[io] = f.applyAsLong(p[ip] ? 1 : 0, q[iq] ? 1 : 0) != 0;
                    }
                });
            }
        }
    }

    /** {@code op(a)} computed in {@code type}. */
    static Tensor unary(Tensor a, DType type, Unary op) {
        Tensor x = a.convertedTo(type);
        Tensor out = Tensor.empty(a.shape, type);
        applyUnary(out, x, op);
        return out;
    }

    static void unaryInPlace(Tensor target, Unary op) {
        applyUnary(target, target, op);
    }

    private static void applyUnary(Tensor out, Tensor x, Unary op) {
        int[][] strides = {out.strides, x.strides};
        int[] base = {out.offset, x.offset};
        switch (out.dtype()) {
            case FLOAT16, FLOAT32 -> {
                float[] o = out.storage.floats;
                float[] p = x.storage.floats;
                FloatUnary f = op.floats();
                boolean half = out.dtype() == DType.FLOAT16;
                FloatRow rows = half ? null : op.rows();
                Loop.forEach(out.shape, strides, base, (off, step, n) -> {
                    int io = off[0], ip = off[1];
                    int so = step[0], sp = step[1];
                    if (rows != null && so == 1 && sp == 1) {
                        rows.run(o, io, p, ip, n);
                        return;
                    }
                    for (int j = 0; j < n; j++, io += so, ip += sp) {
                        float r = f.apply(p[ip]);
                        o[io] = half ? Half.round(r) : r;
                    }
                });
            }
            case FLOAT64 -> {
                double[] o = out.storage.doubles;
                double[] p = x.storage.doubles;
                DoubleUnaryOperator f = op.doubles();
                Loop.forEach(out.shape, strides, base, (off, step, n) -> {
                    int io = off[0], ip = off[1];
                    int so = step[0], sp = step[1];
                    for (int j = 0; j < n; j++, io += so, ip += sp) {
                        o[io] = f.applyAsDouble(p[ip]);
                    }
                });
            }
            case INT64 -> {
                long[] o = out.storage.longs;
                long[] p = x.storage.longs;
                LongUnaryOperator f = op.longs();
                Loop.forEach(out.shape, strides, base, (off, step, n) -> {
                    int io = off[0], ip = off[1];
                    int so = step[0], sp = step[1];
                    for (int j = 0; j < n; j++, io += so, ip += sp) {
                        o[io] = f.applyAsLong(p[ip]);
                    }
                });
            }
            case BOOL -> {
                boolean[] o = out.storage.bools;
                boolean[] p = x.storage.bools;
                LongUnaryOperator f = op.longs();
                Loop.forEach(out.shape, strides, base, (off, step, n) -> {
                    int io = off[0], ip = off[1];
                    int so = step[0], sp = step[1];
                    for (int j = 0; j < n; j++, io += so, ip += sp) {
                        o[io] = f.applyAsLong(p[ip] ? 1 : 0) != 0;
                    }
                });
            }
        }
    }

    /** A comparison of a and b (broadcast, promoted to {@code type}) producing a bool tensor. */
    static Tensor compare(Tensor a, Tensor b, DType type, Compare op) {
        int[] shape = Shapes.broadcast(a.shape, b.shape);
        Tensor x = a.convertedTo(type);
        Tensor y = b.convertedTo(type);
        Tensor out = Tensor.empty(shape, DType.BOOL);
        int[][] strides = {out.strides, Shapes.broadcastStrides(x.shape, x.strides, shape),
                Shapes.broadcastStrides(y.shape, y.strides, shape)};
        int[] base = {out.offset, x.offset, y.offset};
        boolean[] o = out.storage.bools;
        Storage p = x.storage;
        Storage q = y.storage;
        boolean floats = type == DType.FLOAT32 || type == DType.FLOAT16;
        Loop.forEach(shape, strides, base, (off, step, n) -> {
            int io = off[0], ip = off[1], iq = off[2];
            int so = step[0], sp = step[1], sq = step[2];
            if (floats && so == 1) {
                op.floatRows().run(o, io, p.floats, ip, sp, q.floats, iq, sq, n);
                return;
            }
            for (int j = 0; j < n; j++, io += so, ip += sp, iq += sq) {
                o[io] = switch (type) {
                    case FLOAT16, FLOAT32 -> op.doubles().test(p.floats[ip], q.floats[iq]);
                    case FLOAT64 -> op.doubles().test(p.doubles[ip], q.doubles[iq]);
                    case INT64 -> op.longs().test(p.longs[ip], q.longs[iq]);
                    case BOOL -> op.longs().test(p.bools[ip] ? 1 : 0, q.bools[iq] ? 1 : 0);
                };
            }
        });
        return out;
    }

    /** Copies {@code source} (any dtype, broadcast to target's shape) into {@code target}, converting each value. */
    static void copy(Tensor target, Tensor source) {
        int[] shape = target.shape;
        Shapes.broadcast(shape, source.shape);
        int[][] strides = {target.strides, Shapes.broadcastStrides(source.shape, source.strides, shape)};
        int[] base = {target.offset, source.offset};
        Storage to = target.storage;
        Storage from = source.storage;
        if (to.dtype == from.dtype && to.dtype != DType.FLOAT16) {
            Loop.forEach(shape, strides, base, (off, step, n) -> copySameType(to, from, off, step, n));
            return;
        }
        Loop.forEach(shape, strides, base, (off, step, n) -> {
            int io = off[0], ip = off[1];
            for (int j = 0; j < n; j++, io += step[0], ip += step[1]) {
                to.setFrom(io, from, ip);
            }
        });
    }

    private static void copySameType(Storage to, Storage from, int[] off, int[] step, int n) {
        int io = off[0], ip = off[1], so = step[0], sp = step[1];
        if (so == 1 && sp == 1) {
            Object src = switch (to.dtype) {
                case FLOAT16, FLOAT32 -> from.floats;
                case FLOAT64 -> from.doubles;
                case INT64 -> from.longs;
                case BOOL -> from.bools;
            };
            Object dst = switch (to.dtype) {
                case FLOAT16, FLOAT32 -> to.floats;
                case FLOAT64 -> to.doubles;
                case INT64 -> to.longs;
                case BOOL -> to.bools;
            };
            System.arraycopy(src, ip, dst, io, n);
            return;
        }
        switch (to.dtype) {
            case FLOAT16, FLOAT32 -> {
                for (int j = 0; j < n; j++, io += so, ip += sp) {
                    to.floats[io] = from.floats[ip];
                }
            }
            case FLOAT64 -> {
                for (int j = 0; j < n; j++, io += so, ip += sp) {
                    to.doubles[io] = from.doubles[ip];
                }
            }
            case INT64 -> {
                for (int j = 0; j < n; j++, io += so, ip += sp) {
                    to.longs[io] = from.longs[ip];
                }
            }
            case BOOL -> {
                for (int j = 0; j < n; j++, io += so, ip += sp) {
                    to.bools[io] = from.bools[ip];
                }
            }
        }
    }
}
