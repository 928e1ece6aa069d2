package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyModule;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.ComputeContext;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.Map;

/**
 * The {@code torch} module: tensor creation, dtypes, grad mode, seeding and the tensor functions, each
 * with PyTorch's parameter names; mirrors {@code torch/__init__.py} and {@code torch/_C/_VariableFunctions}.
 */
final class TorchModule {
    private TorchModule() {
    }

    static PyModule create() {
        PyModule m = new PyModule("torch");
        for (DType d : DType.values()) {
            DTypeObject obj = new DTypeObject(d);
            m.define(d.pythonName().substring("torch.".length()), obj);
        }
        m.define("float", new DTypeObject(DType.FLOAT32)).define("double", new DTypeObject(DType.FLOAT64))
                .define("long", new DTypeObject(DType.INT64)).define("half", new DTypeObject(DType.FLOAT16));
        m.define("Tensor", TensorObject.TYPE).define("Size", SizeObject.TYPE).define("dtype", DTypeObject.TYPE);
        m.define("__version__", "2.1.0");

        m.define("tensor", Host.function("tensor", (in, a, k) -> {
            Object[] b = Host.bind("tensor", a, k, "data", "dtype", "device", "requires_grad");
            Tensor t = Torch.tensor(Host.toJava(in, b[0] instanceof TensorObject x ? x.tensor().tolist() : b[0]),
                    Host.dtype(b[1]));
            return finish(in, t, b[3]);
        }));
        for (String name : new String[] {"zeros", "ones", "empty", "rand", "randn"}) {
            m.define(name, Host.function(name, (in, a, k) -> {
                Object[] b = Host.bind(name, new Object[0], k, "size", "dtype", "device", "requires_grad", "out",
                        "generator", "layout", "pin_memory");
                int[] shape = Host.shape(in, a.length == 0 && Host.given(b[0]) ? new Object[] {b[0]} : a);
                DType dtype = Host.dtype(b[1]) == null ? DType.FLOAT32 : Host.dtype(b[1]);
                charge(in, shape, dtype);
                Tensor t = switch (name) {
                    case "zeros" -> Torch.zeros(shape, dtype);
                    case "ones" -> Torch.ones(shape, dtype);
                    case "empty" -> Torch.zeros(shape, dtype);
                    case "rand" -> Torch.rand(shape, dtype);
                    default -> Torch.randn(shape, dtype);
                };
                return finish(in, t, b[3]);
            }));
        }
        m.define("full", Host.function("full", (in, a, k) -> {
            Object[] b = Host.bind("full", a, k, "size", "fill_value", "dtype", "device", "requires_grad");
            int[] shape = Host.ints(in, b[0]);
            DType dtype = Host.dtype(b[2]);
            Object v = b[1];
            if (dtype == null) {
                dtype = v instanceof Double ? DType.FLOAT32 : v instanceof Boolean ? DType.BOOL : DType.INT64;
            }
            charge(in, shape, dtype);
            Tensor t = Torch.full(shape, Host.toDouble(v), dtype);
            return finish(in, t, b[4]);
        }));
        for (String name : new String[] {"zeros_like", "ones_like", "empty_like", "rand_like", "randn_like", "full_like"}) {
            m.define(name, Host.function(name, (in, a, k) -> {
                boolean full = name.equals("full_like");
                Object[] b = full ? Host.bind(name, a, k, "input", "fill_value", "dtype", "device", "requires_grad")
                        : Host.bind(name, a, k, "input", "dtype", "device", "requires_grad");
                Tensor like = Host.tensor(in, b[0]);
                DType dtype = Host.dtype(full ? b[2] : b[1]);
                if (dtype != null) {
                    like = Torch.empty(like.shape(), dtype);
                }
                Tensor t = switch (name) {
                    case "zeros_like", "empty_like" -> Torch.zerosLike(like);
                    case "ones_like" -> Torch.onesLike(like);
                    case "rand_like" -> Torch.randLike(like);
                    case "randn_like" -> Torch.randnLike(like);
                    default -> Torch.fullLike(like, Host.toDouble(b[1]));
                };
                return finish(in, t, full ? b[4] : b[3]);
            }));
        }
        m.define("arange", Host.function("arange", (in, a, k) -> {
            Object[] b = Host.bind("arange", a, k, "start", "end", "step", "dtype", "device", "requires_grad");
            Object start = Host.given(b[1]) ? b[0] : 0L;
            Object end = Host.given(b[1]) ? b[1] : b[0];
            Object step = Host.given(b[2]) ? b[2] : 1L;
            DType dtype = Host.dtype(b[3]);
            boolean ints = Py.isInt(start) && Py.isInt(end) && Py.isInt(step);
            Tensor t;
            if (ints && (dtype == null || dtype == DType.INT64)) {
                t = Torch.arange(Ops.index(start), Ops.index(end), Ops.index(step));
            } else {
                t = Torch.arange(Host.toDouble(start), Host.toDouble(end), Host.toDouble(step),
                        dtype == null ? DType.FLOAT32 : dtype);
            }
            return finish(in, t, b[5]);
        }));
        m.define("linspace", Host.function("linspace", (in, a, k) -> {
            Object[] b = Host.bind("linspace", a, k, "start", "end", "steps", "dtype", "device", "requires_grad");
            Tensor t = Torch.linspace(Host.toDouble(b[0]), Host.toDouble(b[1]), (int) Ops.index(b[2]));
            DType dtype = Host.dtype(b[3]);
            return finish(in, dtype == null ? t : t.to(dtype), b[5]);
        }));
        m.define("eye", Host.function("eye", (in, a, k) -> {
            Object[] b = Host.bind("eye", a, k, "n", "m", "dtype", "device", "requires_grad");
            int n = (int) Ops.index(b[0]);
            Tensor t = Host.given(b[1]) ? Torch.eye(n, (int) Ops.index(b[1])) : Torch.eye(n);
            DType dtype = Host.dtype(b[2]);
            return finish(in, dtype == null ? t : t.to(dtype), b[4]);
        }));
        m.define("randint", Host.function("randint", (in, a, k) -> {
            Object[] args = a.length == 2 ? new Object[] {0L, a[0], a[1]} : a;
            Object[] b = Host.bind("randint", args, k, "low", "high", "size", "dtype", "device", "requires_grad",
                    "generator");
            if (a.length < 2 && !Host.given(b[2])) {
                throw PyException.typeError("randint() missing required argument 'size'");
            }
            long low = Host.given(b[0]) ? Ops.index(b[0]) : 0L;
            Tensor t = Torch.randint(low, Ops.index(b[1]), Host.ints(in, b[2]));
            DType dtype = Host.dtype(b[3]);
            return of(dtype == null ? t : t.to(dtype));
        }));
        m.define("randperm", Host.function("randperm", (in, a, k) -> {
            Object[] b = Host.bind("randperm", a, k, "n", "dtype", "device", "requires_grad", "generator");
            return of(Torch.randperm((int) Ops.index(b[0])));
        }));
        m.define("manual_seed", Host.function("manual_seed", (in, a, k) -> {
            Object[] b = Host.bind("manual_seed", a, k, "seed");
            Torch.manualSeed(Ops.index(b[0]));
            return new GeneratorObject();
        }));
        m.define("seed", Host.function("seed", (in, a, k) -> ComputeContext.current().generator().seed()));
        m.define("initial_seed", Host.function("initial_seed", (in, a, k) ->
                ComputeContext.current().generator().initialSeed()));
        m.define("no_grad", Host.function("no_grad", (in, a, k) -> new GradModeObject(GradModeObject.NO_GRAD, false)));
        m.define("enable_grad", Host.function("enable_grad", (in, a, k) ->
                new GradModeObject(GradModeObject.ENABLE_GRAD, true)));
        m.define("set_grad_enabled", Host.function("set_grad_enabled", (in, a, k) ->
                new GradModeObject(GradModeObject.SET_GRAD_ENABLED, Ops.truthy(in, Host.bind("set_grad_enabled", a, k,
                        "mode")[0]))));
        m.define("is_grad_enabled", Host.function("is_grad_enabled", (in, a, k) -> Torch.isGradEnabled()));
        m.define("device", Host.function("device", (in, a, k) -> DeviceObject.parse(Host.bind("device", a, k, "type")[0])));
        m.define("is_tensor", Host.function("is_tensor", (in, a, k) -> a[0] instanceof TensorObject));
        m.define("numel", Host.function("numel", (in, a, k) -> (long) Host.tensor(in, a[0]).numel()));

        for (String name : new String[] {"exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu", "neg", "sign",
                "reciprocal"}) {
            m.define(name, Host.function(name, (in, a, k) -> of(unary(name, Host.tensor(in, Host.bind(name, a, k, "input")[0])))));
        }
        for (String name : new String[] {"sum", "mean"}) {
            m.define(name, Host.function(name, (in, a, k) -> {
                Tensor t = Host.tensor(in, a.length > 0 ? a[0] : k.get("input"));
                return of(reduce(in, name, t, rest(a), without(k, "input")));
            }));
        }
        for (String name : new String[] {"max", "min", "argmax", "argmin"}) {
            m.define(name, Host.function(name, (in, a, k) -> {
                Tensor t = Host.tensor(in, a.length > 0 ? a[0] : k.get("input"));
                return extreme(in, name, t, rest(a), without(k, "input"));
            }));
        }
        m.define("clamp", Host.function("clamp", (in, a, k) -> {
            Object[] b = Host.bind("clamp", a, k, "input", "min", "max");
            return of(Host.tensor(in, b[0]).clamp(Host.given(b[1]) ? Host.toDouble(b[1]) : null,
                    Host.given(b[2]) ? Host.toDouble(b[2]) : null));
        }));
        m.define("clip", m.getAttr(null, "clamp"));
        // x - x is 0 exactly for finite x and nan for inf or nan, so one subtraction decides finiteness
        m.define("isfinite", Host.function("isfinite", (in, a, k) -> {
            Tensor t = Host.tensor(in, Host.bind("isfinite", a, k, "input")[0]);
            return of(t.sub(t).eq(0.0));
        }));
        m.define("isnan", Host.function("isnan", (in, a, k) -> {
            Tensor t = Host.tensor(in, Host.bind("isnan", a, k, "input")[0]);
            return of(t.ne(t));
        }));
        m.define("isinf", Host.function("isinf", (in, a, k) -> {
            Tensor t = Host.tensor(in, Host.bind("isinf", a, k, "input")[0]);
            return of(t.abs().eq(Double.POSITIVE_INFINITY));
        }));
        for (String name : new String[] {"matmul", "mm", "bmm", "dot", "maximum", "minimum"}) {
            m.define(name, Host.function(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "input", "other");
                Tensor x = Host.tensor(in, b[0]);
                Tensor y = Host.tensor(in, b[1]);
                return of(switch (name) {
                    case "mm" -> x.mm(y);
                    case "bmm" -> x.bmm(y);
                    case "dot" -> x.dot(y);
                    case "maximum" -> x.maximum(y);
                    case "minimum" -> x.minimum(y);
                    default -> x.matmul(y);
                });
            }));
        }
        m.define("pow", Host.function("pow", (in, a, k) -> {
            Object[] b = Host.bind("pow", a, k, "input", "exponent");
            if (!(b[0] instanceof TensorObject)) {
                return of(Torch.pow(Host.toDouble(b[0]), Host.tensor(in, b[1])));
            }
            return ((TensorObject) b[0]).binaryOp(in, "__pow__", b[1]);
        }));
        for (String name : new String[] {"softmax", "log_softmax"}) {
            m.define(name, Host.function(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "input", "dim", "dtype");
                Tensor t = Host.tensor(in, b[0]);
                int dim = (int) Ops.index(b[1]);
                return of(name.equals("softmax") ? t.softmax(dim) : t.logSoftmax(dim));
            }));
        }
        for (String name : new String[] {"cat", "concat", "stack"}) {
            m.define(name, Host.function(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "tensors", "dim");
                int dim = Host.given(b[1]) ? (int) Ops.index(b[1]) : 0;
                return of(name.equals("stack") ? Torch.stack(TensorObject.tensors(in, b[0]), dim)
                        : Torch.cat(TensorObject.tensors(in, b[0]), dim));
            }));
        }
        m.define("where", Host.function("where", (in, a, k) -> {
            Object[] b = Host.bind("where", a, k, "condition", "input", "other");
            Tensor cond = Host.tensor(in, b[0]);
            if (!(b[2] instanceof TensorObject) && b[1] instanceof TensorObject x) {
                return of(Torch.where(cond, x.tensor(), Host.toDouble(b[2])));
            }
            return of(Torch.where(cond, Host.tensor(in, b[1]), Host.tensor(in, b[2])));
        }));
        for (String name : new String[] {"flatten", "reshape", "squeeze", "unsqueeze", "transpose", "t", "permute",
                "norm", "clone", "detach"}) {
            m.define(name, Host.function(name, (in, a, k) -> {
                if (a.length == 0) {
                    throw PyException.typeError(name + "() missing 1 required positional arguments: \"input\"");
                }
                Object method = a[0] instanceof TensorObject t ? t.getAttr(in, name) : null;
                if (method == null) {
                    throw PyException.typeError(name + "(): argument 'input' (position 1) must be Tensor, not "
                            + Py.typeName(a[0]));
                }
                return in.call(method, rest(a), k);
            }));
        }
        m.define("allclose", Host.function("allclose", (in, a, k) -> {
            Object[] b = Host.bind("allclose", a, k, "input", "other", "rtol", "atol", "equal_nan");
            Tensor x = Host.tensor(in, b[0]);
            Tensor y = Host.tensor(in, b[1]);
            double rtol = Host.given(b[2]) ? Host.toDouble(b[2]) : 1e-5;
            double atol = Host.given(b[3]) ? Host.toDouble(b[3]) : 1e-8;
            Tensor diff = x.sub(y).abs();
            Tensor tol = y.abs().mul(rtol).add(atol);
            return (Long) diff.gt(tol).toLong().sum().item() == 0;
        }));
        m.define("equal", Host.function("equal", (in, a, k) -> {
            Tensor x = Host.tensor(in, a[0]);
            Tensor y = Host.tensor(in, a[1]);
            return java.util.Arrays.equals(x.shape(), y.shape()) && (Long) x.ne(y).toLong().sum().item() == 0;
        }));
        return m;
    }

    private static Object[] rest(Object[] a) {
        return a.length == 0 ? a : java.util.Arrays.copyOfRange(a, 1, a.length);
    }

    private static Map<String, Object> without(Map<String, Object> k, String key) {
        if (k == null || !k.containsKey(key)) {
            return k;
        }
        Map<String, Object> copy = new java.util.LinkedHashMap<>(k);
        copy.remove(key);
        return copy;
    }

    private static TensorObject of(Tensor t) {
        return TensorObject.of(t);
    }

    /** Charges a new tensor's bytes to the run's memory budget before it is allocated. */
    static void charge(Interpreter in, int[] shape, DType dtype) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw PyException.of(PyType.RUNTIME_ERROR, "Trying to create tensor with negative dimension " + s + ": "
                        + java.util.Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, (long) s);
        }
        in.budget().allocate(Math.multiplyExact(n, (long) dtype.itemSize()));
    }

    private static TensorObject finish(Interpreter in, Tensor t, Object requiresGrad) {
        if (Host.given(requiresGrad) && Ops.truthy(in, requiresGrad)) {
            t.requiresGrad_(true);
        }
        return of(t);
    }

    static Tensor unary(String name, Tensor t) {
        return switch (name) {
            case "exp" -> t.exp();
            case "log" -> t.log();
            case "sqrt" -> t.sqrt();
            case "sqrt_" -> t.sqrt_();
            case "abs" -> t.abs();
            case "tanh" -> t.tanh();
            case "sigmoid" -> t.sigmoid();
            case "relu" -> t.relu();
            case "neg" -> t.neg();
            case "sign" -> t.sign();
            default -> t.reciprocal();
        };
    }

    /** {@code sum}/{@code mean} with PyTorch's {@code (dim=None, keepdim=False, dtype=None)}. */
    static Tensor reduce(Interpreter in, String name, Tensor t, Object[] a, Map<String, Object> k) {
        Object[] b = Host.bind(name, a, k, "dim", "keepdim", "dtype");
        Tensor src = Host.dtype(b[2]) == null ? t : t.to(Host.dtype(b[2]));
        if (!Host.given(b[0])) {
            return name.equals("sum") ? src.sum() : src.mean();
        }
        int[] dims = Host.ints(in, b[0]);
        boolean keep = Host.given(b[1]) && Ops.truthy(in, b[1]);
        return name.equals("sum") ? src.sum(dims, keep) : src.mean(dims, keep);
    }

    /** {@code max}/{@code min} (whole tensor, along a dim with indices, or elementwise) and {@code argmax}/{@code argmin}. */
    static Object extreme(Interpreter in, String name, Tensor t, Object[] a, Map<String, Object> k) {
        Object[] b = Host.bind(name, a, k, "dim", "keepdim");
        if (b[0] instanceof TensorObject other) {
            return of(name.equals("max") ? t.maximum(other.tensor()) : t.minimum(other.tensor()));
        }
        boolean keep = Host.given(b[1]) && Ops.truthy(in, b[1]);
        if (!Host.given(b[0])) {
            return of(switch (name) {
                case "max" -> t.max();
                case "min" -> t.min();
                case "argmax" -> t.argmax();
                default -> t.argmin();
            });
        }
        int dim = (int) Ops.index(b[0]);
        return switch (name) {
            case "max" -> new ReturnTypes("max", t.max(dim, keep));
            case "min" -> new ReturnTypes("min", t.min(dim, keep));
            case "argmax" -> of(t.argmax(dim, keep));
            default -> of(t.argmin(dim, keep));
        };
    }

    /** The torch.Generator that manual_seed returns; only printing is supported. */
    static final class GeneratorObject implements PyObject {
        static final PyType TYPE = PyType.hostClass("Generator", null, "torch");

        @Override
        public PyType pyType() {
            return TYPE;
        }

        @Override
        public String repr(Interpreter in) {
            return "<torch._C.Generator object at " + in.fakeAddress(this) + ">";
        }
    }
}
