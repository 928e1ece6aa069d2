package dev.optimlab.torch;

/** Rounding to IEEE half precision, the way {@code torch.float16} stores values (round to nearest even). */
final class Half {
    private Half() {
    }

    static float round(float value) {
        return Float.float16ToFloat(Float.floatToFloat16(value));
    }

    static void roundAll(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = round(values[i]);
        }
    }
}
