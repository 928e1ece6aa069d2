package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Formatter;
import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyBoundMethod;
import dev.optimlab.pylite.runtime.PyBuiltinFunction;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyInstance;
import dev.optimlab.pylite.runtime.PyIterator;
import dev.optimlab.pylite.runtime.PyList;
import dev.optimlab.pylite.runtime.PyProperty;
import dev.optimlab.pylite.runtime.PySlice;
import dev.optimlab.pylite.runtime.PyTuple;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.Index;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.ValuesIndices;
import dev.optimlab.torch.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.Tensor} as Python sees it (and {@code torch.nn.Parameter} when it wraps one): operators,
 * indexing, attributes and methods delegating to the core's {@link Tensor}, with PyTorch's names, keyword
 * arguments and messages. Mirrors {@code torch/_tensor.py} and the bindings in {@code python_variable_methods.cpp}.
 */
final class TensorObject extends PyInstance {
    static final PyType TYPE = PyType.hostClass("Tensor", null, "torch");
    static final PyType PARAMETER = PyType.hostClass("Parameter", TYPE, "torch.nn.parameter");

    static {
        for (PyType t : new PyType[] {TYPE}) {
            t.dict().put("__format__", PyBuiltinFunction.method("__format__", (in, a, k) -> ((TensorObject) a[0]).format(in,
                    (String) a[1])));
            t.dict().put("__float__", PyBuiltinFunction.method("__float__", (in, a, k) -> ((TensorObject) a[0]).scalar("float")));
            t.dict().put("__int__", PyBuiltinFunction.method("__int__", (in, a, k) -> ((TensorObject) a[0]).toInt()));
            t.dict().put("__index__", PyBuiltinFunction.method("__index__", (in, a, k) -> ((TensorObject) a[0]).toIndex()));
            // slot wrappers the interpreter only consults on instances: they bind to the tensor like CPython's descriptors
            t.dict().put("__contains__", new PyProperty(PyBuiltinFunction.function("__contains__", (in, a, k) ->
                    new PyBoundMethod(a[0], PyBuiltinFunction.method("__contains__",
                            (in2, b, k2) -> ((TensorObject) b[0]).contains(in2, b[1])))), null));
            for (String dunder : new String[] {"__eq__", "__ne__", "__iadd__", "__isub__", "__imul__", "__itruediv__"}) {
                PyBuiltinFunction impl = PyBuiltinFunction.method(dunder,
                        (in, a, k) -> ((TensorObject) a[0]).binaryOp(in, dunder, a[1]));
                t.dict().put(dunder, new PyProperty(PyBuiltinFunction.function(dunder, (in, a, k) ->
                        new PyBoundMethod(a[0], impl)), null));
            }
        }
    }

    private final Tensor tensor;
    private final Parameter parameter;

    private TensorObject(Tensor tensor, Parameter parameter) {
        super(parameter == null ? TYPE : PARAMETER);
        this.tensor = tensor;
        this.parameter = parameter;
    }

    /** A tensor as Python sees it: a Parameter again when the program has met it as one. */
    static TensorObject of(Tensor tensor) {
        BridgeRun run = BridgeRun.current();
        run.track(tensor);
        return new TensorObject(tensor, run.parameterOf(tensor));
    }

    static TensorObject of(Parameter parameter) {
        BridgeRun run = BridgeRun.current();
        run.track(parameter.data());
        run.rememberParameter(parameter);
        return new TensorObject(parameter.data(), parameter);
    }

    Tensor tensor() {
        return tensor;
    }

    /** The nn.Parameter this object is, or a new one around the tensor, for module attribute assignment. */
    Parameter parameter() {
        return parameter;
    }

    private static Object wrap(Tensor t) {
        return t == null ? Py.NONE : of(t);
    }

    // ---------------------------------------------------------------- printing and conversion

    @Override
    public String repr(Interpreter in) {
        return Host.guarded(() -> parameter != null ? parameter.toString() : tensor.toString());
    }

    @Override
    public String str(Interpreter in) {
        return repr(in);
    }

    private String format(Interpreter in, String spec) {
        if (tensor.dim() == 0) {
            return Formatter.format(in, Host.guarded(tensor::item), spec);
        }
        if (!spec.isEmpty()) {
            throw PyException.typeError("unsupported format string passed to Tensor.__format__");
        }
        return repr(in);
    }

