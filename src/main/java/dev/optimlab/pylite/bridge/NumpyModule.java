package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyModule;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyTuple;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A small part of NumPy ({@code numpy}): {@code array(obj, dtype=) zeros ones arange linspace} with the dtypes
 * {@code float32 float64 int64}, an {@code ndarray} with {@code shape dtype ndim reshape astype tolist} and
 * {@code + - * /} that prints as NumPy prints small arrays, and the bridge to torch ({@code torch.from_numpy}, {@code Tensor.numpy()}) sharing storage.
 * The array is held as a core tensor, which is what {@code from_numpy} hands over.
 */
final class NumpyModule {
    static final PyType NDARRAY = PyType.hostClass("ndarray", null, "numpy");
    static final PyType DTYPE = PyType.hostClass("dtype", null, "numpy");
    static final PyType SCALAR_TYPE = PyType.hostClass("type", null, "numpy");
    private static final int LINE_WIDTH = 75;

    private NumpyModule() {
    }

    static PyModule create() {
        PyModule np = new PyModule("numpy");
        np.define("float32", new ScalarType(DType.FLOAT32)).define("float64", new ScalarType(DType.FLOAT64))
                .define("int64", new ScalarType(DType.INT64)).define("ndarray", NDARRAY);
        np.define("array", Host.function("array", (in, a, k) -> {
            Object[] b = Host.bind("array", a, k, "object", "dtype");
            DType dtype = dtype(b[1]);
            if (b[0] instanceof NdArray x) {
                return new NdArray(x.tensor.to(dtype == null ? x.tensor.dtype() : dtype).clone());
            }
            Object data = Host.toJava(in, b[0]);
            // NumPy's default for Python floats is float64 where torch's is float32
            DType inferred = dtype != null ? dtype
                    : Host.guarded(() -> Torch.tensor(data)).dtype() == DType.FLOAT32 ? DType.FLOAT64 : null;
            return new NdArray(Host.guarded(() -> inferred == null ? Torch.tensor(data) : Torch.tensor(data, inferred)));
        }));
        for (String name : new String[] {"zeros", "ones"}) {
            np.define(name, Host.function(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "shape", "dtype");
                DType dtype = dtype(b[1]) == null ? DType.FLOAT64 : dtype(b[1]);
                int[] shape = Host.ints(in, b[0]);
                TorchModule.charge(in, shape, dtype);
                return new NdArray(Torch.full(shape, name.equals("zeros") ? 0.0 : 1.0, dtype));
            }));
        }
        np.define("arange", Host.function("arange", (in, a, k) -> {
            Object[] b = Host.bind("arange", a, k, "start", "stop", "step", "dtype");
            Object start = Host.given(b[1]) ? b[0] : 0L;
            Object stop = Host.given(b[1]) ? b[1] : b[0];
            Object step = Host.given(b[2]) ? b[2] : 1L;
            boolean integral = Py.isInt(start) && Py.isInt(stop) && Py.isInt(step);
            DType dtype = dtype(b[3]) != null ? dtype(b[3]) : integral ? DType.INT64 : DType.FLOAT64;
            double first = Ops.toDouble(start);
            double delta = Ops.toDouble(step);
            long length = Math.max(0, (long) Math.ceil((Ops.toDouble(stop) - first) / delta));
            TorchModule.charge(in, new int[] {(int) Math.min(length, Integer.MAX_VALUE)}, dtype);
            // NumPy fills start + i * (second - first), the difference taken in the result's type
            double spacing = (first + delta) - first;
            double[] values = new double[(int) length];
            for (int i = 0; i < values.length; i++) {
                values[i] = integral ? Ops.toDouble(start) + (double) i * Ops.toDouble(step) : first + i * spacing;
            }
            return new NdArray(fromDoubles(values, new int[] {values.length}, dtype));
        }));
        np.define("linspace", Host.function("linspace", (in, a, k) -> {
            Object[] b = Host.bind("linspace", a, k, "start", "stop", "num", "endpoint", "dtype");
            double start = Ops.toDouble(b[0]);
            double stop = Ops.toDouble(b[1]);
            int num = Host.given(b[2]) ? (int) Ops.index(b[2]) : 50;
            if (num < 0) {
                throw PyException.valueError("Number of samples, " + num + ", must be non-negative.");
            }
            boolean endpoint = !Host.given(b[3]) || Ops.truthy(in, b[3]);
            DType dtype = dtype(b[4]) == null ? DType.FLOAT64 : dtype(b[4]);
            TorchModule.charge(in, new int[] {num}, DType.FLOAT64);
            int div = endpoint ? num - 1 : num;
            double delta = stop - start;
            double step = delta / div;
            double[] values = new double[num];
            for (int i = 0; i < num; i++) {
                values[i] = (step == 0 ? i / (double) div * delta : i * step) + start;
            }
            if (endpoint && num > 1) {
                values[num - 1] = stop;
            }
            return new NdArray(fromDoubles(values, new int[] {num}, dtype));
        }));
        return np;
    }

    private static Tensor fromDoubles(double[] values, int[] shape, DType dtype) {
        List<Object> items = new ArrayList<>();
        for (double v : values) {
            items.add(dtype == DType.INT64 ? (Object) (long) v : (Object) v);
        }
        return Host.guarded(() -> Torch.tensor(items, dtype).reshape(shape));
    }

    /** NumPy's dtype for {@code dtype=np.float32}, {@code dtype="float32"} or {@code a.dtype}. */
    static DType dtype(Object v) {
        return switch (v) {
            case null -> null;
            case ScalarType s -> s.dtype;
            case DTypeObject d -> d.dtype();
            case NumpyDType d -> d.dtype;
            case String s when s.equals("float32") || s.equals("float64") || s.equals("int64") -> switch (s) {
                case "float32" -> DType.FLOAT32;
                case "float64" -> DType.FLOAT64;
                default -> DType.INT64;
            };
            default -> {
                if (v == Py.NONE) {
                    yield null;
                }
                throw PyException.typeError("data type " + Py.typeName(v) + " not understood");
            }
        };
    }

    private static String name(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "float32";
            case FLOAT64 -> "float64";
            case INT64 -> "int64";
            default -> throw PyException.typeError("OptimLab's numpy has no dtype for " + dtype.pythonName());
        };
    }

    /** {@code np.float32}: the scalar type, used here as a dtype argument. */
    record ScalarType(DType dtype) implements PyObject {
        @Override
        public PyType pyType() {
            return SCALAR_TYPE;
        }

        @Override
        public String repr(Interpreter in) {
            return "<class 'numpy." + name(dtype) + "'>";
        }
    }

    /** {@code numpy.dtype}: {@code a.dtype}, printed {@code float32} by print and {@code dtype('float32')} by repr. */
    record NumpyDType(DType dtype) implements PyObject {
        @Override
        public PyType pyType() {
            return DTYPE;
        }

        @Override
        public String repr(Interpreter in) {
            return "dtype('" + name(dtype) + "')";
        }

        @Override
        public String str(Interpreter in) {
            return name(dtype);
        }

        @Override
        public boolean pyEquals(Interpreter in, Object other) {
            return dtype == NumpyModule.dtype(other);
        }

        @Override
        public Object binaryOp(Interpreter in, String dunder, Object other) {
            return dunder.equals("__eq__") ? (Object) (other instanceof NumpyDType || other instanceof ScalarType
                    ? pyEquals(in, other) : false) : Py.NOT_IMPLEMENTED;
        }

        @Override
        public long pyHash(Interpreter in) {
            return dtype.hashCode();
        }
    }

    /** {@code numpy.ndarray}. */
    static final class NdArray implements PyObject {
        final Tensor tensor;

        NdArray(Tensor tensor) {
            name(tensor.dtype());
            this.tensor = tensor;
        }

        @Override
        public PyType pyType() {
            return NDARRAY;
        }

        @Override
        public Object getAttr(Interpreter in, String attr) {
            Tensor t = tensor;
            return switch (attr) {
                case "shape" -> {
                    int[] shape = t.shape();
                    Object[] items = new Object[shape.length];
                    for (int i = 0; i < shape.length; i++) {
                        items[i] = (long) shape[i];
                    }
                    yield new PyTuple(items);
                }
                case "dtype" -> new NumpyDType(t.dtype());
                case "ndim" -> (long) t.shape().length;
                case "size" -> (long) t.numel();
                case "tolist" -> Host.function(attr, (i, a, k) -> Host.toPython(t.tolist()));
                case "reshape" -> Host.function(attr, (i, a, k) -> new NdArray(Host.guarded(() -> t.reshape(
                        Host.shape(i, a)))));
                case "astype" -> Host.function(attr, (i, a, k) -> {
                    Object[] b = Host.bind("astype", a, k, "dtype");
                    return new NdArray(t.to(dtype(b[0])).clone());
                });
                default -> null;
            };
        }

        /** {@code + - * /} with arrays and Python numbers, in NumPy's result type (Python numbers are weak). */
        @Override
        public Object binaryOp(Interpreter in, String dunder, Object other) {
            boolean otherIsArray = other instanceof NdArray;
            if (!otherIsArray && !(other instanceof Long) && !(other instanceof Double)) {
                return Py.NOT_IMPLEMENTED;
            }
            boolean division = dunder.equals("__truediv__") || dunder.equals("__rtruediv__");
            DType type = resultType(tensor.dtype(), other, division);
            Tensor a = tensor.to(type);
            Tensor b = other instanceof NdArray x ? x.tensor.to(type)
                    : Torch.full(new int[0], Ops.toDouble(other), type);
            return Host.guarded(() -> new NdArray(switch (dunder) {
                case "__add__", "__radd__" -> a.add(b);
                case "__sub__" -> a.sub(b);
                case "__rsub__" -> b.sub(a);
                case "__mul__", "__rmul__" -> a.mul(b);
                case "__truediv__" -> a.div(b);
                case "__rtruediv__" -> b.div(a);
                default -> throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR,
                        "this numpy operator is not supported in OptimLab");
            }));
        }

        @Override
        public Object unaryOp(Interpreter in, String dunder) {
            return dunder.equals("__neg__") ? new NdArray(tensor.neg()) : Py.NOT_IMPLEMENTED;
        }

        private static DType resultType(DType mine, Object other, boolean division) {
            DType theirs = other instanceof NdArray x ? x.tensor.dtype() : null;
            boolean anyFloat = mine.isFloatingPoint() || theirs != null && theirs.isFloatingPoint()
                    || other instanceof Double;
            if (!anyFloat) {
                return division ? DType.FLOAT64 : DType.INT64;
            }
            if (mine == DType.FLOAT64 || theirs == DType.FLOAT64) {
                return DType.FLOAT64;
            }
            if (theirs == null) {
                return mine == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
            }
            return mine == theirs ? mine : DType.FLOAT64;
        }

        @Override
        public long len(Interpreter in) {
            if (tensor.shape().length == 0) {
                throw PyException.typeError("len() of unsized object");
            }
            return tensor.shape()[0];
        }

        @Override
        public String repr(Interpreter in) {
            boolean showDtype = tensor.dtype() == DType.FLOAT32 || tensor.numel() == 0;
            String text = "array(" + format(", ", "array(", showDtype ? "," : ")") + (showDtype ? "," : ")");
            if (!showDtype) {
                return text;
            }
            String dtype = "dtype=" + name(tensor.dtype()) + ")";
            int lastLine = text.length() - (text.lastIndexOf('\n') + 1);
            return text + (lastLine + dtype.length() + 1 > LINE_WIDTH ? "\n" + " ".repeat("array(".length()) : " ")
                    + dtype;
        }

        @Override
        public String str(Interpreter in) {
            return format(" ", "", "");
        }

        /** NumPy's {@code array2string} without summarisation (arrays of up to 1000 elements). */
        private String format(String separator, String prefix, String suffix) {
            if (tensor.numel() > 1000) {
                throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR,
                        "printing numpy arrays of more than 1000 elements is not supported in OptimLab");
            }
            String[] words = words(tensor.contiguous().toDoubleArray());
            if (tensor.shape().length == 0) {
                return words[0];
            }
            return recurse(words, 0, 0, " " + " ".repeat(prefix.length()), LINE_WIDTH - suffix.length(), separator);
        }

        /** NumPy's {@code _formatArray.recurser}: one axis, wrapping the last one at the line width. */
        private String recurse(String[] words, int axis, int base, String hanging, int width, String separator) {
            int[] shape = tensor.shape();
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
                    String word = recurse(words, axis + 1, base + i * stride, nextHanging, nextWidth, separator);
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
                            .append(recurse(words, axis + 1, base + i * stride, nextHanging, nextWidth, separator));
                    if (i < count - 1) {
                        out.append(lineSeparator);
                    }
                }
            }
            return "[" + out.substring(hanging.length()) + "]";
        }

        private String[] words(double[] values) {
            String[] words = new String[values.length];
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
            double max = 0;
            double min = Double.MAX_VALUE;
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR,
                            "printing numpy arrays with inf or nan is not supported in OptimLab");
                }
                if (v != 0) {
                    max = Math.max(max, Math.abs(v));
                    min = Math.min(min, Math.abs(v));
                }
            }
            if (max >= 1e8 || max > 0 && (min < 1e-4 || max / min > 1e3)) {
                throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR,
                        "printing numpy arrays in scientific notation is not supported in OptimLab");
            }
            int left = 0;
            int right = 0;
            String[][] parts = new String[values.length][];
            for (int i = 0; i < values.length; i++) {
                parts[i] = positional(values[i]).split("\\.", -1);
                left = Math.max(left, parts[i][0].length());
                right = Math.max(right, parts[i][1].length());
            }
            for (int i = 0; i < values.length; i++) {
                words[i] = " ".repeat(left - parts[i][0].length()) + parts[i][0] + "." + parts[i][1]
                        + " ".repeat(right - parts[i][1].length());
            }
            return words;
        }

        /** The shortest digits that round-trip in the array's dtype, at most 8 after the point ("1." for 1). */
        private String positional(double v) {
            String shortest = tensor.dtype() == DType.FLOAT32 ? Float.toString((float) v) : Double.toString(v);
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

    /** {@code torch.from_numpy(a)}: a tensor sharing the array's storage. */
    static Object fromNumpy(Object array) {
        if (array instanceof NdArray a) {
            return TensorObject.of(a.tensor);
        }
        throw PyException.typeError("expected np.ndarray (got " + Py.typeName(array) + ")");
    }

    /** {@code Tensor.numpy()}: an array sharing the tensor's storage; PyTorch refuses tensors that need grad. */
    static Object toNumpy(Tensor t) {
        if (t.requiresGrad()) {
            throw PyException.of(PyType.RUNTIME_ERROR,
                    "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
        }
        return new NdArray(t);
    }
}
