package dev.optimlab.torch.optim;

import dev.optimlab.torch.ComputeContext;
import dev.optimlab.torch.ReprUtil;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Mirrors {@code torch.optim.Optimizer} (PyTorch 2.x): a list of param groups with the defaults filled in,
 * a per-parameter state, {@code add_param_group}, {@code zero_grad(set_to_none=True)}, {@code step(closure)},
 * and {@code state_dict}/{@code load_state_dict} with parameters replaced by their indices.
 *
 * <p>Subclasses declare their defaults in PyTorch's key order and implement one step over the groups; the base
 * runs it under {@code torch.no_grad()} and counts steps for the schedulers' ordering warning.
 */
public abstract class Optimizer {

    private final SequencedMap<String, Object> defaults;
    private final List<ParamGroup> paramGroups = new ArrayList<>();
    /** Keyed by identity (Tensor keeps Object's equals), in the order parameters first received state. */
    private final LinkedHashMap<Tensor, Map<String, Object>> state = new LinkedHashMap<>();
    private int stepCount;
    private WarningSink warnings = WarningSink.IGNORE;

    /**
     * Builds the param groups, each with the defaults it lacks, as {@code Optimizer.__init__} does.
     *
     * @param params a {@code List} of tensors, or a {@code List} of group maps each holding {@code "params"}
     *               and per-group options, as Python's iterable of Tensors or dicts
     * @param defaults the hyperparameters every group falls back on, in PyTorch's order
     */
    protected Optimizer(Object params, SequencedMap<String, Object> defaults) {
        this.defaults = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(defaults));
        if (params instanceof Tensor tensor) {
            throw new TorchException(PythonType.TypeError, "params argument given to the optimizer should be an "
                    + "iterable of Tensors or dicts, but got " + tensorTypeName(tensor));
        }
        if (!(params instanceof List<?> list)) {
            throw new TorchException(PythonType.TypeError, "'" + OptionValues.typeName(params)
                    + "' object is not iterable");
        }
        if (list.isEmpty()) {
            throw new TorchException(PythonType.ValueError, "optimizer got an empty parameter list");
        }
        if (list.getFirst() instanceof Map<?, ?>) {
            for (Object group : list) {
                if (!(group instanceof Map<?, ?> map)) {
                    throw new TorchException(PythonType.TypeError, "param_group must be a dict, but got "
                            + OptionValues.typeName(group));
                }
                addParamGroup(castGroup(map));
            }
        } else {
            addParamGroup(Map.of("params", list));
        }
    }

    private static String tensorTypeName(Tensor tensor) {
        return switch (tensor.dtype()) {
            case FLOAT16 -> "torch.HalfTensor";
            case FLOAT32 -> "torch.FloatTensor";
            case FLOAT64 -> "torch.DoubleTensor";
            case INT64 -> "torch.LongTensor";
            case BOOL -> "torch.BoolTensor";
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castGroup(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /**
     * Fills {@code defaults} (key, value, key, value, ... in PyTorch's order) with the caller's keyword
     * arguments, refusing a keyword the constructor does not take as Python would.
     */
    protected static SequencedMap<String, Object> options(String className, Map<String, ?> given,
            Object... keysAndValues) {
        LinkedHashMap<String, Object> merged = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            merged.put((String) keysAndValues[i], OptionValues.normalize(keysAndValues[i + 1]));
        }
        for (Map.Entry<String, ?> entry : given.entrySet()) {
            if (!merged.containsKey(entry.getKey())) {
                throw new TorchException(PythonType.TypeError, className
                        + ".__init__() got an unexpected keyword argument '" + entry.getKey() + "'");
            }
            merged.put(entry.getKey(), OptionValues.normalize(entry.getValue()));
        }
        return merged;
    }

    /** A number option of the constructor's arguments, for the validation PyTorch does up front. */
    protected static double number(SequencedMap<String, Object> options, String key) {
        return OptionValues.toDouble(key, options.get(key));
    }

    /** Element {@code index} of a tuple argument such as {@code betas}. */
    protected static double item(SequencedMap<String, Object> options, String key, int index) {
        return OptionValues.toDouble(key, ((List<?>) options.get(key)).get(index));
    }

    /** Raises PyTorch's {@code ValueError(message + str(value))} unless {@code valid}. */
    protected static void check(boolean valid, String message, Object value) {
        OptionValues.check(valid, message, value);
    }

    /** A fresh float32 0-dim {@code step} tensor, as PyTorch 2.x keeps it in state. */
    protected static Tensor newStepTensor() {
        return Torch.scalarTensor(0.0);
    }

    /** {@code step_t += 1; step = step_t.item()}: the count lives in float32 like PyTorch's. */
    protected static double incrementStep(Map<String, Object> state) {
        Tensor step = (Tensor) state.get("step");
        step.add_(1.0);
        return step.itemDouble();
    }

    /** Mirrors {@code optimizer.defaults}. */
    public SequencedMap<String, Object> defaults() {
        return defaults;
    }

    /** Mirrors {@code optimizer.param_groups}; the groups themselves are mutable, as in PyTorch. */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(paramGroups);
    }

    /** Mirrors {@code optimizer.state[p]}, creating the empty dict a defaultdict would. */
    public Map<String, Object> state(Tensor param) {
        return state.computeIfAbsent(param, p -> new LinkedHashMap<>());
    }

    /** Every parameter that has state, in the order it first received it. */
    public Set<Tensor> parametersWithState() {
        return Collections.unmodifiableSet(state.keySet());
    }

    /** How often {@link #step} ran; schedulers read it to warn when they step before the optimizer. */
    public int stepCount() {
        return stepCount;
    }

    public WarningSink warningSink() {
        return warnings;
    }

    /** Where this optimizer and its schedulers deliver Python warnings. */
    public void setWarningSink(WarningSink sink) {
        this.warnings = Objects.requireNonNull(sink);
    }

    /** Mirrors {@code add_param_group}: fills defaults and refuses a parameter already in another group. */
    public void addParamGroup(Map<String, Object> group) {
        Object rawParams = group.get("params");
        List<Tensor> params = new ArrayList<>();
        if (rawParams instanceof Tensor tensor) {
            params.add(tensor);
        } else if (rawParams instanceof Set<?>) {
            throw new TorchException(PythonType.TypeError, "optimizer parameters need to be organized in ordered "
                    + "collections, but the ordering of tensors in sets will change between runs. Please use a list "
                    + "instead.");
        } else if (rawParams instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Tensor tensor)) {
                    throw new TorchException(PythonType.TypeError,
                            "optimizer can only optimize Tensors, but one of the params is " + OptionValues.typeName(item));
                }
                params.add(tensor);
            }
        } else {
            throw new TorchException(PythonType.TypeError,
                    "'" + OptionValues.typeName(rawParams) + "' object is not iterable");
        }
        boolean differentiable = Boolean.TRUE.equals(defaults.get("differentiable"));
        for (Tensor param : params) {
            if (!differentiable && !(param.isLeaf() || param.retainsGrad())) {
                throw new TorchException(PythonType.ValueError, "can't optimize a non-leaf Tensor");
            }
        }
        LinkedHashMap<String, Object> options = new LinkedHashMap<>();
        group.forEach((key, value) -> {
            if (!key.equals("params")) {
                options.put(key, OptionValues.normalize(value));
            }
        });
        defaults.forEach(options::putIfAbsent);
        if (distinctCount(params) != params.size()) {
            warnings.warn("UserWarning", "optimizer contains a parameter group with duplicate parameters; "
                    + "in future, this will cause an error; see github.com/pytorch/pytorch/issues/40967 for more "
                    + "information");
        }
        for (ParamGroup existing : paramGroups) {
            for (Tensor param : params) {
                if (existing.params().contains(param)) {
                    throw new TorchException(PythonType.ValueError,
                            "some parameters appear in more than one parameter group");
                }
            }
        }
        paramGroups.add(new ParamGroup(params, options));
    }

    private static int distinctCount(List<Tensor> params) {
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(params);
        return seen.size();
    }

    /** Mirrors {@code zero_grad()}: PyTorch 2.x sets gradients to None by default. */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /** Mirrors {@code zero_grad(set_to_none)}. */
    public void zeroGrad(boolean setToNone) {
        for (ParamGroup group : paramGroups) {
            for (Tensor param : group.params()) {
                Tensor grad = param.grad();
                if (grad == null) {
                    continue;
                }
                if (setToNone) {
                    param.setGrad(null);
                } else {
                    // A grad with history (create_graph=True) is detached first, as PyTorch's detach_() does.
                    Tensor plain = grad.gradFn() != null ? grad.detach() : grad;
                    if (plain.requiresGrad()) {
                        plain.requiresGrad_(false);
                    }
                    try (var noGrad = Torch.noGrad()) {
                        plain.zero_();
                    }
                    param.setGrad(plain);
                }
            }
        }
    }

    /** Mirrors {@code step()} without a closure; returns None. */
    public Tensor step() {
        return step(null);
    }

    /** Mirrors {@code step(closure)}: returns what the closure returned (its loss), or null without one. */
    public final Tensor step(Supplier<Tensor> closure) {
        stepCount++;
        try (var noGrad = Torch.noGrad()) {
            return performStep(closure);
        }
    }

    /** One update of every group, run with grad mode off; evaluate the closure with {@link #evaluate}. */
    protected abstract Tensor performStep(Supplier<Tensor> closure);

    /** The update of one parameter that has a gradient, with its group's hyperparameters. */
    @FunctionalInterface
    protected interface ParameterUpdate {
        void apply(ParamGroup group, Tensor param);
    }

    /**
     * The loop every single-tensor optimizer in PyTorch runs: group by group, each parameter whose grad is
     * not None, with the compute guard checked before each one.
     */
    protected final void forEachParameterWithGrad(ParameterUpdate update) {
        for (ParamGroup group : paramGroups()) {
            for (Tensor param : group.params()) {
                if (param.grad() != null) {
                    checkpoint(param);
                    update.apply(group, param);
                }
            }
        }
    }

    /** Runs the closure with grad enabled, as {@code with torch.enable_grad(): loss = closure()} does. */
    protected static Tensor evaluate(Supplier<Tensor> closure) {
        if (closure == null) {
            return null;
        }
        try (var enabled = Torch.enableGrad()) {
            return closure.get();
        }
    }

    /** Reports one parameter's worth of work to the run's compute guard, so a huge step can be stopped. */
    protected static void checkpoint(Tensor param) {
        ComputeContext.current().guard().checkpoint(param.numel());
    }

    /** The gradient a step uses: PyTorch negates it for {@code maximize=True}. */
    protected static Tensor gradient(Tensor param, boolean maximize) {
        Tensor grad = param.grad();
        return maximize ? grad.neg() : grad;
    }

    /**
     * Mirrors {@code state_dict()}: {@code {"state": {index: {...}}, "param_groups": [{..., "params": [indices]}]}}.
     * State tensors are the live ones, as in PyTorch; {@link #loadStateDict} copies them.
     */
    public Map<String, Object> stateDict() {
        Map<Tensor, Integer> indices = new IdentityHashMap<>();
        List<Map<String, Object>> packedGroups = new ArrayList<>();
        int next = 0;
        for (ParamGroup group : paramGroups) {
            LinkedHashMap<String, Object> packed = new LinkedHashMap<>(group.options());
            List<Integer> ids = new ArrayList<>();
            for (Tensor param : group.params()) {
                if (!indices.containsKey(param)) {
                    indices.put(param, next + ids.size());
                }
                ids.add(indices.get(param));
            }
            next += ids.size();
            packed.put("params", ids);
            packedGroups.add(packed);
        }
        LinkedHashMap<Integer, Map<String, Object>> packedState = new LinkedHashMap<>();
        state.forEach((param, values) -> packedState.put(indices.get(param), new LinkedHashMap<>(values)));
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        result.put("state", packedState);
        result.put("param_groups", packedGroups);
        return result;
    }

    /** Mirrors {@code load_state_dict()}: checks the group layout, then deep-copies state onto our parameters. */
    public void loadStateDict(Map<String, Object> stateDict) {
        List<?> savedGroups = (List<?>) stateDict.get("param_groups");
        if (savedGroups.size() != paramGroups.size()) {
            throw new TorchException(PythonType.ValueError, "loaded state dict has a different number of parameter groups");
        }
        Map<Object, Tensor> idMap = new LinkedHashMap<>();
        for (int g = 0; g < paramGroups.size(); g++) {
            Map<?, ?> saved = (Map<?, ?>) savedGroups.get(g);
            List<?> savedIds = (List<?>) saved.get("params");
            List<Tensor> params = paramGroups.get(g).params();
            if (savedIds.size() != params.size()) {
                throw new TorchException(PythonType.ValueError, "loaded state dict contains a parameter group that "
                        + "doesn't match the size of optimizer's group");
            }
            for (int i = 0; i < params.size(); i++) {
                idMap.put(key(savedIds.get(i)), params.get(i));
            }
        }
        state.clear();
        Map<?, ?> savedState = (Map<?, ?>) stateDict.get("state");
        savedState.forEach((id, values) -> {
            Tensor param = idMap.get(key(id));
            if (param != null) {
                LinkedHashMap<String, Object> copied = new LinkedHashMap<>();
                ((Map<?, ?>) values).forEach((k, v) -> copied.put((String) k, cast(param, (String) k, v)));
                state.put(param, copied);
            }
        });
        for (int g = 0; g < paramGroups.size(); g++) {
            Map<?, ?> saved = (Map<?, ?>) savedGroups.get(g);
            LinkedHashMap<String, Object> options = new LinkedHashMap<>();
            saved.forEach((k, v) -> {
                if (!"params".equals(k)) {
                    options.put((String) k, deepCopy(v));
                }
            });
            // Older state dicts lack newer keys; PyTorch's __setstate__ fills them with setdefault.
            defaults.forEach(options::putIfAbsent);
            paramGroups.set(g, new ParamGroup(paramGroups.get(g).params(), options));
        }
    }

    /** Indices may come back as Integer or Long (for example from a checkpoint); compare them as longs. */
    private static Object key(Object id) {
        return id instanceof Number n ? (Object) n.longValue() : id;
    }

    /** Floating state follows the parameter's dtype, except {@code step}, which PyTorch keeps as saved. */
    private static Object cast(Tensor param, String key, Object value) {
        if (value instanceof Tensor tensor) {
            Tensor copy = tensor.detach().clone();
            if (!key.equals("step") && param.isFloatingPoint() && tensor.isFloatingPoint()
                    && tensor.dtype() != param.dtype()) {
                copy = copy.to(param.dtype());
            }
            return copy;
        }
        return deepCopy(value);
    }

    private static Object deepCopy(Object value) {
        return switch (value) {
            case Tensor tensor -> tensor.detach().clone();
            case List<?> list -> list.stream().map(Optimizer::deepCopy).toList();
            case Map<?, ?> map -> {
                LinkedHashMap<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(k, deepCopy(v)));
                yield copy;
            }
            case null, default -> value;
        };
    }

    /** Mirrors {@code Optimizer.__repr__}. */
    @Override
    public String toString() {
        List<Map<String, String>> groups = new ArrayList<>();
        for (ParamGroup group : paramGroups) {
            LinkedHashMap<String, String> printed = new LinkedHashMap<>();
            group.options().forEach((key, value) -> printed.put(key, OptionValues.repr(value)));
            groups.add(printed);
        }
        return ReprUtil.optimizerRepr(getClass().getSimpleName(), groups);
    }
}
