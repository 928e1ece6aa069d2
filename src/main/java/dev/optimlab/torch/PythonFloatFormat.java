package dev.optimlab.torch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * CPython's {@code format(x, ".{p}f")} and {@code format(x, ".{p}e")} for a {@code float}.
 *
 * <p>CPython rounds the exact binary value half-to-even; Java's {@code String.format} rounds its
 * shortest decimal string half-up, which differs on values such as 0.125 or 1.0005, hence BigDecimal.
 */
final class PythonFloatFormat {

    private PythonFloatFormat() {
    }

    /** {@code "{:.{precision}f}".format(value)}. */
    static String fixed(double value, int precision) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        String digits = new BigDecimal(Math.abs(value)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return sign(value) + digits;
    }

    /** {@code "{:.{precision}e}".format(value)}: at least two exponent digits, as in C's printf. */
    static String scientific(double value, int precision) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        String digits;
        int exponent;
        if (value == 0) {
            digits = "0";
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(Math.abs(value))
                    .round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            exponent = digits.length() - 1 - rounded.scale();
        }
        StringBuilder mantissa = new StringBuilder(digits);
        while (mantissa.length() < precision + 1) {
            mantissa.append('0');
        }
        if (precision > 0) {
            mantissa.insert(1, '.');
        }
        String exponentDigits = Integer.toString(Math.abs(exponent));
        return sign(value) + mantissa + (exponent < 0 ? "e-" : "e+")
                + (exponentDigits.length() < 2 ? "0" : "") + exponentDigits;
    }

    /** {@code str(math.isnan(x) ? nan : ±inf)} as every float format spells it. */
    private static String nonFinite(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        return value > 0 ? "inf" : "-inf";
    }

    /** The sign bit, so that -0.0 and negatives that round to zero keep their minus as in CPython. */
    private static String sign(double value) {
        return Double.doubleToRawLongBits(value) < 0 ? "-" : "";
    }
}
