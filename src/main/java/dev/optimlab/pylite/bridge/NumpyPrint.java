package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.Tensor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How the small numpy prints an array: NumPy 1.24's {@code array2string} with its default options
 * (precision 8, floatmode 'maxprec', line width 75), for arrays of up to 1000 elements.
 */
final class NumpyPrint {
    static final int LINE_WIDTH = 75;

    private NumpyPrint() {
    }

    /** NumPy's {@code array2string} without summarisation (arrays of up to 1000 elements). */
    static String format(Tensor tensor, String separator, String prefix, String suffix) {
        if (tensor.numel() > 1000) {
            throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR,
                    "printing numpy arrays of more than 1000 elements is not supported in OptimLab");
        }
        String[] words = words(tensor, tensor.contiguous().toDoubleArray());
        if (tensor.shape().length == 0) {
            return words[0];
        }
        return recurse(tensor.shape(), words, 0, 0, " " + " ".repeat(prefix.length()), LINE_WIDTH - suffix.length(), separator);
    }

    /** NumPy's {@code _formatArray.recurser}: one axis, wrapping the last one at the line width. */
    private static String recurse(int[] shape, String[] words, int axis, int base, String hanging, int width,
                                  String separator) {
        if (axis == shape.length) {
            return words[base];
        }
        int count = shape[axis];
        if (count == 0) {
            return "[]";
        }
        int stride = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            stride *= shape[d];
        }
        String nextHanging = hanging + " ";
        int nextWidth = width - 1;
        StringBuilder out = new StringBuilder();
        if (axis == shape.length - 1) {
            int elementWidth = width - Math.max(separator.stripTrailing().length(), 1);
            StringBuilder line = new StringBuilder(hanging);
            for (int i = 0; i < count; i++) {
                String word = recurse(shape, words, axis + 1, base + i * stride, nextHanging, nextWidth, separator);
                if (line.length() + word.length() > elementWidth && line.length() > hanging.length()) {
                    out.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder(hanging);
                }
                line.append(word);
                if (i < count - 1) {
                    line.append(separator);
                }
            }
            out.append(line);
        } else {
            String lineSeparator = separator.stripTrailing() + "\n".repeat(shape.length - axis - 1);
            for (int i = 0; i < count; i++) {
                out.append(hanging)
                        .append(recurse(shape, words, axis + 1, base + i * stride, nextHanging, nextWidth, separator));
                if (i < count - 1) {
                    out.append(lineSeparator);
                }
            }
        }
        return "[" + out.substring(hanging.length()) + "]";
    }

    private static String[] words(Tensor tensor, double[] values) {
        String[] words = new String[values.length];
        if (tensor.dtype() == DType.BOOL) {
            // NumPy's BoolFormat: " True" keeps the columns of an array aligned with "False"
            for (int i = 0; i < values.length; i++) {
                words[i] = values[i] != 0 ? (tensor.dim() == 0 ? "True" : " True") : "False";
            }
            return words;
        }
        if (!tensor.dtype().isFloatingPoint()) {
            int width = 0;
            for (int i = 0; i < values.length; i++) {
                words[i] = Long.toString((long) values[i]);
                width = Math.max(width, words[i].length());
            }
            for (int i = 0; i < words.length; i++) {
                words[i] = " ".repeat(width - words[i].length()) + words[i];
            }
            return words;
        }
        // NumPy's FloatingFormat.fillFormat with the defaults: precision 8, floatmode 'maxprec', sign '-'
        boolean single = tensor.dtype() == DType.FLOAT32;
        double max = 0;
        double min = Double.MAX_VALUE;
        boolean anyFinite = false;
        boolean negativeInf = false;
        boolean anyNonFinite = false;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                anyNonFinite = true;
                negativeInf |= v == Double.NEGATIVE_INFINITY;
                continue;
            }
            anyFinite = true;
            if (v != 0) {
                max = Math.max(max, Math.abs(v));
                min = Math.min(min, Math.abs(v));
            }
        }
        double ratio = single ? (float) max / (float) min : max / min;
        boolean exponential = max >= 1e8 || max > 0 && (min < 1e-4 || ratio > 1e3);
        String[][] parts = new String[values.length][];
        int left = 0;
        int fraction = 0;
        int exponentDigits = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                continue;
            }
            parts[i] = exponential ? scientific(single, values[i]) : positional(single, values[i]).split("\\.", -1);
            left = Math.max(left, parts[i][0].length());
            fraction = Math.max(fraction, parts[i][1].length());
            if (exponential) {
                exponentDigits = Math.max(exponentDigits, parts[i][2].length() - 1);
            }
        }
        int right = !anyFinite ? 0 : exponential ? exponentDigits + 2 + fraction : fraction;
        if (anyNonFinite) {
            // room for "nan" and "inf" (or "-inf") in the common width
            left = Math.max(left, 3 + (negativeInf ? 1 : 0) - (right + 1));
        }
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                String word = Double.isNaN(v) ? "nan" : v < 0 ? "-inf" : "inf";
                words[i] = " ".repeat(Math.max(0, left + right + 1 - word.length())) + word;
            } else if (exponential) {
                String exponent = parts[i][2];
                words[i] = " ".repeat(left - parts[i][0].length()) + parts[i][0] + "." + parts[i][1]
                        + "0".repeat(fraction - parts[i][1].length()) + "e" + exponent.charAt(0)
                        + "0".repeat(exponentDigits - (exponent.length() - 1)) + exponent.substring(1);
            } else {
                words[i] = " ".repeat(left - parts[i][0].length()) + parts[i][0] + "." + parts[i][1]
                        + " ".repeat(fraction - parts[i][1].length());
            }
        }
        return words;
    }

    /**
     * NumPy's {@code dragon4_scientific} with precision 8 and unique digits: the integer digit, the fraction
     * digits and the signed exponent of at least two digits ("1", "5", "-09" for 1.5e-09).
     */
    private static String[] scientific(boolean single, double v) {
        String shortest = single ? Float.toString((float) v) : Double.toString(v);
        BigDecimal digits = new BigDecimal(shortest);
        if (digits.precision() > 9) {
            digits = new BigDecimal(v).round(new MathContext(9, RoundingMode.HALF_EVEN));
        }
        digits = digits.stripTrailingZeros();
        String unscaled = digits.unscaledValue().abs().toString();
        int exponent = v == 0 ? 0 : digits.precision() - digits.scale() - 1;
        boolean negative = v < 0 || v == 0 && 1 / v < 0;
        String sign = exponent < 0 ? "-" : "+";
        String magnitude = Integer.toString(Math.abs(exponent));
        return new String[] {(negative ? "-" : "") + unscaled.charAt(0), unscaled.substring(1),
                sign + (magnitude.length() < 2 ? "0" : "") + magnitude};
    }

    /** The shortest digits that round-trip in the array's dtype, at most 8 after the point ("1." for 1). */
    private static String positional(boolean single, double v) {
        String shortest = single ? Float.toString((float) v) : Double.toString(v);
        BigDecimal digits = new BigDecimal(shortest);
        if (digits.scale() > 8) {
            digits = new BigDecimal(v).setScale(8, RoundingMode.HALF_EVEN);
        }
        String plain = digits.stripTrailingZeros().toPlainString();
        if (v == 0 && 1 / v < 0) {
            plain = "-0";
        }
        return plain.contains(".") ? plain : plain + ".";
    }
}
