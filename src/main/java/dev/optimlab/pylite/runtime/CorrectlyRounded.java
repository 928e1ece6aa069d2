package dev.optimlab.pylite.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The elementary functions as CPython on glibc computes them. glibc's exp, log, pow, sin, cos, tan, atan
 * and atan2 are correctly rounded in all but rare cases, so those are computed here with 60-digit
 * decimals and rounded once; glibc's expm1, log1p, sinh and tanh are fdlibm's, which StrictMath is; log10
 * and cosh follow fdlibm's formulas over the correctly rounded log and exp, as glibc's do. java.lang.Math
 * alone differs from glibc in the last bit for about one argument in ten, which shows when a program
 * prints a float in full. Arguments where the decimal computation would be slow use java.lang.Math.
 */
final class CorrectlyRounded {
    private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal LN2 = atanhSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC)).multiply(TWO, MC);
    private static final BigDecimal LN10 = log(BigDecimal.TEN);
    private static final BigDecimal PI = pi();
    private static final BigDecimal HALF_PI = PI.divide(TWO, MC);
    private static final double TRIG_LIMIT = 1e6;

    private CorrectlyRounded() {
    }

    private static boolean ordinary(double x) {
        return Double.isFinite(x) && x != 0;
    }

    static double exp(double x) {
        if (!ordinary(x) || Math.abs(x) > 700) {
            return Math.exp(x);
        }
        return expBig(new BigDecimal(x)).doubleValue();
    }

    /** glibc's expm1 is fdlibm's, which StrictMath is. */
    static double expm1(double x) {
        return StrictMath.expm1(x);
    }

    static double log(double x) {
        if (!ordinary(x) || x < 0) {
            return Math.log(x);
        }
        return log(new BigDecimal(x)).doubleValue();
    }

    /** glibc's log10 (fdlibm's e_log10.c formula over its own, nearly correctly rounded, log). */
    static double log10(double x) {
        if (!ordinary(x) || x < 0) {
            return Math.log10(x);
        }
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >>> 32);
        int k = 0;
        if (hx < 0x00100000) {
            k -= 54;
            bits = Double.doubleToRawLongBits(x * 0x1p54);
            hx = (int) (bits >>> 32);
        }
        k += (hx >> 20) - 1023;
        int i = (k & 0x80000000) >>> 31;
        hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
        double y = k + i;
        double m = Double.longBitsToDouble(((long) hx << 32) | (bits & 0xffffffffL));
        double z = y * 3.69423907715893078616e-13 + 4.34294481903251816668e-01 * log(m);
        return z + y * 3.01029995663611771306e-01;
    }

    static double log2(double x) {
        if (!ordinary(x) || x < 0) {
            return Math.log(x) / Math.log(2);
        }
        return log(new BigDecimal(x)).divide(LN2, MC).doubleValue();
    }

    /** glibc's log1p is fdlibm's, which StrictMath is. */
    static double log1p(double x) {
        return StrictMath.log1p(x);
    }

    static double sin(double x) {
        if (!ordinary(x) || Math.abs(x) > TRIG_LIMIT) {
            return Math.sin(x);
        }
        return sinCos(new BigDecimal(x))[0].doubleValue();
    }

    static double cos(double x) {
        if (!Double.isFinite(x) || Math.abs(x) > TRIG_LIMIT) {
            return Math.cos(x);
        }
        return sinCos(new BigDecimal(x))[1].doubleValue();
    }

    static double tan(double x) {
        if (!ordinary(x) || Math.abs(x) > TRIG_LIMIT) {
            return Math.tan(x);
        }
        BigDecimal[] sc = sinCos(new BigDecimal(x));
        return sc[0].divide(sc[1], MC).doubleValue();
    }

    static double atan(double x) {
        if (!ordinary(x)) {
            return Math.atan(x);
        }
        return atanBig(new BigDecimal(x)).doubleValue();
    }

    static double atan2(double y, double x) {
        if (!ordinary(y) || !ordinary(x)) {
            return Math.atan2(y, x);
        }
        BigDecimal a = atanBig(new BigDecimal(y).divide(new BigDecimal(x), MC));
        if (x < 0) {
            a = y >= 0 ? a.add(PI, MC) : a.subtract(PI, MC);
        }
        return a.doubleValue();
    }

    static double asin(double x) {
        if (!ordinary(x) || Math.abs(x) >= 1) {
            return Math.asin(x);
        }
        BigDecimal b = new BigDecimal(x);
        BigDecimal root = BigDecimal.ONE.subtract(b.multiply(b, MC), MC).sqrt(MC);
        return atanBig(b.divide(root, MC)).doubleValue();
    }

    static double acos(double x) {
        if (!Double.isFinite(x) || Math.abs(x) >= 1) {
            return Math.acos(x);
        }
        BigDecimal b = new BigDecimal(x);
        BigDecimal root = BigDecimal.ONE.subtract(b.multiply(b, MC), MC).sqrt(MC);
        BigDecimal asin = x == 0 ? BigDecimal.ZERO : atanBig(b.divide(root, MC));
        return HALF_PI.subtract(asin, MC).doubleValue();
    }

    /** glibc's sinh is fdlibm's, which StrictMath is. */
    static double sinh(double x) {
        return StrictMath.sinh(x);
    }

    /** glibc's cosh: fdlibm's e_cosh.c formula over glibc's own exp. */
    static double cosh(double x) {
        double ax = Math.abs(x);
        if (!Double.isFinite(x) || ax >= 22) {
            return ax < 709 ? 0.5 * exp(ax) : Math.cosh(x);
        }
        if (ax < 0.5 * 0.6931471805599453) {
            double t = StrictMath.expm1(ax);
            double w = 1 + t;
            return ax < 0x1p-55 ? w : 1 + (t * t) / (w + w);
        }
        double t = exp(ax);
        return 0.5 * t + 0.5 / t;
    }

    /** glibc's tanh is fdlibm's, which StrictMath is. */
    static double tanh(double x) {
        return StrictMath.tanh(x);
    }

    /** pow(x, y) for positive finite x, or negative x with an integral y; other cases use Math.pow. */
    static double pow(double x, double y) {
        if (!ordinary(x) || !ordinary(y) || x == 1 || (x < 0 && y != Math.rint(y))) {
            return Math.pow(x, y);
        }
        double approx = Math.pow(Math.abs(x), y);
        if (approx == 0 || Double.isInfinite(approx) || Math.abs(y * Math.log(Math.abs(x))) > 700) {
            return Math.pow(x, y);
        }
        if (y == Math.rint(y) && Math.abs(y) <= 64) {
            BigDecimal exact = new BigDecimal(Math.abs(x)).pow((int) Math.abs(y), MC);
            double r = (y < 0 ? BigDecimal.ONE.divide(exact, MC) : exact).doubleValue();
            return x < 0 && ((long) y) % 2 != 0 ? -r : r;
        }
        BigDecimal r = expBig(log(new BigDecimal(Math.abs(x))).multiply(new BigDecimal(y), MC));
        double v = r.doubleValue();
        return x < 0 && ((long) y) % 2 != 0 ? -v : v;
    }

    // ---- decimal kernels

    private static BigDecimal expBig(BigDecimal x) {
        int halvings = Math.max(0, x.abs().compareTo(BigDecimal.ONE) > 0 ? x.abs().toBigInteger().bitLength() + 8 : 8);
        BigDecimal r = x.divide(TWO.pow(halvings), MC);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int n = 1; n < 40; n++) {
            term = term.multiply(r, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(BigDecimal.ONE.movePointLeft(65)) < 0) {
                break;
            }
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }

    /** Natural log of a positive decimal: x = m 2^e with m in [1, 2), then log m = 2 atanh((m-1)/(m+1)). */
    private static BigDecimal log(BigDecimal x) {
        int e = Math.getExponent(x.doubleValue());
        BigDecimal m = e >= 0 ? x.divide(TWO.pow(e), MC) : x.multiply(TWO.pow(-e), MC);
        BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        return atanhSeries(z).multiply(TWO, MC).add(LN2.multiply(BigDecimal.valueOf(e), MC), MC);
    }

    private static BigDecimal atanhSeries(BigDecimal z) {
        BigDecimal z2 = z.multiply(z, MC);
        BigDecimal power = z;
        BigDecimal sum = z;
        for (int n = 3; n < 400; n += 2) {
            power = power.multiply(z2, MC);
            BigDecimal term = power.divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(BigDecimal.ONE.movePointLeft(65)) < 0) {
                break;
            }
        }
        return sum;
    }

    /** sin and cos after reducing the argument by multiples of pi/2. */
    private static BigDecimal[] sinCos(BigDecimal x) {
        BigInteger quadrant = x.divide(HALF_PI, MC).setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
        BigDecimal r = x.subtract(HALF_PI.multiply(new BigDecimal(quadrant), MC), MC);
        BigDecimal r2 = r.multiply(r, MC);
        BigDecimal sinTerm = r;
        BigDecimal sin = r;
        BigDecimal cosTerm = BigDecimal.ONE;
        BigDecimal cos = BigDecimal.ONE;
        for (int n = 1; n < 60; n++) {
            sinTerm = sinTerm.multiply(r2, MC).divide(BigDecimal.valueOf((2L * n) * (2L * n + 1)), MC).negate();
            cosTerm = cosTerm.multiply(r2, MC).divide(BigDecimal.valueOf((2L * n - 1) * (2L * n)), MC).negate();
            sin = sin.add(sinTerm, MC);
            cos = cos.add(cosTerm, MC);
            if (sinTerm.abs().compareTo(BigDecimal.ONE.movePointLeft(65)) < 0
                    && cosTerm.abs().compareTo(BigDecimal.ONE.movePointLeft(65)) < 0) {
                break;
            }
        }
        return switch (quadrant.mod(BigInteger.valueOf(4)).intValue()) {
            case 0 -> new BigDecimal[] {sin, cos};
            case 1 -> new BigDecimal[] {cos, sin.negate()};
            case 2 -> new BigDecimal[] {sin.negate(), cos.negate()};
            default -> new BigDecimal[] {cos.negate(), sin};
        };
    }

    private static BigDecimal atanBig(BigDecimal x) {
        if (x.abs().compareTo(BigDecimal.ONE) > 0) {
            BigDecimal inner = atanBig(BigDecimal.ONE.divide(x, MC));
            return (x.signum() > 0 ? HALF_PI : HALF_PI.negate()).subtract(inner, MC);
        }
        int doublings = 0;
        BigDecimal r = x;
        while (r.abs().compareTo(BigDecimal.valueOf(0.05)) > 0) {
            r = r.divide(BigDecimal.ONE.add(BigDecimal.ONE.add(r.multiply(r, MC), MC).sqrt(MC), MC), MC);
            doublings++;
        }
        BigDecimal r2 = r.multiply(r, MC);
        BigDecimal power = r;
        BigDecimal sum = r;
        for (int n = 3; n < 200; n += 2) {
            power = power.multiply(r2, MC).negate();
            BigDecimal term = power.divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(BigDecimal.ONE.movePointLeft(65)) < 0) {
                break;
            }
        }
        return sum.multiply(TWO.pow(doublings), MC);
    }

    /** pi by Machin's formula: 16 atan(1/5) - 4 atan(1/239). */
    private static BigDecimal pi() {
        return arctanInverse(5).multiply(BigDecimal.valueOf(16), MC)
                .subtract(arctanInverse(239).multiply(BigDecimal.valueOf(4), MC), MC);
    }

    private static BigDecimal arctanInverse(int n) {
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(n), MC);
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal power = x;
        BigDecimal sum = x;
        for (int k = 3; k < 400; k += 2) {
            power = power.multiply(x2, MC).negate();
            BigDecimal term = power.divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(BigDecimal.ONE.movePointLeft(70)) < 0) {
                break;
            }
        }
        return sum;
    }
}
