package dev.optimlab.torch;

/**
 * Mirrors PyTorch's 16-wide Box–Muller blocks in {@code aten/src/ATen/native/cpu/DistributionTemplates.h}:
 * {@code normal_fill_16_AVX2} with Cephes' {@code log256_ps} and {@code sincos256_ps} from
 * {@code avx_mathfun.h} for float32 on AVX2, and the generic {@code normal_fill_16} for float32 on
 * other kernels and for float64.
 *
 * <p>Every float32 operation is rounded to float exactly where PyTorch's GCC build rounds it; each
 * {@code Math.fma} stands where GCC contracts a multiply and an add into one rounding.
 */
final class NormalFill {

    static final int BLOCK = 16;
    private static final int HALF = 8;

    private static final float TWO_PI = 6.2831855f;
    private static final float SQRT_HALF = 0.707106781186547524f;
    private static final int ONE_BITS = Float.floatToRawIntBits(1.0f);
    private static final float[] LOG_P = {
        7.0376836292E-2f, -1.1514610310E-1f, 1.1676998740E-1f, -1.2420140846E-1f, 1.4249322787E-1f,
        -1.6668057665E-1f, 2.0000714765E-1f, -2.4999993993E-1f, 3.3333331174E-1f,
    };
    private static final float LOG_Q1 = -2.12194440E-4f;
    private static final float LOG_Q2 = 0.693359375f;
    private static final float FOUR_OVER_PI = 1.27323954473516f;
    private static final float DP1 = -0.78515625f;
    private static final float DP2 = -2.4187564849853515625E-4f;
    private static final float DP3 = -3.77489497744594108E-8f;
    private static final float COS_P0 = 2.443315711809948E-5f;
    private static final float COS_P1 = -1.388731625493765E-3f;
    private static final float COS_P2 = 4.166664568298827E-2f;
    private static final float SIN_P0 = -1.9515295891E-4f;
    private static final float SIN_P1 = 8.3321608736E-3f;
    private static final float SIN_P2 = -1.6666654611E-1f;

    private NormalFill() {
    }

    /** Turns the 16 uniforms at {@code data[k..k+15]} into normals in place, as the capability's kernel does. */
    static void fillFloatBlock(CpuCapability capability, float[] data, int k, float mean, float std) {
        if (capability == CpuCapability.AVX2) {
            fillFloatBlockAvx2(data, k, mean, std);
        } else {
            fillFloatBlockGeneric(data, k, mean, std, capability == CpuCapability.AVX512);
        }
    }

    /** normal_fill_16_AVX2. */
    private static void fillFloatBlockAvx2(float[] data, int k, float mean, float std) {
        for (int j = 0; j < HALF; j++) {
            float a = 1.0f - data[k + j];
            float theta = TWO_PI * data[k + j + HALF];
            float radius = (float) Math.sqrt(-2.0f * log(a));
            long sinCos = sinCos(theta);
            float sin = Float.intBitsToFloat((int) (sinCos >>> 32));
            float cos = Float.intBitsToFloat((int) sinCos);
            data[k + j] = Math.fma(radius * cos, std, mean);
            data[k + j + HALF] = Math.fma(radius * sin, std, mean);
        }
    }

    /**
     * normal_fill_16 on float: glibc's logf/cosf/sinf, theta computed in double and rounded to float;
     * the final {@code * std + mean} is fused only where the kernel is built with FMA (AVX-512).
     */
    private static void fillFloatBlockGeneric(float[] data, int k, float mean, float std, boolean fused) {
        for (int j = 0; j < HALF; j++) {
            float a = 1.0f - data[k + j];
            float theta = (float) (2.0 * Math.PI * data[k + j + HALF]);
            float radius = (float) Math.sqrt(-2.0f * GlibcFloatMath.logf(a));
            float cosine = radius * GlibcFloatMath.cosf(theta);
            float sine = radius * GlibcFloatMath.sinf(theta);
            data[k + j] = fused ? Math.fma(cosine, std, mean) : cosine * std + mean;
            data[k + j + HALF] = fused ? Math.fma(sine, std, mean) : sine * std + mean;
        }
    }

