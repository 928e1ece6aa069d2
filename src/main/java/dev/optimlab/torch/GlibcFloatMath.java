package dev.optimlab.torch;

/**
 * glibc's single-precision {@code logf}, {@code sinf} and {@code cosf} as they run on x86-64 CPUs with
 * FMA (glibc's ifunc-selected FMA builds), which PyTorch's non-AVX2 normal kernel calls. Ported from
 * Arm's optimized-routines ({@code math/logf.c}, {@code sinf.c}, {@code cosf.c}, {@code sincosf.h};
 * Copyright (c) 2017-2018 Arm Limited, MIT licence), the code glibc ships since 2.28. Each
 * {@code Math.fma} stands where GCC contracts a multiply and an add in those builds.
 *
 * <p>Only the inputs the normal kernel produces are handled: {@code logf} on (0, 1], and
 * {@code sinf}/{@code cosf} on [0, 2π].
 */
final class GlibcFloatMath {

    private static final int LOGF_OFF = 0x3f330000;
    private static final double[] LOGF_INVC = {
        0x1.661ec79f8f3bep+0, 0x1.571ed4aaf883dp+0, 0x1.49539f0f010bp+0, 0x1.3c995b0b80385p+0,
        0x1.30d190c8864a5p+0, 0x1.25e227b0b8eap+0, 0x1.1bb4a4a1a343fp+0, 0x1.12358f08ae5bap+0,
        0x1.0953f419900a7p+0, 0x1p+0, 0x1.e608cfd9a47acp-1, 0x1.ca4b31f026aap-1,
        0x1.b2036576afce6p-1, 0x1.9c2d163a1aa2dp-1, 0x1.886e6037841edp-1, 0x1.767dcf5534862p-1,
    };
    private static final double[] LOGF_LOGC = {
        -0x1.57bf7808caadep-2, -0x1.2bef0a7c06ddbp-2, -0x1.01eae7f513a67p-2, -0x1.b31d8a68224e9p-3,
        -0x1.6574f0ac07758p-3, -0x1.1aa2bc79c81p-3, -0x1.a4e76ce8c0e5ep-4, -0x1.1973c5a611cccp-4,
        -0x1.252f438e10c1ep-5, 0x0p+0, 0x1.aa5aa5df25984p-5, 0x1.c5e53aa362eb4p-4,
        0x1.526e57720db08p-3, 0x1.bc2860d22477p-3, 0x1.1058bc8a07ee1p-2, 0x1.4043057b6ee09p-2,
    };
    private static final double LN2 = 0x1.62e42fefa39efp-1;
    private static final double LOGF_A0 = -0x1.00ea348b88334p-2;
    private static final double LOGF_A1 = 0x1.5575b0be00b6ap-2;
    private static final double LOGF_A2 = -0x1.ffffef20a4123p-2;

    private static final double[] SIGN = {1.0, -1.0, -1.0, 1.0};
    private static final double HPI_INV = 0x1.45F306DC9C883p+23;
    private static final double HPI = 0x1.921FB54442D18p0;
    private static final double C0 = 0x1p0;
    private static final double C1 = -0x1.ffffffd0c621cp-2;
    private static final double C2 = 0x1.55553e1068f19p-5;
    private static final double C3 = -0x1.6c087e89a359dp-10;
    private static final double C4 = 0x1.99343027bf8c3p-16;
    private static final double S1 = -0x1.555545995a603p-3;
    private static final double S2 = 0x1.1107605230bc4p-7;
    private static final double S3 = -0x1.994eb3774cf24p-13;
    private static final int TOP12_PIO4 = abstop12((float) 0x1.921FB54442D18p-1);
    private static final int TOP12_TINY = abstop12(0x1p-12f);

    private GlibcFloatMath() {
    }

    /** glibc {@code logf} for a positive normal x. */
    static float logf(float x) {
        int ix = Float.floatToRawIntBits(x);
        if (ix == 0x3f800000) {
            return 0.0f;
        }
        int tmp = ix - LOGF_OFF;
        int i = (tmp >>> 19) & 15;
        int k = tmp >> 23;
        int iz = ix - (tmp & (0x1ff << 23));
        double z = Float.intBitsToFloat(iz);
        double r = Math.fma(z, LOGF_INVC[i], -1.0);
        double y0 = Math.fma(k, LN2, LOGF_LOGC[i]);
        double r2 = r * r;
        double y = Math.fma(LOGF_A1, r, LOGF_A2);
        y = Math.fma(LOGF_A0, r2, y);
        y = Math.fma(y, r2, y0 + r);
        return (float) y;
    }

    /** glibc {@code sinf} for 0 &le; y &lt; 120. */
    static float sinf(float y) {
        double x = y;
        int top = abstop12(y);
        if (top < TOP12_PIO4) {
            return top < TOP12_TINY ? y : polynomial(x, x * x, false, 0);
        }
        int n = quadrant(x);
        double reduced = reduce(x, n);
        return polynomial(reduced * SIGN[n & 3], reduced * reduced, (n & 2) != 0, n);
    }

    /** glibc {@code cosf} for 0 &le; y &lt; 120. */
    static float cosf(float y) {
        double x = y;
        int top = abstop12(y);
        if (top < TOP12_PIO4) {
            return top < TOP12_TINY ? 1.0f : polynomial(x, x * x, false, 1);
        }
        int n = quadrant(x);
        double reduced = reduce(x, n);
        return polynomial(reduced * SIGN[n & 3], reduced * reduced, (n & 2) != 0, n ^ 1);
    }

    private static int abstop12(float x) {
        return (Float.floatToRawIntBits(x) >>> 20) & 0x7ff;
    }

    /** {@code reduce_fast} without rounding intrinsics: the quadrant from a 2^24-scaled product. */
    private static int quadrant(double x) {
        return ((int) (x * HPI_INV) + 0x800000) >> 24;
    }

    private static double reduce(double x, int n) {
        return Math.fma(-(double) n, HPI, x);
    }

    /** {@code sinf_poly}: the sine polynomial for even n, the cosine one for odd n; negated cosine in the upper half. */
    private static float polynomial(double x, double x2, boolean negateCosine, int n) {
        if ((n & 1) == 0) {
            double x3 = x * x2;
            double s1 = Math.fma(x2, S3, S2);
            double x7 = x3 * x2;
            double s = Math.fma(x3, S1, x);
            return (float) Math.fma(x7, s1, s);
        }
        double sign = negateCosine ? -1.0 : 1.0;
        double x4 = x2 * x2;
        double c2 = Math.fma(x2, sign * C4, sign * C3);
        double c1 = Math.fma(x2, sign * C1, sign * C0);
        double x6 = x4 * x2;
        double c = Math.fma(x4, sign * C2, c1);
        return (float) Math.fma(x6, c2, c);
    }
}
