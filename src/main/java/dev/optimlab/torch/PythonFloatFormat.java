package dev.optimlab.torch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * CPython's formatting of a {@code float}: {@code format(x, ".{p}f")}, {@code format(x, ".{p}e")} and
 * {@code repr(x)} (which is also {@code str(x)}), as implemented by Python/pystrtod.c.
 *
 * <p>CPython rounds the exact binary value half-to-even; Java's {@code String.format} rounds its
 * shortest decimal string half-up, which differs on values such as 0.125 or 1.0005, hence BigDecimal.
 */
public final class PythonFloatFormat {
    /** Exact in double up to 10^22; scaling by them rounds once. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16};

    private PythonFloatFormat() {
    }

    /** {@code "{:.{precision}f}".format(value)}. */
    public static String fixed(double value, int precision) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        return sign(value) + fixedDigits(Math.abs(value), precision);
    }

    /** {@code "{:.{precision}f}".format(abs)} for a finite {@code abs >= 0}: the digits without a sign. */
    public static String fixedDigits(double abs, int precision) {
        if (precision < POWERS_OF_TEN.length) {
            double scaled = abs * POWERS_OF_TEN[precision];
            if (scaled < 1e9) {
                double whole = Math.floor(scaled);
                double fraction = scaled - whole;
                // scaled is within 1.2e-7 of the exact product, so only a fraction near one half needs the exact value
                if (Math.abs(fraction - 0.5) > 1e-6) {
                    return withPoint(Long.toString((long) whole + (fraction > 0.5 ? 1 : 0)), precision);
                }
            }
        }
        return new BigDecimal(abs).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String withPoint(String digits, int precision) {
        if (precision == 0) {
            return digits;
        }
        String padded = digits.length() > precision ? digits : "0".repeat(precision + 1 - digits.length()) + digits;
        int point = padded.length() - precision;
        return padded.substring(0, point) + "." + padded.substring(point);
    }

    /** {@code "{:.{precision}e}".format(value)}: at least two exponent digits, as in C's printf. */
    public static String scientific(double value, int precision) {
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

    /**
     * {@code repr(value)}: the shortest digits that read back as the same double, in positional
     * notation for {@code 1e-4 <= abs(x) < 1e16} (with a ".0" for integers) and in exponent notation otherwise.
     *
     * <p>Relies on {@link Double#toString(double)} producing the shortest such digits, which the JDK
     * guarantees from version 19 on.
     */
    public static String repr(double value) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        if (value == 0) {
            return sign(value) + "0.0";
        }
        String java = Double.toString(Math.abs(value));
        int exponentAt = java.indexOf('E');
        int javaExponent = exponentAt < 0 ? 0 : Integer.parseInt(java.substring(exponentAt + 1));
        String mantissa = exponentAt < 0 ? java : java.substring(0, exponentAt);
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        // The value is 0.DIGITS x 10^pointPosition, as CPython's _Py_dg_dtoa reports it.
        int pointPosition = dot + javaExponent;
        int first = 0;
        while (digits.charAt(first) == '0') {
            first++;
        }
        int last = digits.length();
        while (digits.charAt(last - 1) == '0') {
            last--;
        }
        digits = digits.substring(first, last);
        pointPosition -= first;
        // Java always prints two digits (d.dE..) and may pick 4.9e-324 where one digit, 5e-324, suffices.
        if (digits.length() == 2 && oneDigitMayRoundTrip(digits, pointPosition, Math.abs(value))) {
            BigDecimal oneDigit = new BigDecimal(Math.abs(value)).round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (oneDigit.doubleValue() == Math.abs(value)) {
                digits = oneDigit.unscaledValue().toString();
                pointPosition = 1 - oneDigit.scale();
            }
        }
        return sign(value) + positional(digits, pointPosition);
    }

    /**
     * Whether either one-digit neighbour of the two {@code digits} reads back as {@code abs}: a cheap test
     * that spares the exact decimal expansion for almost every value.
     */
    public static boolean oneDigitMayRoundTrip(String digits, int pointPosition, double abs) {
        int first = digits.charAt(0) - '0';
        for (int candidate = first; candidate <= first + 1; candidate++) {
            if (Double.parseDouble(candidate + "E" + (pointPosition - 1)) == abs) {
                return true;
            }
        }
        return false;
    }

    /** 0.DIGITS x 10^pointPosition written as repr writes it. */
    private static String positional(String digits, int pointPosition) {
        String body;
        if (pointPosition <= -4 || pointPosition > 16) {
            int exponent = pointPosition - 1;
            String exponentDigits = Integer.toString(Math.abs(exponent));
            body = digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "")
                    + (exponent < 0 ? "e-" : "e+") + (exponentDigits.length() < 2 ? "0" : "") + exponentDigits;
        } else if (pointPosition <= 0) {
            body = "0." + "0".repeat(-pointPosition) + digits;
        } else if (pointPosition >= digits.length()) {
            body = digits + "0".repeat(pointPosition - digits.length()) + ".0";
        } else {
            body = digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
        }
        return body;
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
