package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyBuiltinFunction;
import dev.optimlab.pylite.runtime.PyDict;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyIterator;
import dev.optimlab.pylite.runtime.PyList;
import dev.optimlab.pylite.runtime.PyModule;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyTuple;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.optim.ASGD;
import dev.optimlab.torch.optim.Adadelta;
import dev.optimlab.torch.optim.Adagrad;
import dev.optimlab.torch.optim.Adam;
import dev.optimlab.torch.optim.AdamW;
import dev.optimlab.torch.optim.Adamax;
import dev.optimlab.torch.optim.LBFGS;
import dev.optimlab.torch.optim.NAdam;
import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.ParamGroup;
import dev.optimlab.torch.optim.RAdam;
import dev.optimlab.torch.optim.RMSprop;
import dev.optimlab.torch.optim.Rprop;
import dev.optimlab.torch.optim.SGD;
import dev.optimlab.torch.optim.lr_scheduler.ChainedScheduler;
import dev.optimlab.torch.optim.lr_scheduler.LRScheduler;
import dev.optimlab.torch.optim.lr_scheduler.LRSchedulers;
import dev.optimlab.torch.optim.lr_scheduler.LambdaLR;
import dev.optimlab.torch.optim.lr_scheduler.MultiplicativeLR;
import dev.optimlab.torch.optim.lr_scheduler.ReduceLROnPlateau;
import dev.optimlab.torch.optim.lr_scheduler.SequentialLR;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntToDoubleFunction;

/**
 * {@code torch.optim} and {@code torch.optim.lr_scheduler}: the core's optimizers and schedulers with
 * PyTorch's constructor signatures, live {@code param_groups}, Python closures and lr lambdas, and the
 * trace and metric events of {@code step()}. Mirrors {@code torch/optim/optimizer.py} and {@code lr_scheduler.py}.
 */
final class OptimObjects {
    private OptimObjects() {
    }

    // each list ends with the keyword-only implementation flags of PyTorch 2.x's signature, accepted and
    // passed on; they select an implementation there and change no number here
    private record OptimizerKind(String name, String module, String[] params,
            BiFunction<Object, Map<String, ?>, Optimizer> maker) {
    }

    private static final List<OptimizerKind> OPTIMIZERS = List.of(
            new OptimizerKind("SGD", "sgd", new String[] {"params", "lr", "momentum", "dampening", "weight_decay",
                "nesterov",
                "maximize", "foreach", "differentiable", "fused"}, SGD::new),
            new OptimizerKind("Adam", "adam", new String[] {"params", "lr", "betas", "eps", "weight_decay", "amsgrad",
                "foreach", "maximize", "capturable", "differentiable", "fused"},
                Adam::new),
            new OptimizerKind("AdamW", "adamw", new String[] {"params", "lr", "betas", "eps", "weight_decay", "amsgrad",
                "maximize", "foreach", "capturable", "differentiable", "fused"},
                AdamW::new),
            new OptimizerKind("RMSprop", "rmsprop", new String[] {"params", "lr", "alpha", "eps", "weight_decay",
                "momentum", "centered",
                "capturable", "foreach", "maximize", "differentiable"}, RMSprop::new),
            new OptimizerKind("Adagrad", "adagrad", new String[] {"params", "lr", "lr_decay", "weight_decay",
                "initial_accumulator_value", "eps",
                "foreach", "maximize", "differentiable", "fused"}, Adagrad::new),
            new OptimizerKind("Adadelta", "adadelta", new String[] {"params", "lr", "rho", "eps", "weight_decay",
                "foreach", "capturable", "maximize", "differentiable"},
                Adadelta::new),
            new OptimizerKind("Adamax", "adamax", new String[] {"params", "lr", "betas", "eps", "weight_decay",
                "foreach", "maximize", "differentiable", "capturable"},
                Adamax::new),
            new OptimizerKind("NAdam", "nadam", new String[] {"params", "lr", "betas", "eps", "weight_decay",
                "momentum_decay",
                "foreach", "maximize", "capturable", "differentiable"}, NAdam::new),
            new OptimizerKind("RAdam", "radam", new String[] {"params", "lr", "betas", "eps", "weight_decay",
                "foreach", "maximize", "capturable", "differentiable"},
                RAdam::new),
            new OptimizerKind("ASGD", "asgd", new String[] {"params", "lr", "lambd", "alpha", "t0", "weight_decay",
                "foreach", "maximize", "differentiable", "capturable"},
                ASGD::new),
            new OptimizerKind("Rprop", "rprop", new String[] {"params", "lr", "etas", "step_sizes",
                "capturable", "foreach", "maximize", "differentiable"}, Rprop::new),
            new OptimizerKind("LBFGS", "lbfgs", new String[] {"params", "lr", "max_iter", "max_eval", "tolerance_grad",
                "tolerance_change", "history_size", "line_search_fn"}, LBFGS::new));

