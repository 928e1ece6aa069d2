package dev.optimlab.torch;

import java.security.SecureRandom;

/**
 * Mirrors {@code torch.Generator} on the CPU ({@code at::CPUGeneratorImpl}): an mt19937 engine with
 * PyTorch's seeding, its uniform, normal, integer, permutation and Bernoulli transforms, and its
 * order of draws, so that a seeded generator yields PyTorch's numbers bit for bit on x86-64 (checked
 * against 1.13; where 2.x changed a transform, 2.x is followed). float64 normals are the exception:
 * they pass through Java's log/sin/cos and may differ from glibc's in the last bits (docs/fidelity.md).
 *
 * <p>Each instance owns its state; like PyTorch's per-generator mutex, every public drawing method
 * is synchronized, so one generator shared by threads stays consistent and distinct generators
 * never interfere.
 *
 * <p>Array methods fill {@code out[off .. off+n-1]} in row-major order, as PyTorch fills a
 * contiguous tensor.
 *
 * <p>A few transforms depend on which kernel PyTorch runs on the learner's CPU; the generator
 * reproduces {@link CpuCapability#AVX2}, the common x86-64 case, unless told otherwise.
 */
public final class Generator {

    /** PyTorch's {@code default_rng_seed_val}. */
    public static final long DEFAULT_SEED = 67280421310721L;

    /** Size of {@code torch.get_rng_state()}: the legacy THGeneratorState plus the float normal cache. */
    public static final int STATE_SIZE = 5056;

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908B0DF;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7FFFFFFF;
    private static final float FLOAT_UNIT = 1.0f / (1 << 24);
    private static final double DOUBLE_UNIT = 1.0 / (1L << 53);
    private static final long TWO_POW_32 = 1L << 32;
    /** {@code std::numeric_limits<uint32_t>::max() / 20}, where PyTorch 2.x's randperm switches to 64-bit draws. */
    private static final int WIDE_RANDPERM_THRESHOLD = (int) (0xFFFFFFFFL / 20);

    private final int[] state = new int[N];
    private int next;
    private int left;
    private long initialSeed;
    private boolean hasCachedNormal;
    private double cachedNormal;
    private CpuCapability capability = CpuCapability.AVX2;

    /** A generator seeded with PyTorch's default seed, like a fresh {@code torch.Generator()}. */
    public Generator() {
        manualSeed(DEFAULT_SEED);
    }

