package dev.optimlab.pylite.runtime;

import java.math.BigInteger;

/**
 * MT19937 with CPython's seeding (init_by_array over the 32-bit words of the seed) and its
 * {@code random()} and {@code getrandbits()}; mirrors Modules/_randommodule.c.
 */
public final class MersenneTwister {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int index = N + 1;

    public MersenneTwister(BigInteger seed) {
        seed(seed);
    }

    /** random.seed(n) for an int n: the absolute value's 32-bit words, least significant first. */
    public void seed(BigInteger seed) {
        BigInteger n = seed.abs();
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int i = 0; i < words; i++) {
            key[i] = n.shiftRight(32 * i).intValue();
        }
        initByArray(key);
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
        index = N;
    }

    /** The next 32 random bits, as genrand_uint32. */
    public int next32() {
        if (index >= N) {
            for (int kk = 0; kk < N; kk++) {
                int y = (mt[kk] & 0x80000000) | (mt[(kk + 1) % N] & 0x7fffffff);
                mt[kk] = mt[(kk + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** random.random(): 53 random bits as a float in [0, 1). */
    public double random() {
        long a = (next32() & 0xffffffffL) >>> 5;
        long b = (next32() & 0xffffffffL) >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** random.getrandbits(k). */
    public BigInteger getrandbits(int k) {
        if (k == 0) {
            return BigInteger.ZERO;
        }
        if (k <= 32) {
            return BigInteger.valueOf((next32() & 0xffffffffL) >>> (32 - k));
        }
        BigInteger result = BigInteger.ZERO;
        int words = (k - 1) / 32 + 1;
        int remaining = k;
        for (int i = 0; i < words; i++, remaining -= 32) {
            long r = next32() & 0xffffffffL;
            if (remaining < 32) {
                r >>>= 32 - remaining;
            }
            result = result.or(BigInteger.valueOf(r).shiftLeft(32 * i));
        }
        return result;
    }

    /** Random._randbelow_with_getrandbits(n) for n > 0. */
    public BigInteger below(BigInteger n) {
        int k = n.bitLength();
        BigInteger r = getrandbits(k);
        while (r.compareTo(n) >= 0) {
            r = getrandbits(k);
        }
        return r;
    }
}
