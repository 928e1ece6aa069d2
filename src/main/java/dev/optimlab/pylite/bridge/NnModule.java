package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyDict;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyModule;
import dev.optimlab.pylite.runtime.PySlice;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.nn.BCELoss;
import dev.optimlab.torch.nn.BCEWithLogitsLoss;
import dev.optimlab.torch.nn.CrossEntropyLoss;
import dev.optimlab.torch.nn.Dropout;
import dev.optimlab.torch.nn.Flatten;
import dev.optimlab.torch.nn.Functional;
import dev.optimlab.torch.nn.HuberLoss;
import dev.optimlab.torch.nn.Identity;
import dev.optimlab.torch.nn.L1Loss;
import dev.optimlab.torch.nn.LeakyReLU;
import dev.optimlab.torch.nn.Linear;
import dev.optimlab.torch.nn.LogSoftmax;
import dev.optimlab.torch.nn.MSELoss;
import dev.optimlab.torch.nn.Module;
import dev.optimlab.torch.nn.ModuleList;
import dev.optimlab.torch.nn.NLLLoss;
import dev.optimlab.torch.nn.Parameter;
import dev.optimlab.torch.nn.ReLU;
import dev.optimlab.torch.nn.Sequential;
import dev.optimlab.torch.nn.Sigmoid;
import dev.optimlab.torch.nn.SmoothL1Loss;
import dev.optimlab.torch.nn.Softmax;
import dev.optimlab.torch.nn.Tanh;
import dev.optimlab.torch.nn.TensorInit;
import dev.optimlab.torch.nn.utils.ClipGrad;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * {@code torch.nn}, {@code torch.nn.functional}, {@code torch.nn.init} and {@code torch.nn.utils}: the core's
 * layers and losses as Python classes with PyTorch's constructor signatures ({@code torch/nn/modules/*.py}).
 */
final class NnModule {
    private static final Map<String, PyType> TYPES = new HashMap<>();

    /** A Python constructor for a core module class. */
    @FunctionalInterface
    private interface Maker {
        Module make(Interpreter in, Object[] bound);
    }

    private NnModule() {
    }

    static PyType typeOf(Module m) {
        PyType t = TYPES.get(m.getClass().getSimpleName());
        return t == null ? ModuleObject.TYPE : t;
    }

    private static void layer(PyModule nn, String name, String module, String[] params, Maker maker) {
        PyType type = TYPES.computeIfAbsent(name, n -> PyType.hostClass(n, ModuleObject.TYPE, "torch.nn.modules." + module));
        type.setConstructor((in, cls, args, kwargs) -> {
            Object[] bound = Host.bind(name + ".__init__", args, kwargs, params);
            return Host.guarded(() -> ModuleObject.of(maker.make(in, bound)));
        });
        refuseSubclassing(type);
        nn.define(name, type);
    }

