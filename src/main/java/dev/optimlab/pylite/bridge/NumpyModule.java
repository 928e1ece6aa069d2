package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
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

/**
 * A small part of NumPy ({@code numpy}): {@code array(obj, dtype=)} with the dtypes {@code float32 float64
 * int64}, an {@code ndarray} with {@code shape dtype ndim reshape astype tolist} that prints as NumPy prints
 * small arrays, and the bridge to torch ({@code torch.from_numpy}, {@code Tensor.numpy()}) sharing storage.
 * The array is held as a core tensor, which is what {@code from_numpy} hands over.
 */
final class NumpyModule {
    static final PyType NDARRAY = PyType.hostClass("ndarray", null, "numpy");
    static final PyType DTYPE = PyType.hostClass("dtype", null, "numpy");
    static final PyType SCALAR_TYPE = PyType.hostClass("type", null, "numpy");

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
        return np;
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

        @Override
        public long len(Interpreter in) {
            if (tensor.shape().length == 0) {
                throw PyException.typeError("len() of unsized object");
            }
            return tensor.shape()[0];
        }

        @Override
        public String repr(Interpreter in) {
            String suffix = tensor.dtype() == DType.FLOAT32 ? ", dtype=float32)" : ")";
            return fitting("array(" + format(",", "array(".length() + 1) + suffix);
        }

        @Override
        public String str(Interpreter in) {
            return fitting(format("", 1));
        }

        /** NumPy wraps lines longer than 75 characters; OptimLab prints only arrays that need no wrapping. */
        private static String fitting(String text) {
            if (text.lines().anyMatch(line -> line.length() > 75)) {
                throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR,
                        "printing numpy arrays with rows longer than 75 characters is not supported in OptimLab");
            }
            return text;
        }

        /** NumPy's {@code array2string}: rows separated by the separator and a line break, then indented. */
        private String format(String separator, int indent) {
            int[] shape = tensor.shape();
            String[] words = words(tensor.contiguous().toDoubleArray());
            if (shape.length == 0) {
                return words[0];
            }
            StringBuilder out = new StringBuilder();
            appendAxis(out, shape, 0, 0, words, separator, indent);
            return out.toString();
        }

        private static int appendAxis(StringBuilder out, int[] shape, int axis, int offset, String[] words,
                String separator, int indent) {
            out.append('[');
            for (int i = 0; i < shape[axis]; i++) {
                if (i > 0 && axis == shape.length - 1) {
                    out.append(separator).append(' ');
                } else if (i > 0) {
                    out.append(separator).append("\n".repeat(shape.length - 1 - axis))
                            .append(" ".repeat(indent + axis));
                }
                if (axis == shape.length - 1) {
                    out.append(words[offset++]);
                } else {
                    offset = appendAxis(out, shape, axis + 1, offset, words, separator, indent);
                }
            }
            out.append(']');
            return offset;
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