    private Object scalar(String what) {
        if (tensor.numel() != 1) {
            throw PyException.valueError("only one element tensors can be converted to Python scalars");
        }
        return Host.guarded(tensor::itemDouble);
    }

    private Object toInt() {
        if (tensor.numel() != 1) {
            throw PyException.valueError("only one element tensors can be converted to Python scalars");
        }
        Object v = Host.guarded(tensor::item);
        return v instanceof Double d ? Ops.floatToInt(d) : v instanceof Boolean b ? (b ? 1L : 0L) : v;
    }

    private Object toIndex() {
        if (tensor.dtype() != DType.INT64 || tensor.numel() != 1) {
            throw PyException.typeError("only integer tensors of a single element can be converted to an index");
        }
        return tensor.item();
    }

    @Override
    public boolean truthy(Interpreter in) {
        if (tensor.numel() != 1) {
            throw PyException.of(PyType.RUNTIME_ERROR, "Boolean value of Tensor with " + (tensor.numel() == 0 ? "no values"
                    : "more than one value") + " is ambiguous");
        }
        Object v = tensor.item();
        return v instanceof Boolean b ? b : v instanceof Long l ? l != 0 : (Double) v != 0.0;
    }

    @Override
    public long len(Interpreter in) {
        if (tensor.dim() == 0) {
            throw PyException.typeError("len() of a 0-d tensor");
        }
        return tensor.size(0);
    }

    @Override
    public PyIterator iter(Interpreter in) {
        if (tensor.dim() == 0) {
            throw PyException.typeError("iteration over a 0-d tensor");
        }
        int n = tensor.size(0);
        return new PyIterator() {
            private int i;

            @Override
            public Object next(Interpreter in) {
                return i < n ? of(tensor.select(0, i++)) : null;
            }
        };
    }