    /** Turns the 16 uniforms at {@code data[k..k+15]} into normals in place, as normal_fill_16 does for double. */
    static void fillDoubleBlock(double[] data, int k, double mean, double std, boolean fused) {
        for (int j = 0; j < HALF; j++) {
            double a = 1.0 - data[k + j];
            double theta = 2.0 * Math.PI * data[k + j + HALF];
            double radius = Math.sqrt(-2.0 * Math.log(a));
            double cosine = radius * Math.cos(theta);
            double sine = radius * Math.sin(theta);
            data[k + j] = fused ? Math.fma(cosine, std, mean) : cosine * std + mean;
            data[k + j + HALF] = fused ? Math.fma(sine, std, mean) : sine * std + mean;
        }
    }

    /** Cephes {@code log256_ps} for a positive normal float, with GCC's contractions; branch-free like the vector code. */
    static float log(float a) {
        int bits = Float.floatToRawIntBits(a);
        float e = (float) ((bits >>> 23) - 126);
        float m = Float.intBitsToFloat((bits & 0x807FFFFF) | 0x3F000000);
        // All ones where m < sqrt(1/2): the sign of m - sqrt(1/2), as the vector compare gives.
        int below = Float.floatToRawIntBits(m - SQRT_HALF) >> 31;
        e = e - Float.intBitsToFloat(ONE_BITS & below);
        float x = (m - 1.0f) + Float.intBitsToFloat(Float.floatToRawIntBits(m) & below);
        float z = x * x;
        float y = LOG_P[0];
        for (int i = 1; i < LOG_P.length; i++) {
            y = Math.fma(y, x, LOG_P[i]);
        }
        y = y * x;
        y = Math.fma(y, z, e * LOG_Q1);
        y = y - 0.5f * z;
        return (x + y) + e * LOG_Q2;
    }

    /**
     * Cephes {@code sincos256_ps} for theta &ge; 0, with GCC's contractions; returns the sine's bits
     * in the high half and the cosine's in the low half so the caller allocates nothing.
     */
    static long sinCos(float theta) {
        int j = (int) (theta * FOUR_OVER_PI);
        j = (j + 1) & ~1;
        float octant = (float) j;
        float x = Math.fma(octant, DP1, theta);
        x = Math.fma(octant, DP2, x);
        x = Math.fma(octant, DP3, x);
        float z = x * x;

        float c = Math.fma(Math.fma(COS_P0, z, COS_P1), z, COS_P2);
        c = c * z;
        c = Math.fma(c, z, -(0.5f * z));
        c = c + 1.0f;

        float s = Math.fma(Math.fma(SIN_P0, z, SIN_P1), z, SIN_P2);
        s = s * z;
        s = Math.fma(s, x, x);

        // The blend adds, subtracts and flips signs with masks exactly as the vector code does, zeros included.
        int sinPolynomial = ((j & 2) >> 1) - 1;
        int cBits = Float.floatToRawIntBits(c);
        int sBits = Float.floatToRawIntBits(s);
        float sinFromCos = Float.intBitsToFloat(cBits & ~sinPolynomial);
        float sinFromSin = Float.intBitsToFloat(sBits & sinPolynomial);
        int sinSign = (j & 4) << 29;
        int cosSign = (~(j - 2) & 4) << 29;
        float sin = Float.intBitsToFloat(Float.floatToRawIntBits(sinFromCos + sinFromSin) ^ sinSign);
        float cos = Float.intBitsToFloat(Float.floatToRawIntBits((c - sinFromCos) + (s - sinFromSin)) ^ cosSign);
        return ((long) Float.floatToRawIntBits(sin) << 32) | Integer.toUnsignedLong(Float.floatToRawIntBits(cos));
    }
}
