package dev.optimlab.torch;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Formats a double as a C++ {@code std::ostream} does by default ({@code %g}, 6 significant digits),
 * so that messages PyTorch builds with {@code TORCH_CHECK} read the same here.
 */
final class CppFormat {

    private static final int PRECISION = 6;

    private CppFormat() {
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0.0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(PRECISION));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= PRECISION) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String sign = exponent < 0 ? "-" : "+";
            int magnitude = Math.abs(exponent);
            return mantissa.toPlainString() + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