    static final PyType OPTIMIZER = PyType.hostClass("Optimizer", null, "torch.optim.optimizer");
    static final PyType SCHEDULER = PyType.hostClass("LRScheduler", null, "torch.optim.lr_scheduler");

    static PyModule optim() {
        PyModule m = new PyModule("torch.optim");
        m.define("Optimizer", OPTIMIZER);
        for (OptimizerKind kind : OPTIMIZERS) {
            PyType type = PyType.hostClass(kind.name(), OPTIMIZER, "torch.optim." + kind.module());
            type.setConstructor((in, cls, args, kwargs) -> {
                Object[] b = Host.bind(kind.name() + ".__init__", args, kwargs, kind.params());
                if (b[0] == null) {
                    throw PyException.typeError(kind.name()
                            + ".__init__() missing 1 required positional argument: 'params'");
                }
                Map<String, Object> options = new LinkedHashMap<>();
                for (int i = 1; i < b.length; i++) {
                    if (b[i] != null) {
                        options.put(kind.params()[i], Host.toJava(in, b[i]));
                    }
                }
                if (kwargs != null) {
                    for (String k : kwargs.keySet()) {
                        options.putIfAbsent(k, Host.toJava(in, kwargs.get(k)));
                    }
                }
                Object params = params(in, b[0]);
                Optimizer opt = Host.guarded(() -> kind.maker().apply(params, options));
                BridgeRun run = BridgeRun.of(in);
                opt.setWarningSink(run::warn);
                return new OptimizerObject(type, opt);
            });
            m.define(kind.name(), type);
        }
        m.define("lr_scheduler", lrScheduler());
        return m;
    }

    /** An iterable of tensors or of group dicts, as a Java List the core's Optimizer takes. */
    private static Object params(Interpreter in, Object v) {
        if (v instanceof TensorObject t) {
            return t.tensor();
        }
        List<Object> out = new ArrayList<>();
        for (Object item : Ops.toList(in, v)) {
            if (item instanceof PyDict dict) {
                Map<String, Object> group = new LinkedHashMap<>();
                for (var e : dict.map().entrySet()) {
                    String key = String.valueOf(e.getKey().value());
                    group.put(key, key.equals("params") ? params(in, e.getValue()) : Host.toJava(in, e.getValue()));
                }
                out.add(group);
            } else {
                out.add(Host.toJava(in, item));
            }
        }
        return out;
    }

    /** An optimizer as Python sees it. */
    static final class OptimizerObject implements PyObject {
        private final PyType type;
        private final Optimizer optimizer;

        OptimizerObject(PyType type, Optimizer optimizer) {
            this.type = type;
            this.optimizer = optimizer;
        }

        Optimizer optimizer() {
            return optimizer;
        }

        @Override
        public PyType pyType() {
            return type;
        }

        @Override
        public Object getAttr(Interpreter in, String name) {
            return switch (name) {
                case "__class__" -> type;
                case "param_groups" -> {
                    List<Object> groups = new ArrayList<>();
                    for (ParamGroup g : optimizer.paramGroups()) {
                        groups.add(new ParamGroupObject(g));
                    }
                    yield new PyList(groups);
                }
                case "defaults" -> Host.toPython(optimizer.defaults());
                case "state" -> {
                    PyDict d = new PyDict();
                    for (Tensor p : optimizer.parametersWithState()) {
                        d.put(in, TensorObject.of(p), Host.toPython(optimizer.state(p)));
                    }
                    yield d;
                }
                case "zero_grad" -> Host.function("zero_grad", (i, a, k) -> {
                    Object[] b = Host.bind("zero_grad", a, k, "set_to_none");
                    BridgeRun.current().trace("optimizer.zero_grad", this);
                    optimizer.zeroGrad(b[0] == null || Ops.truthy(i, b[0]));
                    return Py.NONE;
                });
                case "step" -> Host.function("step", (i, a, k) -> step(i, Host.bind("step", a, k, "closure")[0]));
                case "state_dict" -> Host.function("state_dict", (i, a, k) -> Host.toPython(optimizer.stateDict()));
                case "load_state_dict" -> Host.function("load_state_dict", (i, a, k) -> {
                    Object[] b = Host.bind("load_state_dict", a, k, "state_dict");
                    optimizer.loadStateDict(javaStateDict(i, b[0]));
                    return Py.NONE;
                });
                case "add_param_group" -> Host.function("add_param_group", (i, a, k) -> {
                    Object[] b = Host.bind("add_param_group", a, k, "param_group");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> group = (Map<String, Object>) ((List<Object>) params(i, new PyList(List.of(b[0]))))
                            .get(0);
                    optimizer.addParamGroup(group);
                    return Py.NONE;
                });
                default -> null;
            };
        }

