package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyModule;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PySlice;
import dev.optimlab.pylite.runtime.PyTuple;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.Index;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small part of NumPy ({@code numpy}): {@code array(obj, dtype=) zeros ones arange linspace} with the dtypes
 * {@code float32 float64 int64}, an {@code ndarray} with {@code shape dtype ndim reshape astype tolist}, indexing,
 * {@code + - * /}, the reductions {@code sum mean max min argmax argmin} in NumPy's order of operations, printing as
 * NumPy's {@code arrayprint} does (positional or scientific), and the bridge to torch ({@code torch.from_numpy},
 * {@code Tensor.numpy()}) sharing storage. The array is held as a core tensor, which is what {@code from_numpy}
 * hands over.
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
            return array(in, b[0], dtype(b[1]));
        }));
        for (String name : new String[] {"sum", "mean", "max", "min", "argmax", "argmin"}) {
            np.define(name, Host.function(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "a", "axis");
                return (b[0] instanceof NdArray x ? x : array(in, b[0], null)).reduce(name, b[1]);
            }));
        }
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

    /** {@code np.array(obj, dtype)}: a copy of an array, or a new one from numbers and nested lists. */
    private static NdArray array(Interpreter in, Object object, DType dtype) {
        if (object instanceof NdArray x) {
            return new NdArray(x.tensor.to(dtype == null ? x.tensor.dtype() : dtype).clone());
        }
        Object data = Host.toJava(in, object instanceof NumpyScalar s ? s.value : object);
        // NumPy's default for Python floats is float64 where torch's is float32
        DType inferred = dtype != null ? dtype
                : Host.guarded(() -> Torch.tensor(data)).dtype() == DType.FLOAT32 ? DType.FLOAT64 : null;
        return new NdArray(Host.guarded(() -> inferred == null ? Torch.tensor(data) : Torch.tensor(data, inferred)));
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
            case BOOL -> "bool";
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

        /** {@code np.float32(x)}: a scalar of this type, or an array for a list or an array. */
        @Override
        public Object call(Interpreter in, Object[] args, Map<String, Object> kwargs) {
            Object[] b = Host.bind(name(dtype), args, kwargs, "x");
            Object x = b[0] instanceof NumpyScalar s ? s.value : b[0] == null ? (Object) 0L : b[0];
            if (x instanceof NdArray || x instanceof dev.optimlab.pylite.runtime.PyList) {
                return array(in, x, dtype);
            }
            if (!Py.isInt(x) && !(x instanceof Double)) {
                throw PyException.typeError(name(dtype) + "() argument must be a string or a number, not '"
                        + Py.typeName(x) + "'");
            }
            return dtype == DType.INT64 && Py.isInt(x) ? new NumpyScalar(Ops.index(x)) : new NumpyScalar(dtype, Ops.toDouble(x));
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
                case "sum", "mean", "max", "min", "argmax", "argmin" -> Host.function(attr, (i, a, k) ->
                        reduce(attr, Host.bind(attr, a, k, "axis")[0]));
                case "copy" -> Host.function(attr, (i, a, k) -> new NdArray(t.clone()));
                case "flatten" -> Host.function(attr, (i, a, k) -> new NdArray(t.contiguous().clone().reshape(-1)));
                case "item" -> Host.function(attr, (i, a, k) -> {
                    if (t.numel() != 1) {
                        throw PyException.valueError("can only convert an array of size 1 to a Python scalar");
                    }
                    Object v = scalar(t.reshape(new int[0]));
                    return v instanceof NumpyScalar s ? s.value : v;
                });
                default -> null;
            };
        }

        /** {@code + - * /} with arrays and Python numbers, in NumPy's result type (Python numbers are weak). */
        @Override
        public Object binaryOp(Interpreter in, String dunder, Object scalarOrOther) {
            // NumPy 1.x casts by value for a scalar with an array: a numpy scalar is as weak as a Python number
            Object other = scalarOrOther instanceof NumpyScalar s ? s.value : scalarOrOther;
            boolean otherIsArray = other instanceof NdArray;
            if (!otherIsArray && !(other instanceof Long) && !(other instanceof Double)) {
                return Py.NOT_IMPLEMENTED;
            }
            boolean division = dunder.equals("__truediv__") || dunder.equals("__rtruediv__");
            if (tensor.dtype() == DType.BOOL || other instanceof NdArray x && x.tensor.dtype() == DType.BOOL) {
                throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "arithmetic on boolean numpy arrays is not supported "
                        + "in OptimLab; convert with .astype(np.int64) first");
            }
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
                // comparisons in the common type, as NumPy compares after casting
                case "__eq__" -> a.eq(b);
                case "__ne__" -> a.ne(b);
                case "__lt__" -> a.lt(b);
                case "__le__" -> a.le(b);
                case "__gt__" -> a.gt(b);
                case "__ge__" -> a.ge(b);
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

        /** Basic indexing (ints, slices, {@code None}, {@code ...}) and integer index arrays; one element is a scalar. */
        @Override
        public Object getItem(Interpreter in, Object key) {
            Index[] items = TensorObject.indices(in, reversedSlices(torchKey(key)));
            Tensor r = numpyIndexErrors(() -> tensor.index(items));
            return r.dim() == 0 ? scalar(r) : new NdArray(r);
        }

        /** NumPy's truth of an array: its one element's, else NumPy's ValueError. */
        @Override
        public boolean truthy(Interpreter in) {
            if (tensor.numel() != 1) {
                throw PyException.valueError(tensor.numel() == 0 ? "The truth value of an empty array is ambiguous. Use "
                        + "`array.size > 0` to check that an array is not empty." : "The truth value of an array with more "
                        + "than one element is ambiguous. Use a.any() or a.all()");
            }
            return tensor.contiguous().toDoubleArray()[0] != 0;
        }

        @Override
        public void setItem(Interpreter in, Object key, Object value) {
            Index[] items = TensorObject.indices(in, reversedSlices(torchKey(key)));
            Object v = value instanceof NumpyScalar s ? s.value : value;
            numpyIndexErrors(() -> v instanceof NdArray x ? tensor.indexPut_(items, x.tensor.to(tensor.dtype()))
                    : tensor.indexPut_(items, Host.toDouble(v)));
        }

        private static Object torchKey(Object key) {
            return switch (key) {
                case NdArray x when x.tensor.dtype() == DType.INT64 || x.tensor.dtype() == DType.BOOL ->
                        TensorObject.of(x.tensor);
                case NdArray x -> throw PyException.of(PyType.INDEX_ERROR, "arrays used as indices must be of integer "
                        + "(or boolean) type");
                case NumpyScalar s -> s.value;
                case PyTuple t -> {
                    Object[] items = new Object[t.size()];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = torchKey(t.get(i));
                    }
                    yield new PyTuple(items);
                }
                default -> key;
            };
        }

        /**
         * NumPy's negative-step slices ({@code a[::-1]}), which PyTorch refuses, as an index array of the positions
         * they select; this copies where NumPy would give a view.
         */
        private Object reversedSlices(Object key) {
            Object[] items = key instanceof PyTuple t ? tupleItems(t) : new Object[] {key};
            int dim = 0;
            int arrays = 0;
            boolean reversed = false;
            for (int i = 0; i < items.length; i++) {
                Object item = items[i];
                if (item == Py.ELLIPSIS) {
                    dim = -1;
                    continue;
                }
                if (item instanceof PySlice slice && slice.step() != Py.NONE && Ops.index(slice.step()) < 0) {
                    if (dim < 0 || dim >= tensor.dim()) {
                        throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "a negative slice step after '...' is not "
                                + "supported by OptimLab's numpy");
                    }
                    PySlice.Bounds b = slice.indices(tensor.shape()[dim]);
                    long[] positions = new long[(int) b.length()];
                    for (int j = 0; j < positions.length; j++) {
                        positions[j] = b.start() + j * b.step();
                    }
                    items[i] = TensorObject.of(Torch.fromArray(positions, positions.length));
                    reversed = true;
                    arrays++;
                } else if (item instanceof TensorObject || item instanceof dev.optimlab.pylite.runtime.PyList) {
                    arrays++;
                }
                if (item != Py.NONE && dim >= 0) {
                    dim++;
                }
            }
            if (reversed && arrays > 1) {
                throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "a negative slice step together with index arrays "
                        + "is not supported by OptimLab's numpy");
            }
            return !reversed ? key : key instanceof PyTuple ? new PyTuple(items) : items[0];
        }

        private static Object[] tupleItems(PyTuple t) {
            Object[] items = new Object[t.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = t.get(i);
            }
            return items;
        }

        /** PyTorch's index errors in NumPy's words ("for axis 0", "array is 1-dimensional"). */
        private Tensor numpyIndexErrors(java.util.function.Supplier<Tensor> indexing) {
            try {
                return Host.guarded(indexing::get);
            } catch (PyException e) {
                String message = e.value().message();
                if (message.startsWith("too many indices")) {
                    throw PyException.of(PyType.INDEX_ERROR, "too many indices for array: array is "
                            + tensor.dim() + "-dimensional, but more were indexed");
                }
                if (message.contains("out of bounds for dimension")) {
                    throw PyException.of(PyType.INDEX_ERROR, message.replace("for dimension", "for axis"));
                }
                throw e;
            }
        }

        /** One element as NumPy gives it: a NumPy scalar, or a Python bool for {@code numpy.bool_}. */
        static Object scalar(Tensor zeroDim) {
            if (zeroDim.dtype() == DType.BOOL) {
                return zeroDim.toDoubleArray()[0] != 0;
            }
            return zeroDim.dtype() == DType.INT64 ? new NumpyScalar(zeroDim.toLongArray()[0])
                    : new NumpyScalar(zeroDim.dtype(), zeroDim.itemDouble());
        }

        /**
         * {@code a.sum/mean/max/min/argmax/argmin(axis=None)} in NumPy's order of operations: along a contiguous
         * axis (and for the whole array) {@code add.reduce} sums pairwise in blocks of eight, along another axis
         * it adds one slice after the other; float32 stays float32; the mean divides as NumPy 1.24's
         * {@code _mean} does. A full reduction gives a scalar.
         */
        Object reduce(String op, Object axisArgument) {
            if (tensor.dtype() == DType.BOOL) {
                // NumPy counts True as 1; max and min of booleans stay booleans
                Object r = new NdArray(tensor.to(DType.INT64)).reduce(op, axisArgument);
                return !op.equals("max") && !op.equals("min") ? r : r instanceof NdArray x
                        ? new NdArray(x.tensor.to(DType.BOOL)) : ((Long) ((NumpyScalar) r).value) != 0;
            }
            int[] shape = tensor.shape();
            int nd = shape.length;
            Integer axis = null;
            if (Host.given(axisArgument)) {
                long ax = Ops.index(axisArgument instanceof NumpyScalar s ? s.value : axisArgument);
                if (ax < -Math.max(nd, 1) || ax >= Math.max(nd, 1)) {
                    throw PyException.of(PyType.INDEX_ERROR, "axis " + ax + " is out of bounds for array of dimension " + nd);
                }
                axis = nd == 0 ? null : (int) (ax < 0 ? ax + nd : ax);
            }
            int length = axis == null ? tensor.numel() : shape[axis];
            int inner = 1;
            for (int d = axis == null ? nd : axis + 1; d < nd; d++) {
                inner *= shape[d];
            }
            int outer = 1;
            for (int d = 0; axis != null && d < axis; d++) {
                outer *= shape[d];
            }
            if (length == 0 && !op.equals("sum") && !op.equals("mean")) {
                throw PyException.valueError(op.startsWith("arg") ? "attempt to get " + op + " of an empty sequence"
                        : "zero-size array to reduction operation " + (op.equals("max") ? "maximum" : "minimum")
                        + " which has no identity");
            }
            DType dtype = tensor.dtype();
            DType resultType = switch (op) {
                case "argmax", "argmin" -> DType.INT64;
                case "mean" -> dtype == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
                default -> dtype;
            };
            double[] values = tensor.toDoubleArray();
            long[] longs = dtype == DType.INT64 ? tensor.toLongArray() : null;
            int count = outer * inner;
            double[] out = new double[count];
            long[] longOut = resultType == DType.INT64 ? new long[count] : null;
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    int base = o * length * inner + i;
                    int at = o * inner + i;
                    switch (op) {
                        case "sum", "mean" -> {
                            if (dtype == DType.INT64 && op.equals("sum")) {
                                long total = 0;
                                for (int j = 0; j < length; j++) {
                                    total += longs[base + j * inner];
                                }
                                longOut[at] = total;
                            } else {
                                boolean single = dtype == DType.FLOAT32;
                                double total = inner == 1 ? pairwiseSum(values, base, length, single)
                                        : sequentialSum(values, base, length, inner, single);
                                out[at] = !op.equals("mean") ? total
                                        : single && axis != null ? (float) total / (float) length : total / length;
                            }
                        }
                        case "max", "min", "argmax", "argmin" -> {
                            boolean max = op.endsWith("max");
                            int best = 0;
                            for (int j = 1; j < length && !Double.isNaN(values[base + best * inner]); j++) {
                                double v = values[base + j * inner];
                                double b = values[base + best * inner];
                                boolean better = Double.isNaN(v) || (longs != null
                                        ? (max ? longs[base + j * inner] > longs[base + best * inner]
                                                : longs[base + j * inner] < longs[base + best * inner])
                                        : (max ? v > b : v < b));
                                if (better) {
                                    best = j;
                                }
                            }
                            if (op.startsWith("arg")) {
                                longOut[at] = best;
                            } else if (longOut != null) {
                                longOut[at] = longs[base + best * inner];
                            } else {
                                out[at] = values[base + best * inner];
                            }
                        }
                        default -> throw new IllegalArgumentException(op);
                    }
                }
            }
            if (axis == null) {
                return longOut != null ? new NumpyScalar(longOut[0]) : new NumpyScalar(resultType, out[0]);
            }
            int[] outShape = new int[nd - 1];
            for (int d = 0, e = 0; d < nd; d++) {
                if (d != axis) {
                    outShape[e++] = shape[d];
                }
            }
            if (longOut != null) {
                return new NdArray(Torch.fromArray(longOut, outShape));
            }
            return new NdArray(resultType == DType.FLOAT32 ? Torch.fromArray(floats(out), outShape)
                    : Torch.fromArray(out, outShape));
        }

        private static float[] floats(double[] values) {
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (float) values[i];
            }
            return out;
        }

        /** NumPy's {@code pairwise_sum} (loops_utils.h): eight running sums per block of 128, halves above. */
        private static double pairwiseSum(double[] v, int start, int n, boolean single) {
            if (n < 8) {
                double res = 0;
                for (int i = 0; i < n; i++) {
                    res = round(res + v[start + i], single);
                }
                return res;
            }
            if (n <= 128) {
                double[] r = new double[8];
                System.arraycopy(v, start, r, 0, 8);
                int i = 8;
                for (; i < n - n % 8; i += 8) {
                    for (int j = 0; j < 8; j++) {
                        r[j] = round(r[j] + v[start + i + j], single);
                    }
                }
                double res = round(round(round(r[0] + r[1], single) + round(r[2] + r[3], single), single)
                        + round(round(r[4] + r[5], single) + round(r[6] + r[7], single), single), single);
                for (; i < n; i++) {
                    res = round(res + v[start + i], single);
                }
                return res;
            }
            int half = n / 2;
            half -= half % 8;
            return round(pairwiseSum(v, start, half, single) + pairwiseSum(v, start + half, n - half, single), single);
        }

        /** {@code add.reduce} along a non-contiguous axis: the output adds one slice after the other. */
        private static double sequentialSum(double[] v, int base, int n, int stride, boolean single) {
            double res = 0;
            for (int j = 0; j < n; j++) {
                res = round(res + v[base + j * stride], single);
            }
            return res;
        }

        /** float32 arithmetic: the sum of two float32 values, done in double, rounds exactly as a float addition. */
        private static double round(double v, boolean single) {
            return single ? (float) v : v;
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
            String text = "array(" + NumpyPrint.format(tensor, ", ", "array(", showDtype ? "," : ")") + (showDtype ? "," : ")");
            if (!showDtype) {
                return text;
            }
            String dtype = "dtype=" + name(tensor.dtype()) + ")";
            int lastLine = text.length() - (text.lastIndexOf('\n') + 1);
            return text + (lastLine + dtype.length() + 1 > NumpyPrint.LINE_WIDTH ? "\n" + " ".repeat("array(".length()) : " ")
                    + dtype;
        }

        @Override
        public String str(Interpreter in) {
            return NumpyPrint.format(tensor, " ", "", "");
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
