package dev.optimlab.torch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Mirrors the bytes of {@code torch.get_rng_state()} on x86-64: PyTorch's {@code THGeneratorStateNew}
 * ({@code aten/src/ATen/CPUGeneratorImpl.cpp}), a legacy {@code THGeneratorState} followed by the
 * float normal cache, little-endian with C struct padding.
 *
 * <pre>
 *    0  uint64 the_initial_seed      8  int32 left       12  int32 seeded     16  uint64 next
 *   24  uint64 state[624]         5016  double normal_x  5024  double normal_y  5032  double normal_rho
 * 5040  int32 normal_is_valid     5048  float next_float_normal_sample  5052  bool its validity
 * </pre>
 */
record GeneratorState(long initialSeed, int left, int next, int[] state, boolean hasCachedNormal, double cachedNormal) {

    private static final int N = 624;
    private static final int LEGACY_SIZE = 5048;
    private static final int STATE_OFFSET = 24;
    private static final int NORMAL_Y = 5024;
    private static final int NORMAL_IS_VALID = 5040;

    static byte[] encode(long initialSeed, int left, int next, int[] state, boolean hasCachedNormal, double cachedNormal) {
        ByteBuffer buffer = ByteBuffer.allocate(Generator.STATE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(0, initialSeed);
        buffer.putInt(8, left);
        buffer.putInt(12, 1);
        buffer.putLong(16, next);
        for (int i = 0; i < N; i++) {
            buffer.putLong(STATE_OFFSET + 8 * i, Integer.toUnsignedLong(state[i]));
        }
        // PyTorch stores the cached double in normal_y only; normal_x and normal_rho stay zero.
        if (hasCachedNormal) {
            buffer.putDouble(NORMAL_Y, cachedNormal);
            buffer.putInt(NORMAL_IS_VALID, 1);
        }
        return buffer.array();
    }

    static GeneratorState decode(byte[] bytes) {
        if (bytes.length != Generator.STATE_SIZE && bytes.length != LEGACY_SIZE) {
            throw new IllegalArgumentException("Expected either a THGeneratorState of size 5048 or a THGeneratorStateNew"
                    + " of size 5056 but found the input RNG state size to be " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int left = buffer.getInt(8);
        long next = buffer.getLong(16);
        boolean seeded = buffer.getInt(12) != 0;
        // mt19937::is_valid(), which set_state checks.
        if (!seeded || left < 1 || left > N || next < 0 || next > N) {
            throw new IllegalArgumentException("Invalid mt19937 state");
        }
        int[] state = new int[N];
        for (int i = 0; i < N; i++) {
            state[i] = (int) buffer.getLong(STATE_OFFSET + 8 * i);
        }
        boolean valid = buffer.getInt(NORMAL_IS_VALID) != 0;
        double cached = valid ? buffer.getDouble(NORMAL_Y) : 0.0;
        return new GeneratorState(buffer.getLong(0), left, (int) next, state, valid, cached);
    }
}