        private Object step(Interpreter in, Object closure) {
            BridgeRun run = BridgeRun.of(in);
            run.beforeSweepStep(optimizer);
            recordStep(run);
            Tensor loss = Host.given(closure) ? optimizer.step(() -> Host.tensor(in, in.call(closure, new Object[0], null)))
                    : optimizer.step();
            run.afterSweepStep(loss);
            return loss == null ? Py.NONE : TensorObject.of(loss);
        }

        /** Traces a step of this optimizer and reports each group's lr, also when a GradScaler lets it through. */
        void recordStep(BridgeRun run) {
            run.trace("optimizer.step", this);
            long step = run.nextStep(this.optimizer);
            List<ParamGroup> groups = optimizer.paramGroups();
            for (int g = 0; g < groups.size(); g++) {
                run.events.metric("lr/group" + g, step, groups.get(g).lr());
            }
        }

        @Override
        public String repr(Interpreter in) {
            return Host.guarded(optimizer::toString);
        }
    }

    /** The Java form of a state dict that went through Python: integer keys back to Java ints. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> javaStateDict(Interpreter in, Object v) {
        Object java = intsToInteger(Host.toJava(in, v));
        if (!(java instanceof Map<?, ?>)) {
            throw PyException.typeError("state_dict must be a dict, not " + Py.typeName(v));
        }
        return (Map<String, Object>) java;
    }

    private static Object intsToInteger(Object v) {
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, val) -> out.put(k instanceof Long l ? (Object) l.intValue() : k, intsToInteger(val)));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(x -> out.add(intsToInteger(x)));
            return out;
        }
        return v;
    }

    /** One of {@code optimizer.param_groups}: a dict whose writes change the optimizer, as PyTorch's live dicts do. */
    static final class ParamGroupObject implements PyObject {
        private final ParamGroup group;

        ParamGroupObject(ParamGroup group) {
            this.group = group;
        }

        @Override
        public PyType pyType() {
            return PyType.DICT;
        }

        private PyDict snapshot(Interpreter in) {
            PyDict d = new PyDict();
            d.put(in, "params", Host.toPython(group.params()));
            group.options().forEach((k, v) -> d.put(in, k, value(v)));
            return d;
        }

        private static Object value(Object v) {
            if (v instanceof List<?> list) {
                Object[] items = new Object[list.size()];
                for (int i = 0; i < items.length; i++) {
                    items[i] = Host.toPython(list.get(i));
                }
                return new PyTuple(items);
            }
            return Host.toPython(v);
        }

        @Override
        public Object getItem(Interpreter in, Object key) {
            if ("params".equals(key)) {
                return Host.toPython(group.params());
            }
            if (!(key instanceof String k) || !group.contains(k)) {
                throw PyException.keyError(key);
            }
            return value(group.get(k));
        }

        @Override
        public void setItem(Interpreter in, Object key, Object value) {
            if (!(key instanceof String k) || k.equals("params")) {
                throw PyException.typeError("OptimLab cannot change a param group's '" + key + "' entry");
            }
            Host.guarded(() -> {
                group.set(k, Host.toJava(in, value));
                return null;
            });
        }

        @Override
        public Object getAttr(Interpreter in, String name) {
            return switch (name) {
                case "keys", "values", "items", "get", "copy" -> {
                    Object bound = snapshot(in).getAttr(in, name);
                    yield bound;
                }
                case "setdefault" -> PyBuiltinFunction.function("setdefault", (i, a, k) ->
                        Host.toPython(group.setDefault((String) a[0], Host.toJava(i, a.length > 1 ? a[1] : Py.NONE))));
                case "update" -> PyBuiltinFunction.function("update", (i, a, k) -> {
                    PyDict other = (PyDict) a[0];
                    for (var e : other.map().entrySet()) {
                        setItem(i, e.getKey().value(), e.getValue());
                    }
                    return Py.NONE;
                });
                default -> null;
            };
        }