    /** A Python class deriving from a core layer would get none of its behaviour, so say so when it initialises. */
    private static void refuseSubclassing(PyType type) {
        type.dict().put("__init__", dev.optimlab.pylite.runtime.PyBuiltinFunction.method("__init__", (in, a, k) -> {
            throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "subclassing nn." + type.name() + " is not supported "
                    + "in OptimLab: subclass nn.Module and create the nn." + type.name() + " in __init__");
        }));
    }

    private static String reduction(Object v) {
        return Host.given(v) ? (String) v : "mean";
    }

    private static double number(Object v, double dflt) {
        return Host.given(v) ? Host.toDouble(v) : dflt;
    }

    private static Tensor optionalTensor(Interpreter in, Object v) {
        return Host.given(v) ? Host.tensor(in, v) : null;
    }

    static PyModule create() {
        PyModule nn = new PyModule("torch.nn");
        nn.define("Module", ModuleObject.TYPE);
        nn.define("Parameter", TensorObject.PARAMETER);
        TensorObject.PARAMETER.setConstructor((in, cls, args, kwargs) -> {
            Object[] b = Host.bind("Parameter", args, kwargs, "data", "requires_grad");
            Tensor data = Host.given(b[0]) ? Host.tensor(in, b[0]) : dev.optimlab.torch.Torch.empty(0);
            return TensorObject.of(new Parameter(data, b[1] == null || Ops.truthy(in, b[1])));
        });
        layer(nn, "Linear", "linear", new String[] {"in_features", "out_features", "bias", "device", "dtype"},
                (in, b) -> new Linear((int) Ops.index(b[0]), (int) Ops.index(b[1]), b[2] == null || Ops.truthy(in, b[2])));
        layer(nn, "Identity", "linear", new String[] {}, (in, b) -> new Identity());
        layer(nn, "ReLU", "activation", new String[] {"inplace"}, (in, b) -> new ReLU());
        layer(nn, "Tanh", "activation", new String[] {}, (in, b) -> new Tanh());
        layer(nn, "Sigmoid", "activation", new String[] {}, (in, b) -> new Sigmoid());
        layer(nn, "LeakyReLU", "activation", new String[] {"negative_slope", "inplace"},
                (in, b) -> new LeakyReLU(number(b[0], 0.01)));
        layer(nn, "Softmax", "activation", new String[] {"dim"},
                (in, b) -> new Softmax(Host.given(b[0]) ? (int) Ops.index(b[0]) : null));
        layer(nn, "LogSoftmax", "activation", new String[] {"dim"},
                (in, b) -> new LogSoftmax(Host.given(b[0]) ? (int) Ops.index(b[0]) : null));
        layer(nn, "Dropout", "dropout", new String[] {"p", "inplace"}, (in, b) -> new Dropout(number(b[0], 0.5)));
        layer(nn, "Flatten", "flatten", new String[] {"start_dim", "end_dim"},
                (in, b) -> new Flatten(Host.given(b[0]) ? (int) Ops.index(b[0]) : 1, Host.given(b[1]) ? (int) Ops.index(b[1]) : -1));
        layer(nn, "MSELoss", "loss", new String[] {"size_average", "reduce", "reduction"},
                (in, b) -> new MSELoss(reduction(b[2])));
        layer(nn, "L1Loss", "loss", new String[] {"size_average", "reduce", "reduction"},
                (in, b) -> new L1Loss(reduction(b[2])));
        layer(nn, "SmoothL1Loss", "loss", new String[] {"size_average", "reduce", "reduction", "beta"},
                (in, b) -> new SmoothL1Loss(reduction(b[2]), number(b[3], 1.0)));
        layer(nn, "HuberLoss", "loss", new String[] {"reduction", "delta"},
                (in, b) -> new HuberLoss(reduction(b[0]), number(b[1], 1.0)));
        layer(nn, "CrossEntropyLoss", "loss", new String[] {"weight", "size_average", "ignore_index", "reduce",
                "reduction", "label_smoothing"}, (in, b) -> new CrossEntropyLoss(optionalTensor(in, b[0]),
                Host.given(b[2]) ? Ops.index(b[2]) : -100, reduction(b[4]), number(b[5], 0.0)));
        layer(nn, "NLLLoss", "loss", new String[] {"weight", "size_average", "ignore_index", "reduce", "reduction"},
                (in, b) -> new NLLLoss(optionalTensor(in, b[0]), Host.given(b[2]) ? Ops.index(b[2]) : -100, reduction(b[4])));
        layer(nn, "BCELoss", "loss", new String[] {"weight", "size_average", "reduce", "reduction"},
                (in, b) -> new BCELoss(optionalTensor(in, b[0]), reduction(b[3])));
        layer(nn, "BCEWithLogitsLoss", "loss", new String[] {"weight", "size_average", "reduce", "reduction", "pos_weight"},
                (in, b) -> new BCEWithLogitsLoss(optionalTensor(in, b[0]), reduction(b[3]), optionalTensor(in, b[4])));
        PyType sequential = TYPES.computeIfAbsent("Sequential", n -> PyType.hostClass(n, ModuleObject.TYPE,
                "torch.nn.modules.container"));
        sequential.setConstructor((in, cls, args, kwargs) -> Host.guarded(() -> {
            if (args.length == 1 && args[0] instanceof PyDict dict) {
                SequencedMap<String, Module> named = new LinkedHashMap<>();
                for (var e : dict.map().entrySet()) {
                    named.put(String.valueOf(e.getKey().value()), module(e.getValue()));
                }
                return ModuleObject.of(new Sequential(named));
            }
            Module[] modules = new Module[args.length];
            for (int i = 0; i < args.length; i++) {
                modules[i] = module(args[i]);
            }
            return ModuleObject.of(new Sequential(modules));
        }));
        refuseSubclassing(sequential);
        nn.define("Sequential", sequential);
        PyType moduleList = TYPES.computeIfAbsent("ModuleList", n -> PyType.hostClass(n, ModuleObject.TYPE,
                "torch.nn.modules.container"));
        moduleList.setConstructor((in, cls, args, kwargs) -> Host.guarded(() -> {
            List<Module> modules = new ArrayList<>();
            if (args.length > 0) {
                for (Object o : Ops.toList(in, args[0])) {
                    modules.add(module(o));
                }
            }
            return ModuleObject.of(new ModuleList(modules));
        }));
        refuseSubclassing(moduleList);
        nn.define("ModuleList", moduleList);
        nn.define("functional", functional());
        nn.define("init", init());
        nn.define("utils", utils());
        return nn;
    }

    private static Module module(Object v) {
        if (v instanceof ModuleObject m) {
            return m.module();
        }
        throw PyException.typeError(Py.typeName(v) + " is not a Module subclass");
    }

    /** {@code len(seq)} for containers. */
    static long length(Module m) {
        return switch (m) {
            case Sequential s -> s.size();
            case ModuleList l -> l.size();
            default -> -1;
        };
    }

    /** {@code seq[i]} and {@code seq[a:b]} for containers. */
    static Object item(Interpreter in, Module m, Object key) {
        List<Module> children = m.children();
        if (key instanceof PySlice s) {
            PySlice.Bounds b = s.indices(children.size());
            List<Module> picked = new ArrayList<>();
            for (long i = b.start(), n = 0; n < b.length(); i += b.step(), n++) {
                picked.add(children.get((int) i));
            }
            return ModuleObject.of(m instanceof ModuleList ? new ModuleList(picked) : new Sequential(picked.toArray(Module[]::new)));
        }
        if (!(m instanceof Sequential) && !(m instanceof ModuleList)) {
            throw PyException.typeError("'" + m.getName() + "' object is not subscriptable");
        }
        long i = Ops.index(key);
        long n = children.size();
        if (i < -n || i >= n) {
            throw PyException.indexError("index " + i + " is out of range");
        }
        return ModuleObject.of(children.get((int) (i < 0 ? i + n : i)));
    }

    /** Attributes core modules expose as properties, such as {@code linear.in_features}. */
    static Object coreAttribute(Module m, String name) {
        return switch (m) {
            case Linear l when name.equals("in_features") -> (long) l.inFeatures();
            case Linear l when name.equals("out_features") -> (long) l.outFeatures();
            case Dropout d when name.equals("p") -> d.p();
            case LeakyReLU r when name.equals("negative_slope") -> r.negativeSlope();
            case ModuleList l when name.equals("append") -> Host.function("append", (in, a, k) -> {
                l.append(module(a[0]));
                return ModuleObject.of(l);
            });
            case Sequential s when name.equals("append") -> Host.function("append", (in, a, k) -> {
                s.append(module(a[0]));
                return ModuleObject.of(s);
            });
            default -> null;
        };
    }

    private static PyModule functional() {
        PyModule f = new PyModule("torch.nn.functional");
        for (String name : new String[] {"relu", "tanh", "sigmoid"}) {
            f.define(name, Host.function(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "input", "inplace");
                Tensor t = Host.tensor(in, b[0]);
                return TensorObject.of(switch (name) {
                    case "relu" -> Functional.relu(t);
                    case "tanh" -> Functional.tanh(t);
                    default -> Functional.sigmoid(t);
                });
            }));
        }
        f.define("leaky_relu", Host.function("leaky_relu", (in, a, k) -> {
            Object[] b = Host.bind("leaky_relu", a, k, "input", "negative_slope", "inplace");
            return TensorObject.of(Functional.leakyRelu(Host.tensor(in, b[0]), number(b[1], 0.01)));
        }));
        for (String name : new String[] {"softmax", "log_softmax"}) {
            f.define(name, Host.function(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "input", "dim", "_stacklevel", "dtype");
                Tensor t = Host.tensor(in, b[0]);
                Integer dim = Host.given(b[1]) ? (int) Ops.index(b[1]) : null;
                return TensorObject.of(name.equals("softmax") ? Functional.softmax(t, dim) : Functional.logSoftmax(t, dim));
            }));
        }
        f.define("linear", Host.function("linear", (in, a, k) -> {
            Object[] b = Host.bind("linear", a, k, "input", "weight", "bias");
            return TensorObject.of(Functional.linear(Host.tensor(in, b[0]), Host.tensor(in, b[1]), optionalTensor(in, b[2])));
        }));
        f.define("dropout", Host.function("dropout", (in, a, k) -> {
            Object[] b = Host.bind("dropout", a, k, "input", "p", "training", "inplace");
            return TensorObject.of(Functional.dropout(Host.tensor(in, b[0]), number(b[1], 0.5),
                    b[2] == null || Ops.truthy(in, b[2])));
        }));
        f.define("one_hot", Host.function("one_hot", (in, a, k) -> {
            Object[] b = Host.bind("one_hot", a, k, "tensor", "num_classes");
            return TensorObject.of(Functional.oneHot(Host.tensor(in, b[0]), Host.given(b[1]) ? (int) Ops.index(b[1]) : -1));
        }));
        String[] lossParams = {"input", "target", "size_average", "reduce", "reduction"};
        for (String name : new String[] {"mse_loss", "l1_loss"}) {
            f.define(name, Host.function(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, lossParams);
                Functional.Reduction r = Functional.Reduction.of(reduction(b[4]));
                Tensor x = Host.tensor(in, b[0]);
                Tensor y = Host.tensor(in, b[1]);
                return TensorObject.of(name.equals("mse_loss") ? Functional.mseLoss(x, y, r) : Functional.l1Loss(x, y, r));
            }));
        }
        f.define("smooth_l1_loss", Host.function("smooth_l1_loss", (in, a, k) -> {
            Object[] b = Host.bind("smooth_l1_loss", a, k, "input", "target", "size_average", "reduce", "reduction", "beta");
            return TensorObject.of(Functional.smoothL1Loss(Host.tensor(in, b[0]), Host.tensor(in, b[1]),
                    Functional.Reduction.of(reduction(b[4])), number(b[5], 1.0)));
        }));
        f.define("huber_loss", Host.function("huber_loss", (in, a, k) -> {
            Object[] b = Host.bind("huber_loss", a, k, "input", "target", "reduction", "delta");
            return TensorObject.of(Functional.huberLoss(Host.tensor(in, b[0]), Host.tensor(in, b[1]),
                    Functional.Reduction.of(reduction(b[2])), number(b[3], 1.0)));
        }));
        f.define("cross_entropy", Host.function("cross_entropy", (in, a, k) -> {
            Object[] b = Host.bind("cross_entropy", a, k, "input", "target", "weight", "size_average", "ignore_index",
                    "reduce", "reduction", "label_smoothing");
            return TensorObject.of(Functional.crossEntropy(Host.tensor(in, b[0]), Host.tensor(in, b[1]),
                    optionalTensor(in, b[2]), Host.given(b[4]) ? Ops.index(b[4]) : -100,
                    Functional.Reduction.of(reduction(b[6])), number(b[7], 0.0)));
        }));
        f.define("nll_loss", Host.function("nll_loss", (in, a, k) -> {
            Object[] b = Host.bind("nll_loss", a, k, "input", "target", "weight", "size_average", "ignore_index",
                    "reduce", "reduction");
            return TensorObject.of(Functional.nllLoss(Host.tensor(in, b[0]), Host.tensor(in, b[1]),
                    optionalTensor(in, b[2]), Host.given(b[4]) ? Ops.index(b[4]) : -100,
                    Functional.Reduction.of(reduction(b[6]))));
        }));
        f.define("binary_cross_entropy", Host.function("binary_cross_entropy", (in, a, k) -> {
            Object[] b = Host.bind("binary_cross_entropy", a, k, "input", "target", "weight", "size_average", "reduce",
                    "reduction");
            return TensorObject.of(Functional.binaryCrossEntropy(Host.tensor(in, b[0]), Host.tensor(in, b[1]),
                    optionalTensor(in, b[2]), Functional.Reduction.of(reduction(b[5]))));
        }));
        f.define("binary_cross_entropy_with_logits", Host.function("binary_cross_entropy_with_logits", (in, a, k) -> {
            Object[] b = Host.bind("binary_cross_entropy_with_logits", a, k, "input", "target", "weight",
                    "size_average", "reduce", "reduction", "pos_weight");
            return TensorObject.of(Functional.binaryCrossEntropyWithLogits(Host.tensor(in, b[0]), Host.tensor(in, b[1]),
                    optionalTensor(in, b[2]), Functional.Reduction.of(reduction(b[5])), optionalTensor(in, b[6])));
        }));
        return f;
    }

    private static PyModule init() {
        PyModule m = new PyModule("torch.nn.init");
        m.define("uniform_", Host.function("uniform_", (in, a, k) -> {
            Object[] b = Host.bind("uniform_", a, k, "tensor", "a", "b", "generator");
            return TensorObject.of(TensorInit.uniform_(Host.tensor(in, b[0]), number(b[1], 0.0), number(b[2], 1.0)));
        }));
        m.define("normal_", Host.function("normal_", (in, a, k) -> {
            Object[] b = Host.bind("normal_", a, k, "tensor", "mean", "std", "generator");
            return TensorObject.of(TensorInit.normal_(Host.tensor(in, b[0]), number(b[1], 0.0), number(b[2], 1.0)));
        }));
        m.define("constant_", Host.function("constant_", (in, a, k) -> {
            Object[] b = Host.bind("constant_", a, k, "tensor", "val");
            return TensorObject.of(TensorInit.constant_(Host.tensor(in, b[0]), Host.toDouble(b[1])));
        }));
        m.define("zeros_", Host.function("zeros_", (in, a, k) ->
                TensorObject.of(TensorInit.zeros_(Host.tensor(in, Host.bind("zeros_", a, k, "tensor")[0])))));
        m.define("ones_", Host.function("ones_", (in, a, k) ->
                TensorObject.of(TensorInit.ones_(Host.tensor(in, Host.bind("ones_", a, k, "tensor")[0])))));
        for (String name : new String[] {"xavier_uniform_", "xavier_normal_"}) {
            m.define(name, Host.function(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "tensor", "gain", "generator");
                Tensor t = Host.tensor(in, b[0]);
                double gain = number(b[1], 1.0);
                return TensorObject.of(name.equals("xavier_uniform_") ? TensorInit.xavierUniform_(t, gain)
                        : TensorInit.xavierNormal_(t, gain));
            }));
        }
        for (String name : new String[] {"kaiming_uniform_", "kaiming_normal_"}) {
            m.define(name, Host.function(name, (in, a, k) -> {
                Object[] b = Host.bind(name, a, k, "tensor", "a", "mode", "nonlinearity", "generator");
                Tensor t = Host.tensor(in, b[0]);
                double slope = number(b[1], 0.0);
                String mode = Host.given(b[2]) ? (String) b[2] : "fan_in";
                String nonlinearity = Host.given(b[3]) ? (String) b[3] : "leaky_relu";
                return TensorObject.of(name.equals("kaiming_uniform_") ? TensorInit.kaimingUniform_(t, slope, mode, nonlinearity)
                        : TensorInit.kaimingNormal_(t, slope, mode, nonlinearity));
            }));
        }
        m.define("calculate_gain", Host.function("calculate_gain", (in, a, k) -> {
            Object[] b = Host.bind("calculate_gain", a, k, "nonlinearity", "param");
            return TensorInit.calculateGain((String) b[0], Host.given(b[1]) ? Host.toDouble(b[1]) : null);
        }));
        return m;
    }

    private static PyModule utils() {
        PyModule m = new PyModule("torch.nn.utils");
        m.define("clip_grad_norm_", Host.function("clip_grad_norm_", (in, a, k) -> {
            Object[] b = Host.bind("clip_grad_norm_", a, k, "parameters", "max_norm", "norm_type", "error_if_nonfinite",
                    "foreach");
            BridgeRun.of(in).trace("clip_grad_norm_", null);
            double normType = Host.given(b[2]) ? (b[2] instanceof String s && s.equals("inf") ? Double.POSITIVE_INFINITY
                    : Host.toDouble(b[2])) : 2.0;
            return TensorObject.of(ClipGrad.clipGradNorm_(parameters(in, b[0]), Host.toDouble(b[1]), normType,
                    Host.given(b[3]) && Ops.truthy(in, b[3])));
        }));
        m.define("clip_grad_value_", Host.function("clip_grad_value_", (in, a, k) -> {
            Object[] b = Host.bind("clip_grad_value_", a, k, "parameters", "clip_value", "foreach");
            BridgeRun.of(in).trace("clip_grad_value_", null);
            ClipGrad.clipGradValue_(parameters(in, b[0]), Host.toDouble(b[1]));
            return Py.NONE;
        }));
        return m;
    }

    /** A tensor or an iterable of tensors, as {@code clip_grad_norm_} takes. */
    static List<Tensor> parameters(Interpreter in, Object v) {
        if (v instanceof TensorObject t) {
            return List.of(t.tensor());
        }
        return TensorObject.tensors(in, v);
    }
}