    /** {@code ==} where a list, tuple or dict compares elements: identity first, else bool(tensor == other) as CPython. */
    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        if (other instanceof TensorObject t && t.tensor == tensor) {
            return true;
        }
        Object r = binaryOp(in, "__eq__", other);
        return r != Py.NOT_IMPLEMENTED && Ops.truthy(in, r);
    }

    /** {@code Tensor.__contains__}: {@code (element == self).any().item()} for a tensor or a number. */
    private boolean contains(Interpreter in, Object element) {
        Object operand = operand(element);
        if (operand == null) {
            throw PyException.of(PyType.RUNTIME_ERROR, "Tensor.__contains__ only supports Tensor or scalar, but you passed in a "
                    + Ops.repr(in, Py.typeOf(element)) + ".");
        }
        return Host.guarded(() -> apply("__eq__", operand).sum().itemDouble() > 0);
    }

    @Override
    public long pyHash(Interpreter in) {
        return System.identityHashCode(tensor);
    }

    // ---------------------------------------------------------------- operators

    @Override
    public Object binaryOp(Interpreter in, String dunder, Object other) {
        Object operand = operand(other);
        if (operand == null) {
            return Py.NOT_IMPLEMENTED;
        }
        return Host.guarded(() -> wrap(apply(dunder, operand)));
    }

    /** A tensor, a Python number as a Java Double/Long, or null when the operand is not one PyTorch takes. */
    private static Object operand(Object other) {
        return switch (other) {
            case TensorObject t -> t.tensor;
            case Double d -> d;
            case Long l -> l;
            case Boolean b -> b ? 1L : 0L;
            default -> null;
        };
    }

    private Tensor apply(String dunder, Object b) {
        Tensor a = tensor;
        return switch (dunder) {
            case "__add__", "__radd__" -> b instanceof Tensor t ? a.add(t) : b instanceof Long l ? a.add(l) : a.add((Double) b);
            case "__sub__" -> b instanceof Tensor t ? a.sub(t) : b instanceof Long l ? a.sub(l) : a.sub((Double) b);
            case "__rsub__" -> b instanceof Long l ? a.rsub(l) : a.rsub((Double) b);
            case "__mul__", "__rmul__" -> b instanceof Tensor t ? a.mul(t) : b instanceof Long l ? a.mul(l) : a.mul((Double) b);
            case "__truediv__" -> b instanceof Tensor t ? a.div(t) : b instanceof Long l ? a.div(l) : a.div((Double) b);
            case "__rtruediv__" -> b instanceof Long l ? a.rdiv(l) : a.rdiv((Double) b);
            case "__pow__" -> b instanceof Tensor t ? a.pow(t) : b instanceof Long l ? a.pow(l) : a.pow((Double) b);
            case "__rpow__" -> a.rpow(((Number) b).doubleValue());
            case "__matmul__" -> b instanceof Tensor t ? a.matmul(t) : null;
            case "__rmatmul__" -> null;
            case "__eq__" -> b instanceof Tensor t ? a.eq(t) : a.eq(((Number) b).doubleValue());
            case "__ne__" -> b instanceof Tensor t ? a.ne(t) : a.ne(((Number) b).doubleValue());
            case "__lt__" -> b instanceof Tensor t ? a.lt(t) : a.lt(((Number) b).doubleValue());
            case "__le__" -> b instanceof Tensor t ? a.le(t) : a.le(((Number) b).doubleValue());
            case "__gt__" -> b instanceof Tensor t ? a.gt(t) : a.gt(((Number) b).doubleValue());
            case "__ge__" -> b instanceof Tensor t ? a.ge(t) : a.ge(((Number) b).doubleValue());
            case "__iadd__" -> b instanceof Tensor t ? a.add_(t) : a.add_(((Number) b).doubleValue());
            case "__isub__" -> b instanceof Tensor t ? a.sub_(t) : a.sub_(((Number) b).doubleValue());
            case "__imul__" -> b instanceof Tensor t ? a.mul_(t) : a.mul_(((Number) b).doubleValue());
            case "__itruediv__" -> b instanceof Tensor t ? a.div_(t) : a.div_(((Number) b).doubleValue());
            case "__and__" -> b instanceof Tensor t ? a.logicalAnd(t) : null;
            default -> null;
        };
    }

    @Override
    public Object unaryOp(Interpreter in, String dunder) {
        return Host.guarded(() -> switch (dunder) {
            case "__neg__" -> of(tensor.neg());
            case "__pos__" -> this;
            case "__abs__" -> of(tensor.abs());
            case "__invert__" -> of(tensor.logicalNot());
            default -> Py.NOT_IMPLEMENTED;
        });
    }

    // ---------------------------------------------------------------- indexing

    @Override
    public Object getItem(Interpreter in, Object key) {
        Index[] items = indices(in, key);
        return Host.guarded(() -> of(tensor.index(items)));
    }

    @Override
    public void setItem(Interpreter in, Object key, Object value) {
        Index[] items = indices(in, key);
        Host.guarded(() -> value instanceof TensorObject t ? tensor.indexPut_(items, t.tensor)
                : tensor.indexPut_(items, Host.toDouble(value)));
    }

    static Index[] indices(Interpreter in, Object key) {
        if (key instanceof PyTuple t) {
            Index[] out = new Index[t.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = index(in, t.get(i));
            }
            return out;
        }
        return new Index[] {index(in, key)};
    }

    private static Index index(Interpreter in, Object item) {
        if (Py.isInt(item) && !(item instanceof Boolean)) {
            return new Index.At(Ops.index(item));
        }
        if (item instanceof PySlice s) {
            return new Index.Slice(bound(s.start()), bound(s.stop()), bound(s.step()));
        }
        if (item == Py.NONE) {
            return new Index.NewAxis();
        }
        if (item == Py.ELLIPSIS) {
            return new Index.Ellipsis();
        }
        if (item instanceof TensorObject t) {
            return new Index.ByTensor(t.tensor);
        }
        if (item instanceof PyList || item instanceof Boolean) {
            return new Index.ByTensor(Host.tensor(in, item instanceof Boolean ? item : item));
        }
        throw PyException.of(PyType.INDEX_ERROR, "only integers, slices (`:`), ellipsis (`...`), None and long or byte "
                + "Variables are valid indices (got " + Py.typeName(item) + ")");
    }

    private static Long bound(Object v) {
        return v == Py.NONE || v == null ? null : Ops.index(v);
    }

    // ---------------------------------------------------------------- attributes

    @Override
    public Object getAttr(Interpreter in, String name) {
        switch (name) {
            case "__class__": return pyType();
            case "shape": return Host.size(tensor.shape());
            case "dtype": return new DTypeObject(tensor.dtype());
            case "grad": return wrap(tensor.grad());
            case "grad_fn": return tensor.gradFn() == null ? Py.NONE : new GradFnObject(tensor.gradFn());
            case "is_leaf": return tensor.isLeaf();
            case "requires_grad": return tensor.requiresGrad();
            case "data": return of(tensor.detach());
            case "T": return Host.guarded(() -> of(tensor.T()));
            case "ndim": return (long) tensor.dim();
            case "device": return DeviceObject.CPU;
            case "is_cuda": return false;
            default: break;
        }
        PyBuiltinFunction method = method(name);
        return method != null ? method : super.getAttr(in, name);
    }

    @Override
    public boolean setAttr(Interpreter in, String name, Object value) {
        switch (name) {
            case "requires_grad" -> Host.guarded(() -> tensor.requiresGrad_(Ops.truthy(in, value)));
            case "grad" -> Host.guarded(() -> {
                tensor.setGrad(value == Py.NONE ? null : Host.tensor(in, value));
                return null;
            });
            case "data" -> Host.guarded(() -> {
                try (var noGrad = Torch.noGrad()) {
                    return tensor.copy_(Host.tensor(in, value));
                }
            });
            default -> throw PyException.attributeError("'Tensor' object has no attribute '" + name + "'");
        }
        return true;
    }

    private PyBuiltinFunction m(String name, Host.Body body) {
        return Host.function(name, body);
    }

    /** The tensor method called name, bound to this tensor, or null when PyTorch's Tensor has none we support. */
    private PyBuiltinFunction method(String name) {
        Tensor t = tensor;
        return switch (name) {
            case "backward" -> m(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "gradient", "retain_graph", "create_graph", "inputs");
                BridgeRun run = BridgeRun.of(in);
                run.trace("tensor.backward", this);
                t.backward(Host.given(b[0]) ? Host.tensor(in, b[0]) : null, Host.given(b[1]) && Ops.truthy(in, b[1]));
                run.lossBackward(t);
                return Py.NONE;
            });
            case "item" -> m(name, (in, a, k) -> Host.toPython(t.item()));
            case "tolist" -> m(name, (in, a, k) -> Host.toPython(t.tolist()));
            case "numpy" -> m(name, (in, a, k) -> NumpyModule.toNumpy(t));
            case "detach" -> m(name, (in, a, k) -> of(t.detach()));
            case "clone" -> m(name, (in, a, k) -> of(t.clone()));
            case "contiguous" -> m(name, (in, a, k) -> of(t.contiguous()));
            case "zero_" -> m(name, (in, a, k) -> of(t.zero_()));
            case "fill_" -> m(name, (in, a, k) -> of(t.fill_(Host.toDouble(a[0]))));
            case "retain_grad" -> m(name, (in, a, k) -> {
                t.retainGrad();
                return Py.NONE;
            });
            case "requires_grad_" -> m(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "requires_grad");
                return of(t.requiresGrad_(b[0] == null || Ops.truthy(in, b[0])));
            });
            case "add", "sub", "mul", "div", "add_", "sub_", "mul_", "div_" -> m(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "other", "alpha");
                return of(arith(name, in, b[0], Host.given(b[1]) ? Host.toDouble(b[1]) : 1.0));
            });
            case "pow" -> m(name, (in, a, k) -> binaryOp(in, "__pow__", Host.bind(name, a, k, "exponent")[0]));
            case "matmul", "mm", "mv", "dot", "bmm" -> m(name, (in, a, k) -> {
                Tensor o = Host.tensor(in, Host.bind(name, a, k, "other")[0]);
                return of(switch (name) {
                    case "mm" -> t.mm(o);
                    case "mv" -> t.mv(o);
                    case "dot" -> t.dot(o);
                    case "bmm" -> t.bmm(o);
                    default -> t.matmul(o);
                });
            });
            case "eq", "ne", "lt", "le", "gt", "ge" -> m(name, (in, a, k) -> binaryOp(in, "__" + name + "__",
                    Host.bind(name, a, k, "other")[0]));
            case "copy_" -> m(name, (in, a, k) -> of(t.copy_(Host.tensor(in, Host.bind(name, a, k, "src", "non_blocking")[0]))));
            case "clamp", "clamp_", "clip" -> m(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "min", "max");
                Double lo = Host.given(b[0]) ? Host.toDouble(b[0]) : null;
                Double hi = Host.given(b[1]) ? Host.toDouble(b[1]) : null;
                return of(name.equals("clamp_") ? t.clamp_(lo, hi) : t.clamp(lo, hi));
            });
            case "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu", "neg", "sign", "reciprocal", "sqrt_" ->
                    m(name, (in, a, k) -> {
                        Host.bind(name, a, k);
                        return of(TorchModule.unary(name, t));
                    });
            case "softmax", "log_softmax" -> m(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "dim", "dtype");
                int dim = (int) Ops.index(b[0]);
                return of(name.equals("softmax") ? t.softmax(dim) : t.logSoftmax(dim));
            });
            case "sum", "mean" -> m(name, (in, a, k) -> of(TorchModule.reduce(in, name, t, a, k)));
            // all() / any() of the whole tensor: whether every / some element is non-zero, as a bool tensor
            case "all" -> m(name, (in, a, k) -> of(wholeTensorOnly("all", a, k).ne(0.0).toLong().sum().eq((double) t.numel())));
            case "any" -> m(name, (in, a, k) -> of(wholeTensorOnly("any", a, k).ne(0.0).toLong().sum().gt(0.0)));
            case "max", "min", "argmax", "argmin" -> m(name, (in, a, k) -> TorchModule.extreme(in, name, t, a, k));
            case "norm" -> m(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "p", "dim", "keepdim");
                double p = Host.given(b[0]) ? Host.toDouble(b[0]) : 2.0;
                if (Host.given(b[1])) {
                    return of(t.norm(p, Host.ints(in, b[1]), Host.given(b[2]) && Ops.truthy(in, b[2])));
                }
                return of(t.norm(p));
            });
            case "view", "reshape", "expand" -> m(name, (in, a, k) -> {
                int[] shape = Host.shape(in, a);
                return of(name.equals("view") ? t.view(shape) : name.equals("reshape") ? t.reshape(shape) : t.expand(shape));
            });
            case "view_as", "reshape_as", "expand_as" -> m(name, (in, a, k) -> {
                Tensor o = Host.tensor(in, a[0]);
                return of(name.equals("expand_as") ? t.expandAs(o) : t.reshape(o.shape()));
            });
            case "transpose", "swapaxes" -> m(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "dim0", "dim1");
                return of(t.transpose((int) Ops.index(b[0]), (int) Ops.index(b[1])));
            });
            case "permute" -> m(name, (in, a, k) -> of(t.permute(Host.shape(in, a))));
            case "t" -> m(name, (in, a, k) -> of(t.t()));
            case "squeeze" -> m(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "dim");
                return of(Host.given(b[0]) ? t.squeeze((int) Ops.index(b[0])) : t.squeeze());
            });
            case "unsqueeze" -> m(name, (in, a, k) -> of(t.unsqueeze((int) Ops.index(Host.bind(name, a, k, "dim")[0]))));
            case "flatten" -> m(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "start_dim", "end_dim");
                return of(t.flatten(Host.given(b[0]) ? (int) Ops.index(b[0]) : 0,
                        Host.given(b[1]) ? (int) Ops.index(b[1]) : -1));
            });
            case "size" -> m(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "dim");
                if (!Host.given(b[0])) {
                    return Host.size(t.shape());
                }
                int dim = (int) Ops.index(b[0]);
                int n = t.dim();
                if (dim < -n || dim >= n) {
                    throw PyException.of(PyType.INDEX_ERROR, "Dimension out of range (expected to be in range of [" + -n
                            + ", " + (n - 1) + "], but got " + dim + ")");
                }
                return (long) t.size(dim < 0 ? dim + n : dim);
            });
            case "dim", "ndimension" -> m(name, (in, a, k) -> (long) t.dim());
            case "numel", "nelement" -> m(name, (in, a, k) -> (long) t.numel());
            case "is_contiguous" -> m(name, (in, a, k) -> t.isContiguous());
            case "is_floating_point" -> m(name, (in, a, k) -> t.isFloatingPoint());
            case "float" -> m(name, (in, a, k) -> of(t.toFloat()));
            case "double" -> m(name, (in, a, k) -> of(t.toDouble()));
            case "long", "int" -> m(name, (in, a, k) -> of(t.toLong()));
            case "bool" -> m(name, (in, a, k) -> of(t.toBool()));
            case "half" -> m(name, (in, a, k) -> of(t.toHalf()));
            case "cpu" -> m(name, (in, a, k) -> this);
            case "to", "type" -> m(name, (in, a, k) -> convert(in, name, a, k));
            case "uniform_" -> m(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "from", "to", "generator");
                return of(t.uniform_(Host.given(b[0]) ? Host.toDouble(b[0]) : 0.0, Host.given(b[1]) ? Host.toDouble(b[1]) : 1.0));
            });
            case "normal_" -> m(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "mean", "std", "generator");
                return of(t.normal_(Host.given(b[0]) ? Host.toDouble(b[0]) : 0.0, Host.given(b[1]) ? Host.toDouble(b[1]) : 1.0));
            });
            default -> null;
        };
    }

    private Tensor arith(String name, Interpreter in, Object other, double alpha) {
        Tensor t = tensor;
        Object o = operand(other);
        if (o == null) {
            throw PyException.typeError(name + "(): argument 'other' must be Tensor, not " + Py.typeName(other));
        }
        if (alpha != 1.0 && !(o instanceof Tensor)) {
            o = Host.tensor(in, other);
        }
        Tensor ot = o instanceof Tensor x ? x : null;
        double od = o instanceof Number n ? n.doubleValue() : 0;
        return switch (name) {
            case "add" -> ot != null ? t.add(ot, alpha) : o instanceof Long l ? t.add(l) : t.add(od);
            case "sub" -> ot != null ? t.sub(ot, alpha) : o instanceof Long l ? t.sub(l) : t.sub(od);
            case "mul" -> ot != null ? t.mul(ot) : o instanceof Long l ? t.mul(l) : t.mul(od);
            case "div" -> ot != null ? t.div(ot) : o instanceof Long l ? t.div(l) : t.div(od);
            case "add_" -> ot != null ? t.add_(ot, alpha) : t.add_(od);
            case "sub_" -> ot != null ? t.sub_(ot, alpha) : t.sub_(od);
            case "mul_" -> ot != null ? t.mul_(ot) : t.mul_(od);
            default -> ot != null ? t.div_(ot) : t.div_(od);
        };
    }

    /** {@code to(dtype)}, {@code to("cpu")}, {@code to(device, dtype)}, {@code to(other)}, {@code type(dtype)}. */
    private Object convert(Interpreter in, String name, Object[] a, Map<String, Object> k) {
        Object[] b = Host.bind(name, a, k, "device", "dtype", "non_blocking", "copy");
        DType target = null;
        for (Object v : new Object[] {b[0], b[1]}) {
            if (v instanceof DTypeObject d) {
                target = d.dtype();
            } else if (v instanceof TensorObject other) {
                target = other.tensor.dtype();
            } else if (v instanceof String s || v instanceof DeviceObject) {
                DeviceObject.parse(v);
            }
        }
        return target == null ? this : of(tensor.to(target));
    }

    /** A list of tensors from a Python sequence of tensors, as {@code torch.cat} takes. */
    static List<Tensor> tensors(Interpreter in, Object seq) {
        List<Tensor> out = new ArrayList<>();
        for (Object o : Ops.toList(in, seq)) {
            out.add(Host.tensor(in, o));
        }
        return out;
    }

    /** {@code torch.return_types.max(values=..., indices=...)}, unpackable as a pair. */
    static PyTuple pair(ValuesIndices vi) {
        return new PyTuple(of(vi.values()), of(vi.indices()));
    }

    private Tensor wholeTensorOnly(String method, Object[] args, java.util.Map<String, Object> kwargs) {
        if (args.length > 0 || (kwargs != null && !kwargs.isEmpty())) {
            throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "Tensor." + method + "() with a dim is not supported in OptimLab yet;"
                    + " call it without arguments");
        }
        return tensor;
    }
}