        @Override
        public long len(Interpreter in) {
            return group.options().size() + 1;
        }

        @Override
        public PyIterator iter(Interpreter in) {
            return snapshot(in).iter(in);
        }

        @Override
        public String repr(Interpreter in) {
            return snapshot(in).repr(in);
        }
    }

    // ---------------------------------------------------------------- lr_scheduler

    private static final Map<String, String[]> SCHEDULER_PARAMS = new LinkedHashMap<>();

    static {
        SCHEDULER_PARAMS.put("StepLR", new String[] {"optimizer", "step_size", "gamma", "last_epoch"});
        SCHEDULER_PARAMS.put("MultiStepLR", new String[] {"optimizer", "milestones", "gamma", "last_epoch"});
        SCHEDULER_PARAMS.put("ConstantLR", new String[] {"optimizer", "factor", "total_iters", "last_epoch"});
        SCHEDULER_PARAMS.put("LinearLR", new String[] {"optimizer", "start_factor", "end_factor", "total_iters",
            "last_epoch"});
        SCHEDULER_PARAMS.put("ExponentialLR", new String[] {"optimizer", "gamma", "last_epoch"});
        SCHEDULER_PARAMS.put("PolynomialLR", new String[] {"optimizer", "total_iters", "power", "last_epoch"});
        SCHEDULER_PARAMS.put("CosineAnnealingLR", new String[] {"optimizer", "T_max", "eta_min", "last_epoch"});
        SCHEDULER_PARAMS.put("CosineAnnealingWarmRestarts", new String[] {"optimizer", "T_0", "T_mult", "eta_min",
            "last_epoch"});
        SCHEDULER_PARAMS.put("ReduceLROnPlateau", new String[] {"optimizer", "mode", "factor", "patience", "threshold",
            "threshold_mode", "cooldown", "min_lr", "eps"});
        SCHEDULER_PARAMS.put("CyclicLR", new String[] {"optimizer", "base_lr", "max_lr", "step_size_up",
            "step_size_down", "mode", "gamma", "scale_fn", "scale_mode", "cycle_momentum", "base_momentum",
            "max_momentum", "last_epoch"});
        SCHEDULER_PARAMS.put("OneCycleLR", new String[] {"optimizer", "max_lr", "total_steps", "epochs",
            "steps_per_epoch", "pct_start", "anneal_strategy", "cycle_momentum", "base_momentum", "max_momentum",
            "div_factor", "final_div_factor", "three_phase", "last_epoch"});
    }

    private static PyModule lrScheduler() {
        PyModule m = new PyModule("torch.optim.lr_scheduler");
        m.define("LRScheduler", SCHEDULER).define("_LRScheduler", SCHEDULER);
        SCHEDULER_PARAMS.forEach((name, params) -> {
            PyType type = PyType.hostClass(name, SCHEDULER, "torch.optim.lr_scheduler");
            type.setConstructor((in, cls, args, kwargs) -> {
                Object[] b = Host.bind(name + ".__init__", args, kwargs, params);
                Map<String, Object> options = new LinkedHashMap<>();
                for (int i = 1; i < b.length; i++) {
                    if (b[i] != null) {
                        options.put(params[i], Host.toJava(in, b[i]));
                    }
                }
                Optimizer opt = optimizer(b[0]);
                return new SchedulerObject(type, Host.guarded(() -> LRSchedulers.create(name, opt, options)));
            });
            m.define(name, type);
        });
        for (String name : new String[] {"LambdaLR", "MultiplicativeLR"}) {
            PyType type = PyType.hostClass(name, SCHEDULER, "torch.optim.lr_scheduler");
            type.setConstructor((in, cls, args, kwargs) -> {
                Object[] b = Host.bind(name + ".__init__", args, kwargs, "optimizer", "lr_lambda", "last_epoch");
                Optimizer opt = optimizer(b[0]);
                List<IntToDoubleFunction> lambdas = new ArrayList<>();
                if (b[1] instanceof PyList || b[1] instanceof PyTuple) {
                    for (Object f : Ops.toList(in, b[1])) {
                        lambdas.add(lambda(in, f));
                    }
                } else {
                    for (int i = 0; i < opt.paramGroups().size(); i++) {
                        lambdas.add(lambda(in, b[1]));
                    }
                }
                int last = Host.given(b[2]) ? (int) Ops.index(b[2]) : -1;
                return new SchedulerObject(type, Host.guarded(() -> name.equals("LambdaLR")
                        ? new LambdaLR(opt, lambdas, last) : new MultiplicativeLR(opt, lambdas, last)));
            });
            m.define(name, type);
        }
        PyType sequential = PyType.hostClass("SequentialLR", SCHEDULER, "torch.optim.lr_scheduler");
        sequential.setConstructor((in, cls, args, kwargs) -> {
            Object[] b = Host.bind("__init__", args, kwargs, "optimizer", "schedulers", "milestones", "last_epoch");
            List<LRScheduler> schedulers = schedulers(in, b[1]);
            List<Integer> milestones = new ArrayList<>();
            for (Object o : Ops.toList(in, b[2])) {
                milestones.add((int) Ops.index(o));
            }
            int last = Host.given(b[3]) ? (int) Ops.index(b[3]) : -1;
            return new SchedulerObject(sequential, Host.guarded(() -> new SequentialLR(optimizer(b[0]), schedulers,
                    milestones, last)));
        });
        m.define("SequentialLR", sequential);
        PyType chained = PyType.hostClass("ChainedScheduler", SCHEDULER, "torch.optim.lr_scheduler");
        chained.setConstructor((in, cls, args, kwargs) -> {
            Object[] b = Host.bind("__init__", args, kwargs, "schedulers", "optimizer");
            List<LRScheduler> schedulers = schedulers(in, b[0]);
            return new SchedulerObject(chained, Host.guarded(() -> new ChainedScheduler(schedulers)));
        });
        m.define("ChainedScheduler", chained);
        return m;
    }

