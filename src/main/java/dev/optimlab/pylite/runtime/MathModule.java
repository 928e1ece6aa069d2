package dev.optimlab.pylite.runtime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The {@code math} module; mirrors CPython's Modules/mathmodule.c, including its "math domain error"
 * and "math range error" messages and its exact algorithms for fsum, isclose, factorial and comb.
 * Elementary functions are correctly rounded ({@link CorrectlyRounded}), as glibc's are in all but rare cases.
 */
final class MathModule {
    private MathModule() {
    }

    static PyModule create() {
        PyModule m = new PyModule("math")
                .define("pi", Math.PI).define("e", Math.E).define("tau", 2 * Math.PI)
                .define("inf", Double.POSITIVE_INFINITY).define("nan", Double.NaN);
        unary(m, "sqrt", x -> x < 0 ? domain() : Math.sqrt(x));
        unary(m, "exp", x -> range(CorrectlyRounded.exp(x), x));
        unary(m, "expm1", x -> range(CorrectlyRounded.expm1(x), x));
        unary(m, "log2", x -> x <= 0 ? domain() : CorrectlyRounded.log2(x));
        unary(m, "log10", x -> x <= 0 ? domain() : CorrectlyRounded.log10(x));
        unary(m, "log1p", x -> x <= -1 ? domain() : CorrectlyRounded.log1p(x));
        unary(m, "sin", x -> Double.isInfinite(x) ? domain() : CorrectlyRounded.sin(x));
        unary(m, "cos", x -> Double.isInfinite(x) ? domain() : CorrectlyRounded.cos(x));
        unary(m, "tan", x -> Double.isInfinite(x) ? domain() : CorrectlyRounded.tan(x));
        unary(m, "asin", x -> Math.abs(x) > 1 ? domain() : CorrectlyRounded.asin(x));
        unary(m, "acos", x -> Math.abs(x) > 1 ? domain() : CorrectlyRounded.acos(x));
        unary(m, "atan", CorrectlyRounded::atan);
        unary(m, "sinh", x -> range(CorrectlyRounded.sinh(x), x));
        unary(m, "cosh", x -> range(CorrectlyRounded.cosh(x), x));
        unary(m, "tanh", CorrectlyRounded::tanh);
        unary(m, "asinh", x -> Double.isInfinite(x) ? x : Math.log(x + Math.sqrt(x * x + 1)));
        unary(m, "acosh", x -> x < 1 ? domain() : Math.log(x + Math.sqrt(x * x - 1)));
        unary(m, "atanh", x -> Math.abs(x) >= 1 ? domain() : 0.5 * Math.log1p(2 * x / (1 - x)));
        unary(m, "fabs", Math::abs);
        unary(m, "degrees", Math::toDegrees);
        unary(m, "radians", Math::toRadians);
        m.function("log", (in, a, k) -> {
            Args.range("log", a, 1, 2);
            double num = log(a[0]);
            if (a.length == 1) {
                return num;
            }
            double den = log(a[1]);
            if (den == 0) {
                throw PyException.zeroDivision("float division by zero");
            }
            return num / den;
        });
        m.function("atan2", (in, a, k) -> CorrectlyRounded.atan2(Ops.toDouble(a[0]), Ops.toDouble(a[1])));
        m.function("pow", (in, a, k) -> {
            Args.exactly("pow", a, 2);
            double x = Ops.toDouble(a[0]);
            double y = Ops.toDouble(a[1]);
            if (x == 0 && y < 0 || x < 0 && y != Math.rint(y) && !Double.isInfinite(y)) {
                return domain();
            }
            double r = CorrectlyRounded.pow(x, y);
            if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
                throw PyException.overflow("math range error");
            }
            return r;
        });
        m.function("copysign", (in, a, k) -> Math.copySign(Ops.toDouble(a[0]), Ops.toDouble(a[1])));
        m.function("fmod", (in, a, k) -> {
            double x = Ops.toDouble(a[0]);
            double y = Ops.toDouble(a[1]);
            if (y == 0 || Double.isInfinite(x)) {
                return domain();
            }
            return x % y;
        });
        m.function("hypot", (in, a, k) -> {
            double sum = 0;
            for (Object o : a) {
                double v = Ops.toDouble(o);
                sum += v * v;
            }
            return a.length == 2 ? Math.hypot(Ops.toDouble(a[0]), Ops.toDouble(a[1])) : Math.sqrt(sum);
        });
        m.function("floor", (in, a, k) -> rounding(a, "floor", Math::floor));
        m.function("ceil", (in, a, k) -> rounding(a, "ceil", Math::ceil));
        m.function("trunc", (in, a, k) -> rounding(a, "trunc", x -> x < 0 ? Math.ceil(x) : Math.floor(x)));
        m.function("isfinite", (in, a, k) -> Double.isFinite(Ops.toDouble(a[0])));
        m.function("isinf", (in, a, k) -> Double.isInfinite(Ops.toDouble(a[0])));
        m.function("isnan", (in, a, k) -> Double.isNaN(Ops.toDouble(a[0])));
        m.function("isclose", MathModule::isclose);
        m.function("modf", (in, a, k) -> {
            double x = Ops.toDouble(a[0]);
            if (Double.isInfinite(x)) {
                return new PyTuple(Math.copySign(0.0, x), x);
            }
            double ip = x < 0 ? Math.ceil(x) : Math.floor(x);
            return new PyTuple(Math.copySign(x - ip, x), ip);
        });
        m.function("frexp", (in, a, k) -> {
            double x = Ops.toDouble(a[0]);
            if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
                return new PyTuple(x, 0L);
            }
            int e = Math.getExponent(x) + 1;
            double mant = x / Math.scalb(1.0, e);
            if (Math.abs(mant) < 0.5) {
                e = Math.getExponent(x * 0x1p54) + 1 - 54;
                mant = x / Math.scalb(1.0, e);
            }
            return new PyTuple(mant, (long) e);
        });
        m.function("ldexp", (in, a, k) -> {
            double r = Math.scalb(Ops.toDouble(a[0]), (int) Math.max(-100000, Math.min(100000, Ops.index(a[1]))));
            if (Double.isInfinite(r) && !Double.isInfinite(Ops.toDouble(a[0]))) {
                throw PyException.overflow("math range error");
            }
            return r;
        });
        m.function("factorial", (in, a, k) -> {
            Args.exactly("factorial", a, 1);
            if (a[0] instanceof BigInteger) {
                throw PyException.overflow("factorial() argument should not exceed " + Long.MAX_VALUE);
            }
            long n = intOnly(a[0]);
            if (n < 0) {
                throw PyException.valueError("factorial() not defined for negative values");
            }
            NumberOps.chargeIntBits(in, (long) (n * (Math.log(Math.max(n, 1)) / Math.log(2))));
            BigInteger r = BigInteger.ONE;
            for (long i = 2; i <= n; i++) {
                r = r.multiply(BigInteger.valueOf(i));
                in.budget().step();
            }
            return Py.normalize(r);
        });
        m.function("gcd", (in, a, k) -> {
            BigInteger g = BigInteger.ZERO;
            for (Object o : a) {
                intOnly(o);
                g = g.gcd(Py.big(o));
            }
            return Py.normalize(g);
        });
        m.function("lcm", (in, a, k) -> {
            BigInteger l = BigInteger.ONE;
            for (Object o : a) {
                intOnly(o);
                BigInteger v = Py.big(o).abs();
                if (v.signum() == 0) {
                    return 0L;
                }
                l = l.divide(l.gcd(v)).multiply(v);
            }
            return Py.normalize(l);
        });
        m.function("isqrt", (in, a, k) -> {
            intOnly(a[0]);
            BigInteger v = Py.big(a[0]);
            if (v.signum() < 0) {
                throw PyException.valueError("isqrt() argument must be nonnegative");
            }
            return Py.normalize(v.sqrt());
        });
        m.function("comb", (in, a, k) -> {
            Args.exactly("comb", a, 2);
            return combinatorial(in, "comb", a[0], a[1], true);
        });
        m.function("perm", (in, a, k) -> {
            Args.range("perm", a, 1, 2);
            return combinatorial(in, "perm", a[0], a.length > 1 ? a[1] : Py.NONE, false);
        });
        m.function("prod", (in, a, k) -> {
            Args.exactly("prod", a, 1);
            Object result = Args.keyword(k, "start", 1L);
            for (Object v : Ops.toList(in, a[0])) {
                result = Operators.binary(in, "*", result, v);
            }
            return result;
        });
        m.function("fsum", (in, a, k) -> {
            Args.exactly("fsum", a, 1);
            return fsum(in, Ops.toList(in, a[0]));
        });
        m.function("dist", (in, a, k) -> {
            List<Object> p = Ops.toList(in, a[0]);
            List<Object> q = Ops.toList(in, a[1]);
            if (p.size() != q.size()) {
                throw PyException.valueError("both points must have the same number of dimensions");
            }
            double s = 0;
            for (int i = 0; i < p.size(); i++) {
                double d = Ops.toDouble(p.get(i)) - Ops.toDouble(q.get(i));
                s += d * d;
            }
            return Math.sqrt(s);
        });
        return m;
    }

    private static void unary(PyModule m, String name, DoubleUnaryOperator f) {
        m.function(name, (in, a, k) -> {
            Args.exactly(name, a, 1);
            return f.applyAsDouble(Ops.toDouble(a[0]));
        });
    }

    private static double domain() {
        throw PyException.valueError("math domain error");
    }

    private static double range(double r, double x) {
        if (Double.isInfinite(r) && !Double.isInfinite(x)) {
            throw PyException.overflow("math range error");
        }
        return r;
    }

    /** log of ints of any size, as CPython's loghelper. */
    private static double log(Object v) {
        if (v instanceof BigInteger b) {
            if (b.signum() <= 0) {
                return domain();
            }
            int shift = b.bitLength() - 60;
            return CorrectlyRounded.log(b.shiftRight(shift).doubleValue()) + shift * Math.log(2.0);
        }
        double x = Ops.toDouble(v);
        if (x <= 0) {
            return domain();
        }
        return CorrectlyRounded.log(x);
    }

    /** comb(n, k) and perm(n, k) for ints of any size n, with k up to the range of a long. */
    private static Object combinatorial(Interpreter in, String name, Object nArg, Object kArg, boolean comb) {
        intOnly(nArg);
        BigInteger n = Py.big(nArg);
        BigInteger kBig = kArg == Py.NONE ? n : Py.big(intOnlyValue(kArg));
        if (n.signum() < 0 || kBig.signum() < 0) {
            throw PyException.valueError((n.signum() < 0 ? "n" : "k") + " must be a non-negative integer");
        }
        if (kBig.compareTo(n) > 0) {
            return 0L;
        }
        if (comb && n.subtract(kBig).compareTo(kBig) < 0) {
            kBig = n.subtract(kBig);
        }
        if (kBig.bitLength() > 63) {
            throw PyException.overflow(name + "() k must not exceed " + Long.MAX_VALUE);
        }
        long kv = kBig.longValue();
        NumberOps.chargeIntBits(in, kv * Math.max(1, n.bitLength()));
        BigInteger result = BigInteger.ONE;
        for (long i = 1; i <= kv; i++) {
            result = result.multiply(n.subtract(BigInteger.valueOf(kv - i)));
            if (comb) {
                result = result.divide(BigInteger.valueOf(i));
            }
            in.budget().step();
        }
        return Py.normalize(result);
    }

    private static Object intOnlyValue(Object o) {
        intOnly(o);
        return o;
    }

    private static long intOnly(Object o) {
        if (!Py.isInt(o)) {
            throw PyException.typeError("'" + Py.typeName(o) + "' object cannot be interpreted as an integer");
        }
        return o instanceof BigInteger ? Long.MAX_VALUE : Ops.index(o);
    }

    private static Object rounding(Object[] a, String name, DoubleUnaryOperator f) {
        Args.exactly(name, a, 1);
        if (Py.isInt(a[0])) {
            return a[0] instanceof Boolean b ? (b ? 1L : 0L) : a[0];
        }
        return Ops.floatToInt(f.applyAsDouble(Ops.toDouble(a[0])));
    }

    private static Object isclose(Interpreter in, Object[] a, java.util.Map<String, Object> k) {
        Args.exactly("isclose", a, 2);
        Args.onlyKeywords("isclose", k, "rel_tol", "abs_tol");
        double x = Ops.toDouble(a[0]);
        double y = Ops.toDouble(a[1]);
        double rel = Ops.toDouble(Args.keyword(k, "rel_tol", 1e-09));
        double abs = Ops.toDouble(Args.keyword(k, "abs_tol", 0.0));
        if (rel < 0 || abs < 0) {
            throw PyException.valueError("tolerances must be non-negative");
        }
        if (x == y) {
            return true;
        }
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            return false;
        }
        double diff = Math.abs(y - x);
        return diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs;
    }

    /** Shewchuk's exact summation with CPython's final half-even correction (math_fsum). */
    private static double fsum(Interpreter in, List<Object> values) {
        List<Double> partials = new ArrayList<>();
        double specialSum = 0;
        double infSum = 0;
        for (Object o : values) {
            double x = Ops.toDouble(o);
            in.budget().step();
            if (!Double.isFinite(x)) {
                if (Double.isInfinite(x)) {
                    infSum += x;
                }
                specialSum += x;
                continue;
            }
            int i = 0;
            for (double y : partials) {
                if (Math.abs(x) < Math.abs(y)) {
                    double t = x;
                    x = y;
                    y = t;
                }
                double hi = x + y;
                double lo = y - (hi - x);
                if (lo != 0.0) {
                    partials.set(i++, lo);
                }
                x = hi;
            }
            while (partials.size() > i) {
                partials.remove(partials.size() - 1);
            }
            partials.add(x);
        }
        if (specialSum != 0.0) {
            if (Double.isNaN(infSum)) {
                throw PyException.valueError("-inf + inf in fsum");
            }
            return specialSum;
        }
        int n = partials.size();
        double hi = 0.0;
        if (n > 0) {
            hi = partials.get(--n);
            double lo = 0;
            while (n > 0) {
                double x = hi;
                double y = partials.get(--n);
                hi = x + y;
                double yr = hi - x;
                lo = y - yr;
                if (lo != 0.0) {
                    break;
                }
            }
            if (n > 0 && ((lo < 0.0 && partials.get(n - 1) < 0.0) || (lo > 0.0 && partials.get(n - 1) > 0.0))) {
                double y = lo * 2.0;
                double x = hi + y;
                double yr = x - hi;
                if (y == yr) {
                    hi = x;
                }
            }
        }
        return hi;
    }
}
