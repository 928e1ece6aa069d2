package dev.optimlab.torch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mirrors {@code torch._tensor_str}: PyTorch's {@code repr} of a tensor, digit for digit.
 *
 * <p>It works from plain contiguous row-major data so that {@code Tensor.toString()} can call it
 * without this class knowing about tensors. float32 and emulated float16 elements may come as a
 * {@code float[]} or as doubles holding their exact values: either way each element is formatted as
 * the Python {@code float} PyTorch's {@code item()} gives, which is how PyTorch prints it.
 *
 * <p>The default dtype is taken to be float32 ({@code torch.get_default_dtype()}), so float64 and
 * float16 tensors carry a {@code dtype=} suffix and int64 and bool tensors do not, except when empty.
 */
public final class TensorFormatter {

    private static final String PREFIX = "tensor(";

    private TensorFormatter() {
    }

    /**
     * {@code repr(t)} of a floating-point tensor.
     *
     * @param shape the sizes; an empty array for a 0-dim tensor
     * @param dtype FLOAT32, FLOAT64 or FLOAT16
     * @param values the elements in row-major order, each the exact value of the element
     * @param requiresGrad whether the tensor requires grad (printed only for tensors without grad_fn)
     * @param gradFnName the class name of {@code t.grad_fn}, e.g. {@code AddBackward0}; null for leaves
     */
    public static String repr(int[] shape, DType dtype, double[] values, boolean requiresGrad, String gradFnName,
            PrintOptions options) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("double values need a floating dtype, got " + dtype);
        }
        return intern(shape, dtype, new DoubleArrayElements(values), requiresGrad, gradFnName, options);
    }

    /**
     * {@code repr(t)} of a float32 or float16 tensor stored in a float array; each element is widened
     * exactly to double, as {@code Tensor.item()} does in PyTorch.
     */
    public static String repr(int[] shape, DType dtype, float[] values, boolean requiresGrad, String gradFnName,
            PrintOptions options) {
        if (dtype != DType.FLOAT32 && dtype != DType.FLOAT16) {
            throw new IllegalArgumentException("float values need dtype torch.float32 or torch.float16, got " + dtype);
        }
        return intern(shape, dtype, new FloatArrayElements(values), requiresGrad, gradFnName, options);
    }

    /** {@code repr(t)} of an int64 tensor; see {@link #repr(int[], DType, double[], boolean, String, PrintOptions)}. */
    public static String repr(int[] shape, DType dtype, long[] values, boolean requiresGrad, String gradFnName,
            PrintOptions options) {
        if (dtype != DType.INT64) {
            throw new IllegalArgumentException("long values need dtype torch.int64, got " + dtype);
        }
        return intern(shape, dtype, new LongElements(values), requiresGrad, gradFnName, options);
    }

    /** {@code repr(t)} of a bool tensor (bool tensors cannot require grad). */
    public static String repr(int[] shape, boolean[] values, PrintOptions options) {
        return intern(shape, DType.BOOL, new BoolElements(values), false, null, options);
    }

    /** {@code repr(p)} of an {@code nn.Parameter}, given the repr of its data as a tensor. */
    public static String parameterRepr(String tensorRepr) {
        return "Parameter containing:\n" + tensorRepr;
    }

    /** {@code repr(torch.Size)}, what {@code print(t.shape)} shows: {@code torch.Size([2, 3])}. */
    public static String sizeRepr(int[] shape) {
        StringBuilder out = new StringBuilder("torch.Size([");
        for (int i = 0; i < shape.length; i++) {
            out.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return out.append("])").toString();
    }

    /** Mirrors {@code _str_intern} for a dense CPU tensor. */
    private static String intern(int[] shape, DType dtype, Elements elements, boolean requiresGrad,
            String gradFnName, PrintOptions options) {
        long numel = numel(shape);
        if (numel != elements.size()) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + numel
                    + " elements but " + elements.size() + " values were given");
        }
        List<String> suffixes = new ArrayList<>();
        String tensorStr;
        if (numel == 0) {
            // As NumPy does, the shape is printed unless it is (0,); the dtype because no element shows it.
            if (shape.length != 1) {
                suffixes.add("size=" + pythonTuple(shape));
            }
            if (dtype != DType.FLOAT32) {
                suffixes.add("dtype=" + dtype.pythonName());
            }
            tensorStr = "[]";
        } else {
            if (dtype == DType.FLOAT64 || dtype == DType.FLOAT16) {
                suffixes.add("dtype=" + dtype.pythonName());
            }
            tensorStr = new Layout(shape, elements, options).tensorStr(PREFIX.length());
        }
        if (gradFnName != null) {
            suffixes.add("grad_fn=<" + gradFnName + ">");
        } else if (requiresGrad) {
            suffixes.add("requires_grad=True");
        }
        return addSuffixes(PREFIX + tensorStr, suffixes, PREFIX.length(), options.linewidth());
    }

    /** Mirrors {@code _add_suffixes}: a suffix moves to its own line when it would pass the line width. */
    private static String addSuffixes(String tensorStr, List<String> suffixes, int indent, int linewidth) {
        StringBuilder out = new StringBuilder(tensorStr);
        // PyTorch's own arithmetic, which counts two characters more than the last line holds.
        int lastLineLength = tensorStr.length() - tensorStr.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > linewidth) {
                out.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLength = indent + suffix.length();
            } else {
                out.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        return out.append(')').toString();
    }

    private static long numel(int[] shape) {
        long numel = 1;
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("negative size in shape " + Arrays.toString(shape));
            }
            numel *= size;
        }
        return numel;
    }

    /** Python's {@code str(tuple(shape))}: {@code (0,)}, {@code (0, 3)}. */
    static String pythonTuple(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            out.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return out.append(')').toString();
    }

    /** Mirrors {@code _tensor_str} and {@code _tensor_str_with_formatter}: the nested bracket layout. */
    private static final class Layout {
        private final int[] shape;
        private final int[] strides;
        private final Elements elements;
        private final PrintOptions options;
        private final boolean summarize;
        private final Formatter formatter;

        Layout(int[] shape, Elements elements, PrintOptions options) {
            this.shape = shape;
            this.strides = rowMajorStrides(shape);
            this.elements = elements;
            this.options = options;
            this.summarize = elements.size() > options.threshold();
            int[] measured;
            if (summarize) {
                List<Integer> edges = new ArrayList<>();
                collectSummarized(0, 0, edges);
                measured = edges.stream().mapToInt(Integer::intValue).toArray();
            } else {
                measured = new int[elements.size()];
                Arrays.setAll(measured, i -> i);
            }
            this.formatter = Formatter.of(elements, measured, options);
        }

        String tensorStr(int indent) {
            return shape.length == 0 ? formatter.format(elements, 0) : slice(0, 0, indent);
        }

        private String slice(int dim, int base, int indent) {
            int remaining = shape.length - dim;
            if (remaining == 1) {
                return vector(base, shape[dim], indent);
            }
            int size = shape[dim];
            int edge = options.edgeitems();
            List<String> slices = new ArrayList<>();
            if (summarize && size > 2 * edge) {
                for (int i = 0; i < edge; i++) {
                    slices.add(slice(dim + 1, base + i * strides[dim], indent + 1));
                }
                slices.add("...");
                for (int i = size - edge; i < size; i++) {
                    slices.add(slice(dim + 1, base + i * strides[dim], indent + 1));
                }
            } else {
                for (int i = 0; i < size; i++) {
                    slices.add(slice(dim + 1, base + i * strides[dim], indent + 1));
                }
            }
            String separator = "," + "\n".repeat(remaining - 1) + " ".repeat(indent + 1);
            return "[" + String.join(separator, slices) + "]";
        }

        /** Mirrors {@code _vector_str}: elements wrap after as many as fit in the line width. */
        private String vector(int base, int size, int indent) {
            int elementLength = formatter.width() + 2;
            int perLine = Math.max(1, (int) Math.floor((options.linewidth() - indent) / (double) elementLength));
            int edge = options.edgeitems();
            List<String> data = new ArrayList<>();
            if (summarize && edge == 0) {
                data.add("...");
            } else if (summarize && size > 2 * edge) {
                for (int i = 0; i < edge; i++) {
                    data.add(formatter.format(elements, base + i));
                }
                data.add(" ...");
                for (int i = size - edge; i < size; i++) {
                    data.add(formatter.format(elements, base + i));
                }
            } else {
                for (int i = 0; i < size; i++) {
                    data.add(formatter.format(elements, base + i));
                }
            }
            List<String> lines = new ArrayList<>();
            for (int start = 0; start < data.size(); start += perLine) {
                lines.add(String.join(", ", data.subList(start, Math.min(data.size(), start + perLine))));
            }
            return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
        }

        /** Mirrors {@code get_summarized_data}: the elements the formatter measures when summarising. */
        private void collectSummarized(int dim, int base, List<Integer> out) {
            int remaining = shape.length - dim;
            if (remaining == 0) {
                out.add(base);
                return;
            }
            int size = shape[dim];
            int edge = options.edgeitems();
            if (remaining == 1) {
                // With edgeitems 0 Python's self[-0:] is the whole vector, so everything is measured.
                boolean cut = size > 2 * edge && edge > 0;
                for (int i = 0; i < size; i++) {
                    if (!cut || i < edge || i >= size - edge) {
                        out.add(base + i);
                    }
                }
                return;
            }
            if (edge == 0) {
                return;
            }
            for (int i = 0; i < size; i++) {
                if (size <= 2 * edge || i < edge || i >= size - edge) {
                    collectSummarized(dim + 1, base + i * strides[dim], out);
                }
            }
        }

        private static int[] rowMajorStrides(int[] shape) {
            int[] strides = new int[shape.length];
            int stride = 1;
            for (int d = shape.length - 1; d >= 0; d--) {
                strides[d] = stride;
                stride *= shape[d];
            }
            return strides;
        }
    }

    /**
     * Mirrors {@code _Formatter}: one width and one notation for every element of a tensor; {@code measuredTexts}
     * keeps the unpadded texts measuring produced (null where none was), so that printing does not format them again.
     */
    private record Formatter(boolean floating, boolean intMode, boolean sciMode, int maxWidth, int precision,
            String[] measuredTexts) {

        static Formatter of(Elements elements, int[] measured, PrintOptions options) {
            int precision = options.precision();
            if (!(elements instanceof FloatingElements floats)) {
                int width = 1;
                for (int index : measured) {
                    width = Math.max(width, elements.str(index).length());
                }
                return new Formatter(false, true, false, width, precision, null);
            }
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            boolean intMode = true;
            int count = 0;
            for (int index : measured) {
                double value = floats.value(index);
                if (Double.isFinite(value) && value != 0) {
                    count++;
                    min = Math.min(min, Math.abs(value));
                    max = Math.max(max, Math.abs(value));
                    intMode &= value == Math.ceil(value);
                }
            }
            if (count == 0) {
                // PyTorch returns before applying sci_mode here: zeros, inf and nan always print as integers.
                return new Formatter(true, true, false, 1, precision, null);
            }
            boolean sciMode;
            int width = 1;
            if (intMode) {
                sciMode = max / min > 1000.0 || max > 1.0e8;
            } else {
                sciMode = max / min > 1000.0 || max > 1.0e8 || min < 1.0e-4;
            }
            // a summarised tensor measures only its edges, so only a whole one keeps its texts
            String[] texts = measured.length == elements.size() ? new String[measured.length] : null;
            for (int index : measured) {
                double value = floats.value(index);
                if (Double.isFinite(value) && value != 0) {
                    String text = floatText(value, sciMode, intMode, precision);
                    width = Math.max(width, text.length());
                    if (texts != null) {
                        texts[index] = text;
                    }
                }
            }
            if (options.sciMode() != null && options.sciMode() != sciMode) {
                sciMode = options.sciMode();
                texts = null;
            }
            return new Formatter(true, intMode, sciMode, width, precision, texts);
        }

        /** One float element in the tensor's notation; the trailing point marks a float tensor of integers. */
        private static String floatText(double value, boolean sciMode, boolean intMode, int precision) {
            if (sciMode) {
                return PythonFloatFormat.scientific(value, precision);
            }
            if (intMode) {
                return PythonFloatFormat.fixed(value, 0) + (Double.isFinite(value) ? "." : "");
            }
            return PythonFloatFormat.fixed(value, precision);
        }

        int width() {
            return maxWidth;
        }

        String format(Elements elements, int index) {
            String text;
            if (measuredTexts != null && measuredTexts[index] != null) {
                text = measuredTexts[index];
            } else if (floating) {
                text = floatText(((FloatingElements) elements).value(index), sciMode, intMode, precision);
            } else {
                text = elements.str(index);
            }
            return " ".repeat(Math.max(0, maxWidth - text.length())) + text;
        }
    }

    /** Row-major elements of one dtype family, read without boxing. */
    private sealed interface Elements permits FloatingElements, LongElements, BoolElements {
        int size();

        /** Python's {@code str(value)} of the element; used for integer and bool tensors. */
        String str(int index);
    }

    /** Floating-point elements, read as the exact double PyTorch's {@code item()} would give. */
    private sealed interface FloatingElements extends Elements permits FloatArrayElements, DoubleArrayElements {
        double value(int index);

        @Override
        default String str(int index) {
            throw new UnsupportedOperationException("float elements are formatted by precision, not str()");
        }
    }

    private record FloatArrayElements(float[] values) implements FloatingElements {
        public int size() {
            return values.length;
        }

        public double value(int index) {
            return values[index];
        }
    }

    private record DoubleArrayElements(double[] values) implements FloatingElements {
        public int size() {
            return values.length;
        }

        public double value(int index) {
            return values[index];
        }
    }

    private record LongElements(long[] values) implements Elements {
        public int size() {
            return values.length;
        }

        public String str(int index) {
            return Long.toString(values[index]);
        }
    }

    private record BoolElements(boolean[] values) implements Elements {
        public int size() {
            return values.length;
        }

        public String str(int index) {
            return values[index] ? "True" : "False";
        }
    }
}