    private static Optimizer optimizer(Object v) {
        if (v instanceof OptimizerObject o) {
            return o.optimizer;
        }
        throw PyException.typeError(Py.typeName(v) + " is not an Optimizer");
    }

    private static List<LRScheduler> schedulers(Interpreter in, Object v) {
        List<LRScheduler> out = new ArrayList<>();
        for (Object o : Ops.toList(in, v)) {
            if (!(o instanceof SchedulerObject s)) {
                throw PyException.typeError(Py.typeName(o) + " is not a scheduler");
            }
            out.add(s.scheduler);
        }
        return out;
    }

    private static IntToDoubleFunction lambda(Interpreter in, Object function) {
        return epoch -> Host.toDouble(in.call(function, new Object[] {(long) epoch}, null));
    }

    /** A learning-rate scheduler as Python sees it. */
    static final class SchedulerObject implements PyObject {
        private final PyType type;
        private final LRScheduler scheduler;

        SchedulerObject(PyType type, LRScheduler scheduler) {
            this.type = type;
            this.scheduler = scheduler;
        }

        LRScheduler scheduler() {
            return scheduler;
        }

        @Override
        public PyType pyType() {
            return type;
        }

        @Override
        public Object getAttr(Interpreter in, String name) {
            return switch (name) {
                case "__class__" -> type;
                case "step" -> Host.function("step", (i, a, k) -> {
                    BridgeRun.current().trace("scheduler.step", this);
                    if (scheduler instanceof ReduceLROnPlateau plateau) {
                        Object[] b = Host.bind("step", a, k, "metrics", "epoch");
                        plateau.step(Host.toDouble(b[0]));
                    } else {
                        Object[] b = Host.bind("step", a, k, "epoch");
                        if (Host.given(b[0])) {
                            scheduler.step((int) Ops.index(b[0]));
                        } else {
                            scheduler.step();
                        }
                    }
                    return Py.NONE;
                });
                case "get_last_lr" -> Host.function("get_last_lr", (i, a, k) -> Host.toPython(scheduler.getLastLr()));
                case "last_epoch" -> (long) scheduler.lastEpoch();
                case "base_lrs" -> Host.toPython(scheduler.baseLrs());
                case "optimizer" -> null;
                case "state_dict" -> Host.function("state_dict", (i, a, k) -> Host.toPython(scheduler.stateDict()));
                case "load_state_dict" -> Host.function("load_state_dict", (i, a, k) -> {
                    scheduler.loadStateDict(javaStateDict(i, a[0]));
                    return Py.NONE;
                });
                // as in PyTorch, where state_dict() is the scheduler's __dict__: best, num_bad_epochs, T_max, ...
                default -> {
                    Object value = scheduler.stateValue(name);
                    yield value == null ? null : Host.toPython(value);
                }
            };
        }

        @Override
        public String repr(Interpreter in) {
            return "<torch.optim.lr_scheduler." + type.name() + " object at " + in.fakeAddress(this) + ">";
        }
    }
}