    /** Mirrors {@code Generator.manual_seed}: only the low 32 bits feed the engine; clears the normal cache. */
    public synchronized Generator manualSeed(long seed) {
        initialSeed = seed;
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            int previous = state[j - 1];
            state[j] = 1812433253 * (previous ^ (previous >>> 30)) + j;
        }
        left = 1;
        next = 0;
        hasCachedNormal = false;
        cachedNormal = 0.0;
        return this;
    }

    /** Draws as PyTorch's kernels for the given CPU capability do; the engine and its state are unaffected. */
    public synchronized Generator cpuCapability(CpuCapability capability) {
        this.capability = capability;
        return this;
    }

    /** The CPU capability whose kernels this generator imitates; AVX2 unless set. */
    public synchronized CpuCapability cpuCapability() {
        return capability;
    }

    /** Mirrors {@code Generator.initial_seed()}; the value is unsigned 64-bit (seed -1 reads back as 2^64-1). */
    public synchronized long initialSeed() {
        return initialSeed;
    }

    /** Mirrors {@code Generator.seed()}: reseeds from the operating system's entropy and returns the seed. */
    public long seed() {
        long seed = new SecureRandom().nextLong();
        manualSeed(seed);
        return seed;
    }

    /** One mt19937 output, as an unsigned 32-bit value; mirrors {@code CPUGeneratorImpl::random()}. */
    public synchronized long nextRandom32() {
        return Integer.toUnsignedLong(nextInt());
    }

    /** Mirrors {@code CPUGeneratorImpl::random64()}: the first output in the high half, the second in the low. */
    public synchronized long nextRandom64() {
        return nextLong();
    }

    /** Mirrors {@code torch.empty((), dtype=torch.int64).random_()}: random64() mod 2^63. */
    public synchronized long randomInt64() {
        return nextLong() & Long.MAX_VALUE;
    }

    // ---- uniform ---------------------------------------------------------------------------

    /**
     * Mirrors {@code uniform_(from, to)} / {@code rand} on float32: 24-bit unit × (to−from) + from in
     * float, fused into one rounding except on the DEFAULT kernel.
     */
    public synchronized void uniform(float[] out, int off, int n, double from, double to) {
        checkUniformRange(from, to);
        float lo = (float) from;
        float width = (float) to - lo;
        boolean fused = capability != CpuCapability.DEFAULT;
        for (int i = 0; i < n; i++) {
            float unit = nextFloatUnit();
            out[off + i] = fused ? Math.fma(unit, width, lo) : unit * width + lo;
        }
    }

    /** Mirrors {@code uniform_(from, to)} / {@code rand} on float64: 53-bit unit × (to−from) + from, fused except on DEFAULT. */
    public synchronized void uniform(double[] out, int off, int n, double from, double to) {
        checkUniformRange(from, to);
        double width = to - from;
        boolean fused = capability != CpuCapability.DEFAULT;
        for (int i = 0; i < n; i++) {
            double unit = nextDoubleUnit();
            out[off + i] = fused ? Math.fma(unit, width, from) : unit * width + from;
        }
    }

    // ---- normal ----------------------------------------------------------------------------

    /**
     * Mirrors {@code normal_(mean, std)} / {@code randn} on a contiguous float32 tensor: 16 or more
     * elements take the 16-wide fill path of the CPU capability (the cache is untouched), fewer take
     * the cached scalar path.
     */
    public synchronized void normal(float[] out, int off, int n, double mean, double std) {
        checkStd(std);
        if (n < NormalFill.BLOCK) {
            for (int i = 0; i < n; i++) {
                out[off + i] = (float) nextScalarNormal(mean, std);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            out[off + i] = nextFloatUnit();
        }
        float fmean = (float) mean;
        float fstd = (float) std;
        for (int k = 0; k + NormalFill.BLOCK <= n; k += NormalFill.BLOCK) {
            NormalFill.fillFloatBlock(capability, out, off + k, fmean, fstd);
        }
        if (n % NormalFill.BLOCK != 0) {
            // PyTorch recomputes the last 16 outputs from 16 fresh uniforms.
            int tail = off + n - NormalFill.BLOCK;
            for (int i = 0; i < NormalFill.BLOCK; i++) {
                out[tail + i] = nextFloatUnit();
            }
            NormalFill.fillFloatBlock(capability, out, tail, fmean, fstd);
        }
    }

    /** Mirrors {@code normal_(mean, std)} / {@code randn} on a contiguous float64 tensor (fill path from 16 elements). */
    public synchronized void normal(double[] out, int off, int n, double mean, double std) {
        checkStd(std);
        if (n < NormalFill.BLOCK) {
            for (int i = 0; i < n; i++) {
                out[off + i] = nextScalarNormal(mean, std);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            out[off + i] = nextDoubleUnit();
        }
        boolean fused = capability != CpuCapability.DEFAULT;
        for (int k = 0; k + NormalFill.BLOCK <= n; k += NormalFill.BLOCK) {
            NormalFill.fillDoubleBlock(out, off + k, mean, std, fused);
        }
        if (n % NormalFill.BLOCK != 0) {
            int tail = off + n - NormalFill.BLOCK;
            for (int i = 0; i < NormalFill.BLOCK; i++) {
                out[tail + i] = nextDoubleUnit();
            }
            NormalFill.fillDoubleBlock(out, tail, mean, std, fused);
        }
    }

    /**
     * Mirrors {@code at::normal_distribution<double>}: Box–Muller on two 53-bit uniforms with 2.x's
     * radius sqrt(-2·log1p(-u2)), returning the cosine half and caching the unscaled sine half for the
     * next call. Non-contiguous tensors and
     * tensors under 16 elements draw each element this way (round the result to the tensor's dtype).
     */
    public synchronized double normalScalar(double mean, double std) {
        checkStd(std);
        return nextScalarNormal(mean, std);
    }

    // ---- integers, permutations ------------------------------------------------------------

    /** Mirrors {@code randint(low, high)} / {@code random_(from, to)} on int64: low + draw mod (high-low), no rejection. */
    public synchronized void randint(long[] out, int off, int n, long low, long high) {
        long range = checkIntRange(low, high);
        for (int i = 0; i < n; i++) {
            out[off + i] = nextFromTo(low, range);
        }
    }

    /** Mirrors {@code randint(low, high, dtype=torch.float32)}: the same draws as int64, rounded to float. */
    public synchronized void randint(float[] out, int off, int n, long low, long high) {
        long range = checkIntRange(low, high);
        for (int i = 0; i < n; i++) {
            out[off + i] = (float) nextFromTo(low, range);
        }
    }

    /** Mirrors {@code randint(low, high, dtype=torch.float64)}. */
    public synchronized void randint(double[] out, int off, int n, long low, long high) {
        long range = checkIntRange(low, high);
        for (int i = 0; i < n; i++) {
            out[off + i] = (double) nextFromTo(low, range);
        }
    }

    /**
     * Mirrors {@code randperm(n)} ({@code randperm_cpu}): below 214,748,364 elements a forward
     * Fisher–Yates with 32-bit draws, as in every version; from there on PyTorch 2.x's inside-out
     * shuffle with 64-bit draws (1.13 kept the 32-bit rule for all n).
     */
    public synchronized long[] randperm(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Trying to create tensor with negative dimension " + n + ": [" + n + "]");
        }
        return n < WIDE_RANDPERM_THRESHOLD ? randpermNarrow(n) : randpermInsideOut(n);
    }

    private long[] randpermNarrow(int n) {
        long[] permutation = new long[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        for (int i = 0; i < n - 1; i++) {
            int z = (int) (Integer.toUnsignedLong(nextInt()) % (n - i));
            long swap = permutation[i];
            permutation[i] = permutation[i + z];
            permutation[i + z] = swap;
        }
        return permutation;
    }

    /** PyTorch 2.x's shuffle for huge n; package-private so that tests can run it on small n. */
    synchronized long[] randpermInsideOut(int n) {
        long[] permutation = new long[n];
        for (int i = 0; i < n; i++) {
            int z = (int) Long.remainderUnsigned(nextLong(), i + 1);
            permutation[i] = permutation[z];
            permutation[z] = i;
        }
        return permutation;
    }

    // ---- bernoulli, dropout ----------------------------------------------------------------

    /** Mirrors {@code torch.bernoulli(P)} with float32 P: one 24-bit uniform per element, 1 where u &lt; p. */
    public synchronized void bernoulli(float[] out, int off, int n, float[] p, int pOff) {
        for (int i = 0; i < n; i++) {
            checkTensorProbability(p[pOff + i]);
            out[off + i] = below(nextFloatUnit(), p[pOff + i]);
        }
    }

    /** Mirrors {@code torch.bernoulli(P)} with float64 P: one 53-bit uniform per element. */
    public synchronized void bernoulli(double[] out, int off, int n, double[] p, int pOff) {
        for (int i = 0; i < n; i++) {
            checkTensorProbability(p[pOff + i]);
            out[off + i] = below(nextDoubleUnit(), p[pOff + i]);
        }
    }

    /** Mirrors {@code bernoulli_(p)} with a scalar p (non-MKL kernel): one 53-bit uniform per element. */
    public synchronized void bernoulli(float[] out, int off, int n, double p) {
        checkProbability(p);
        for (int i = 0; i < n; i++) {
            out[off + i] = below(nextDoubleUnit(), p);
        }
    }

    /** Mirrors {@code bernoulli_(p)} with a scalar p on a float64 tensor. */
    public synchronized void bernoulli(double[] out, int off, int n, double p) {
        checkProbability(p);
        for (int i = 0; i < n; i++) {
            out[off + i] = below(nextDoubleUnit(), p);
        }
    }

    /**
     * Mirrors the noise of {@code F.dropout(x, p, training=True)} on a float32 CPU tensor
     * ({@code at::native::_dropout}): {@code bernoulli_(1-p)} then {@code div_(1-p)}, so kept
     * entries hold float(1)/float(1-p). The caller multiplies x by it; p = 0 or 1 draws nothing
     * in PyTorch, so callers must not call this then.
     */
    public synchronized void dropoutNoise(float[] out, int off, int n, double p) {
        double keep = 1 - p;
        bernoulli(out, off, n, keep);
        float divisor = (float) keep;
        for (int i = 0; i < n; i++) {
            out[off + i] = out[off + i] / divisor;
        }
    }

    // ---- state -----------------------------------------------------------------------------

    /** Mirrors {@code Generator.get_state()}: PyTorch's 5056-byte little-endian THGeneratorStateNew layout. */
    public synchronized byte[] getState() {
        return GeneratorState.encode(initialSeed, left, next, state, hasCachedNormal, cachedNormal);
    }

    /** Mirrors {@code Generator.set_state()}: accepts get_state's bytes (or the 5048-byte legacy layout), cache included. */
    public synchronized void setState(byte[] bytes) {
        GeneratorState decoded = GeneratorState.decode(bytes);
        initialSeed = decoded.initialSeed();
        left = decoded.left();
        next = decoded.next();
        System.arraycopy(decoded.state(), 0, state, 0, N);
        hasCachedNormal = decoded.hasCachedNormal();
        cachedNormal = decoded.cachedNormal();
    }

    /** Mirrors {@code CPUGeneratorImpl::clone()}: engine and normal cache copied, independent afterwards. */
    public synchronized Generator copy() {
        Generator copy = new Generator();
        System.arraycopy(state, 0, copy.state, 0, N);
        copy.next = next;
        copy.left = left;
        copy.initialSeed = initialSeed;
        copy.hasCachedNormal = hasCachedNormal;
        copy.cachedNormal = cachedNormal;
        copy.capability = capability;
        return copy;
    }

    // ---- engine ----------------------------------------------------------------------------

    private int nextInt() {
        if (--left == 0) {
            twist();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        return y ^ (y >>> 18);
    }

    private long nextLong() {
        long high = Integer.toUnsignedLong(nextInt());
        long low = Integer.toUnsignedLong(nextInt());
        return (high << 32) | low;
    }

    private void twist() {
        left = N;
        next = 0;
        int k = 0;
        for (; k < N - M; k++) {
            state[k] = state[k + M] ^ twisted(state[k], state[k + 1]);
        }
        for (; k < N - 1; k++) {
            state[k] = state[k + M - N] ^ twisted(state[k], state[k + 1]);
        }
        state[N - 1] = state[M - 1] ^ twisted(state[N - 1], state[0]);
    }

    private static int twisted(int current, int following) {
        int mixed = (current & UPPER_MASK) | (following & LOWER_MASK);
        return (mixed >>> 1) ^ ((following & 1) != 0 ? MATRIX_A : 0);
    }

    /** PyTorch's float uniform uses the low 24 bits of one output. */
    private float nextFloatUnit() {
        return (nextInt() & 0xFFFFFF) * FLOAT_UNIT;
    }

    /** PyTorch's double uniform uses the low 53 bits of random64(). */
    private double nextDoubleUnit() {
        return (nextLong() & ((1L << 53) - 1)) * DOUBLE_UNIT;
    }

    /** 1 if u &lt; p else 0 (p not NaN), from the sign of u - p: a coin flip must not cost a mispredicted branch. */
    private static int below(double u, double p) {
        return (int) (Double.doubleToRawLongBits(u - p) >>> 63);
    }

    private static int below(float u, float p) {
        return Float.floatToRawIntBits(u - p) >>> 31;
    }

    private double nextScalarNormal(double mean, double std) {
        if (hasCachedNormal) {
            hasCachedNormal = false;
            return scaleAndShift(cachedNormal, std, mean);
        }
        double u1 = nextDoubleUnit();
        double u2 = nextDoubleUnit();
        // PyTorch 2.x takes log1p(-u2) (1.13: log(1 - u2)); fdlibm's log1p is the algorithm glibc uses.
        double radius = Math.sqrt(-2.0 * StrictMath.log1p(-u2));
        double theta = 2.0 * Math.PI * u1;
        cachedNormal = radius * Math.sin(theta);
        hasCachedNormal = true;
        return scaleAndShift(radius * Math.cos(theta), std, mean);
    }

    /** {@code transformation::normal}: value * std + mean, which GCC fuses in the AVX2/AVX-512 kernels. */
    private double scaleAndShift(double value, double std, double mean) {
        return capability == CpuCapability.DEFAULT ? value * std + mean : Math.fma(value, std, mean);
    }

    private long nextFromTo(long low, long range) {
        if (Long.compareUnsigned(range, TWO_POW_32) >= 0) {
            return Long.remainderUnsigned(nextLong(), range) + low;
        }
        return Integer.toUnsignedLong(nextInt()) % range + low;
    }

    // ---- argument checks with PyTorch's messages -------------------------------------------

    private static void checkUniformRange(double from, double to) {
        if (!(from <= to)) {
            throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from="
                    + CppFormat.number(from) + " > to=" + CppFormat.number(to));
        }
    }

    private static void checkStd(double std) {
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + CppFormat.number(std));
        }
    }

    private static long checkIntRange(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException(
                    "random_ expects 'from' to be less than 'to', but got from=" + low + " >= to=" + high);
        }
        return high - low;
    }

    /** at::bernoulli_distribution's check, made per element before its draw, as PyTorch does. */
    private static void checkTensorProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this"
                    + " error message be improved?  If so, please report an enhancement request to PyTorch.)");
        }
    }

    private static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + CppFormat.number(p));
        }
    }
}
