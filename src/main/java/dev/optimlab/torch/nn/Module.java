package dev.optimlab.torch.nn;

import dev.optimlab.torch.ComputeContext;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.ReprUtil;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.TensorFormatter;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Mirrors {@code torch.nn.Module}: parameters, buffers and submodules registered by name in insertion
 * order, the recursive views of them, train/eval, zero_grad, state dicts, {@code __call__} and the repr.
 *
 * <p>Subclasses (in Java, or Python classes of the interpreter through a bridge) override
 * {@link #forward(List)}, and {@link #extraRepr()} for their line in the repr; attributes assigned through
 * {@link #setAttr(String, Object)} are routed like {@code Module.__setattr__} routes them.
 */
public class Module {
    private final SequencedMap<String, Parameter> parameters = new LinkedHashMap<>();
    private final SequencedMap<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> nonPersistentBuffers = new HashSet<>();
    private final SequencedMap<String, Module> modules = new LinkedHashMap<>();
    private final SequencedMap<String, Object> attributes = new LinkedHashMap<>();
    private boolean training = true;

    /** What {@link #loadStateDict} returns: mirrors {@code _IncompatibleKeys}. */
    public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {

        /** Mirrors {@code repr(_IncompatibleKeys)}, what {@code print(model.load_state_dict(sd))} shows. */
        @Override
        public String toString() {
            if (missingKeys.isEmpty() && unexpectedKeys.isEmpty()) {
                return "<All keys matched successfully>";
            }
            return "_IncompatibleKeys(missing_keys=" + pythonList(missingKeys) + ", unexpected_keys="
                    + pythonList(unexpectedKeys) + ")";
        }

        /** Python's repr of a list of str: single quotes, double quotes for a key that holds a single quote. */
        private static String pythonList(List<String> items) {
            List<String> reprs = new ArrayList<>();
            for (String item : items) {
                boolean doubleQuoted = item.contains("'") && !item.contains("\"");
                reprs.add(doubleQuoted ? "\"" + item + "\"" : "'" + item.replace("'", "\\'") + "'");
            }
            return "[" + String.join(", ", reprs) + "]";
        }
    }

    // ---------------------------------------------------------------- calling

    /**
     * Mirrors {@code forward(*args)}; a module without one raises PyTorch's NotImplementedError.
     *
     * @param args the positional arguments of the call (Tensors, numbers, null for None, ...)
     */
    public Object forward(List<Object> args) {
        throw new TorchException(TorchException.PythonType.NotImplementedError,
                "Module [" + getName() + "] is missing the required \"forward\" function");
    }

    /** Mirrors {@code module(*args)}. */
    public Object call(Object... args) {
        return forward(Arrays.asList(args));
    }

    /** Mirrors {@code module(input)} for the modules that map one tensor to one tensor. */
    public Tensor call(Tensor input) {
        return (Tensor) forward(Arrays.asList(input));
    }

    /** Mirrors {@code module(input, target)}, as losses are called. */
    public Tensor call(Tensor input, Tensor target) {
        return (Tensor) forward(Arrays.asList(input, target));
    }

    // ---------------------------------------------------------------- registration

    /** Mirrors {@code register_parameter(name, param)}; param may be null (None). */
    public void registerParameter(String name, Parameter param) {
        checkName(name, "parameter");
        if (hasAttr(name) && !parameters.containsKey(name)) {
            throw new KeyError("attribute '" + name + "' already exists");
        }
        parameters.put(name, param);
    }

    /** Mirrors {@code register_buffer(name, tensor, persistent=True)}. */
    public void registerBuffer(String name, Tensor tensor) {
        registerBuffer(name, tensor, true);
    }

    /** Mirrors {@code register_buffer(name, tensor, persistent)}; non-persistent buffers stay out of state_dict. */
    public void registerBuffer(String name, Tensor tensor, boolean persistent) {
        checkName(name, "buffer");
        if (hasAttr(name) && !buffers.containsKey(name)) {
            throw new KeyError("attribute '" + name + "' already exists");
        }
        buffers.put(name, tensor);
        if (persistent) {
            nonPersistentBuffers.remove(name);
        } else {
            nonPersistentBuffers.add(name);
        }
    }

    /** Mirrors {@code register_module(name, module)} (alias {@code add_module}); module may be null. */
    public void registerModule(String name, Module module) {
        checkName(name, "module");
        if (hasAttr(name) && !modules.containsKey(name)) {
            throw new KeyError("attribute '" + name + "' already exists");
        }
        modules.put(name, module);
    }

    private static void checkName(String name, String kind) {
        if (name.contains(".")) {
            throw new KeyError(kind + " name can't contain \".\"");
        }
        if (name.isEmpty()) {
            throw new KeyError(kind + " name can't be empty string \"\"");
        }
    }

    /** Mirrors {@code Module.__setattr__}: Parameters and Modules register, known names keep their kind. */
    public void setAttr(String name, Object value) {
        if (name.equals("training") && value instanceof Boolean mode) {
            // training is a plain attribute in PyTorch; setting it changes this module only, not its children.
            training = mode;
        } else if (value instanceof Parameter parameter) {
            removeEverywhere(name);
            registerParameter(name, parameter);
        } else if (parameters.containsKey(name)) {
            if (value != null) {
                throw new TorchException(TorchException.PythonType.TypeError, "cannot assign '" + typeName(value)
                        + "' as parameter '" + name + "' (torch.nn.Parameter or None expected)");
            }
            parameters.put(name, null);
        } else if (value instanceof Module module) {
            removeEverywhere(name);
            modules.put(name, module);
        } else if (modules.containsKey(name)) {
            if (value != null) {
                throw new TorchException(TorchException.PythonType.TypeError, "cannot assign '" + typeName(value)
                        + "' as child module '" + name + "' (torch.nn.Module or None expected)");
            }
            modules.put(name, null);
        } else if (buffers.containsKey(name)) {
            if (value != null && !(value instanceof Tensor)) {
                throw new TorchException(TorchException.PythonType.TypeError, "cannot assign '" + typeName(value)
                        + "' as buffer '" + name + "' (torch.Tensor or None expected)");
            }
            buffers.put(name, (Tensor) value);
        } else {
            attributes.put(name, value);
        }
    }

    private void removeEverywhere(String name) {
        attributes.remove(name);
        parameters.remove(name);
        buffers.remove(name);
        modules.remove(name);
        nonPersistentBuffers.remove(name);
    }

    /** Mirrors {@code getattr(module, name)}: parameters, then buffers, then submodules, then plain attributes. */
    public Object getAttr(String name) {
        if (name.equals("training")) {
            return training;
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (buffers.containsKey(name)) {
            return buffers.get(name);
        }
        if (modules.containsKey(name)) {
            return modules.get(name);
        }
        if (attributes.containsKey(name)) {
            return attributes.get(name);
        }
        throw new AttributeError("'" + getName() + "' object has no attribute '" + name + "'");
    }

    /** Mirrors {@code hasattr(module, name)} for what the module itself stores. */
    public boolean hasAttr(String name) {
        return parameters.containsKey(name) || buffers.containsKey(name) || modules.containsKey(name)
                || attributes.containsKey(name);
    }

    /** Mirrors {@code delattr(module, name)}. */
    public void delAttr(String name) {
        if (!hasAttr(name)) {
            throw new AttributeError(name);
        }
        removeEverywhere(name);
    }

    /** This module's own parameter slot called name (null for None or absent), for subclasses' accessors. */
    protected Parameter parameterSlot(String name) {
        return parameters.get(name);
    }

    /** Mirrors {@code get_submodule(target)}: follows a dotted path such as {@code "head.0"}; "" is this module. */
    public Module getSubmodule(String target) {
        if (target.isEmpty()) {
            return this;
        }
        Module module = this;
        for (String item : target.split("\\.", -1)) {
            if (!module.hasAttr(item)) {
                throw new AttributeError(module.getName() + " has no attribute `" + item + "`");
            }
            if (!(module.getAttr(item) instanceof Module child)) {
                throw new AttributeError("`" + item + "` is not an nn.Module");
            }
            module = child;
        }
        return module;
    }

    /** Mirrors {@code get_parameter(target)}: a parameter by its dotted name, such as {@code "fc1.weight"}. */
    public Parameter getParameter(String target) {
        int dot = target.lastIndexOf('.');
        Module module = getSubmodule(dot < 0 ? "" : target.substring(0, dot));
        String name = target.substring(dot + 1);
        if (!module.hasAttr(name)) {
            throw new AttributeError(module.getName() + " has no attribute `" + name + "`");
        }
        if (!(module.getAttr(name) instanceof Parameter parameter)) {
            throw new AttributeError("`" + name + "` is not an nn.Parameter");
        }
        return parameter;
    }

    private static String typeName(Object value) {
        return switch (value) {
            case Tensor t -> switch (t.dtype()) {
                case FLOAT16 -> "torch.HalfTensor";
                case FLOAT32 -> "torch.FloatTensor";
                case FLOAT64 -> "torch.DoubleTensor";
                case INT64 -> "torch.LongTensor";
                case BOOL -> "torch.BoolTensor";
            };
            case Integer i -> "int";
            case Long l -> "int";
            case Double d -> "float";
            case Boolean b -> "bool";
            case String s -> "str";
            default -> value.getClass().getSimpleName();
        };
    }

    // ---------------------------------------------------------------- traversal

    /** Mirrors {@code parameters(recurse=True)}: each parameter's tensor once, in registration order. */
    public List<Tensor> parameters() {
        return parameters(true);
    }

    /** Mirrors {@code parameters(recurse)}. */
    public List<Tensor> parameters(boolean recurse) {
        return List.copyOf(namedParameters("", recurse).values());
    }

    /** Mirrors {@code named_parameters()}: dotted names such as {@code 0.weight} or {@code fc1.bias}. */
    public SequencedMap<String, Tensor> namedParameters() {
        return namedParameters("", true);
    }

    /** Mirrors {@code named_parameters(prefix, recurse)}; a parameter shared by two modules appears once. */
    public SequencedMap<String, Tensor> namedParameters(String prefix, boolean recurse) {
        SequencedMap<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> entry : memberOwners(prefix, recurse).entrySet()) {
            for (Map.Entry<String, Parameter> p : entry.getValue().parameters.entrySet()) {
                if (p.getValue() != null && seen.add(p.getValue().data())) {
                    out.put(join(entry.getKey(), p.getKey()), p.getValue().data());
                }
            }
        }
        return out;
    }

    /** Mirrors {@code buffers(recurse=True)}. */
    public List<Tensor> buffers() {
        return List.copyOf(namedBuffers().values());
    }

    /** Mirrors {@code named_buffers()}. */
    public SequencedMap<String, Tensor> namedBuffers() {
        SequencedMap<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> entry : memberOwners("", true).entrySet()) {
            for (Map.Entry<String, Tensor> b : entry.getValue().buffers.entrySet()) {
                if (b.getValue() != null && seen.add(b.getValue())) {
                    out.put(join(entry.getKey(), b.getKey()), b.getValue());
                }
            }
        }
        return out;
    }

    private SequencedMap<String, Module> memberOwners(String prefix, boolean recurse) {
        if (!recurse) {
            SequencedMap<String, Module> self = new LinkedHashMap<>();
            self.put(prefix, this);
            return self;
        }
        return namedModules(prefix);
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** Mirrors {@code children()}: the direct submodules, each once. */
    public List<Module> children() {
        return List.copyOf(namedChildren().values());
    }

    /** Mirrors {@code named_children()}. */
    public SequencedMap<String, Module> namedChildren() {
        SequencedMap<String, Module> out = new LinkedHashMap<>();
        Set<Module> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> child : modules.entrySet()) {
            if (child.getValue() != null && seen.add(child.getValue())) {
                out.put(child.getKey(), child.getValue());
            }
        }
        return out;
    }

    /** Mirrors {@code modules()}: this module and every descendant, pre-order, each once. */
    public List<Module> modules() {
        return List.copyOf(namedModules().values());
    }

    /** Mirrors {@code named_modules()}: this module under the name {@code ""}, then its descendants. */
    public SequencedMap<String, Module> namedModules() {
        return namedModules("");
    }

    /** Mirrors {@code named_modules(prefix=prefix)}. */
    public SequencedMap<String, Module> namedModules(String prefix) {
        SequencedMap<String, Module> out = new LinkedHashMap<>();
        collectModules(prefix, Collections.newSetFromMap(new IdentityHashMap<>()), out);
        return out;
    }

    private void collectModules(String prefix, Set<Module> seen, SequencedMap<String, Module> out) {
        if (!seen.add(this)) {
            return;
        }
        out.put(prefix, this);
        for (Map.Entry<String, Module> child : modules.entrySet()) {
            if (child.getValue() != null) {
                child.getValue().collectModules(join(prefix, child.getKey()), seen, out);
            }
        }
    }

    /** Mirrors {@code apply(fn)}: fn on every descendant, children first, then on this module (for custom init). */
    public Module apply(Consumer<Module> fn) {
        for (Module child : children()) {
            child.apply(fn);
        }
        fn.accept(this);
        return this;
    }

    // ---------------------------------------------------------------- modes and gradients

    /** Mirrors the {@code training} attribute. */
    public boolean isTraining() {
        return training;
    }

    /** Mirrors {@code train(mode)}: sets the mode of this module and all its descendants. */
    public Module train(boolean mode) {
        training = mode;
        for (Module child : children()) {
            child.train(mode);
        }
        return this;
    }

    /** Mirrors {@code train()}. */
    public Module train() {
        return train(true);
    }

    /** Mirrors {@code eval()}. */
    public Module eval() {
        return train(false);
    }

    /** Mirrors {@code zero_grad()}; PyTorch 2.x's default is {@code set_to_none=True}. */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /** Mirrors {@code zero_grad(set_to_none)}: drop every gradient, or zero it in place. */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : parameters()) {
            if (p.grad() == null) {
                continue;
            }
            if (setToNone) {
                p.setGrad(null);
            } else {
                try (ComputeContext.Scope ignored = Torch.noGrad()) {
                    p.grad().requiresGrad_(false);
                    p.grad().zero_();
                }
            }
        }
    }

    /** Mirrors {@code requires_grad_(requires_grad)} on every parameter. */
    public Module requiresGrad_(boolean requiresGrad) {
        for (Tensor p : parameters()) {
            p.requiresGrad_(requiresGrad);
        }
        return this;
    }

    /**
     * Mirrors {@code to(dtype)}: casts floating-point parameters (keeping each Parameter object, as PyTorch's
     * {@code param.data = ...} does), their gradients and buffers. Optimizers made before hold the old tensors,
     * so, as PyTorch advises, convert the model before building its optimizer.
     */
    public Module to(DType dtype) {
        for (Module module : modules()) {
            for (Parameter p : module.parameters.values()) {
                if (p != null && p.data().isFloatingPoint() && p.data().dtype() != dtype) {
                    Tensor converted = p.data().detach().to(dtype).requiresGrad_(p.requiresGrad());
                    if (p.grad() != null) {
                        converted.setGrad(p.grad().detach().to(dtype));
                    }
                    p.setData(converted);
                }
            }
            module.buffers.replaceAll((name, b) -> b != null && b.isFloatingPoint() ? b.to(dtype) : b);
        }
        return this;
    }

    /** Mirrors {@code double()}. */
    public Module toDouble() {
        return to(DType.FLOAT64);
    }

    /** Mirrors {@code float()}. */
    public Module toFloat() {
        return to(DType.FLOAT32);
    }

    // ---------------------------------------------------------------- state dicts

    /** Mirrors {@code state_dict()}: parameters then persistent buffers of each module, detached. */
    public SequencedMap<String, Tensor> stateDict() {
        return stateDict(false);
    }

    /** Mirrors {@code state_dict(keep_vars)}: with keep_vars the parameters' own tensors, else detached views. */
    public SequencedMap<String, Tensor> stateDict(boolean keepVars) {
        SequencedMap<String, Tensor> out = new LinkedHashMap<>();
        saveToStateDict("", keepVars, out);
        return out;
    }

    private void saveToStateDict(String prefix, boolean keepVars, SequencedMap<String, Tensor> out) {
        for (Map.Entry<String, Tensor> entry : localState().entrySet()) {
            out.put(prefix + entry.getKey(), keepVars ? entry.getValue() : entry.getValue().detach());
        }
        for (Map.Entry<String, Module> child : modules.entrySet()) {
            if (child.getValue() != null) {
                child.getValue().saveToStateDict(prefix + child.getKey() + ".", keepVars, out);
            }
        }
    }

    private SequencedMap<String, Tensor> localState() {
        SequencedMap<String, Tensor> state = new LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            if (p != null) {
                state.put(name, p.data());
            }
        });
        buffers.forEach((name, b) -> {
            if (b != null && !nonPersistentBuffers.contains(name)) {
                state.put(name, b);
            }
        });
        return state;
    }

    /** Mirrors {@code load_state_dict(state_dict, strict=True)}. */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict) {
        return loadStateDict(stateDict, true);
    }

    /**
     * Mirrors {@code load_state_dict(state_dict, strict)}: copies matching entries under no_grad and raises
     * PyTorch's RuntimeError listing missing keys, unexpected keys and size mismatches.
     */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict, boolean strict) {
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (ComputeContext.Scope ignored = Torch.noGrad()) {
            loadFromStateDict(stateDict, "", missing, unexpected, errors);
        }
        if (strict) {
            if (!unexpected.isEmpty()) {
                errors.addFirst("Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
            }
            if (!missing.isEmpty()) {
                errors.addFirst("Missing key(s) in state_dict: " + quoted(missing) + ". ");
            }
        }
        if (!errors.isEmpty()) {
            throw new TorchException(TorchException.PythonType.RuntimeError,
                    "Error(s) in loading state_dict for " + getName() + ":\n\t" + String.join("\n\t", errors));
        }
        return new IncompatibleKeys(List.copyOf(missing), List.copyOf(unexpected));
    }

    private static String quoted(List<String> keys) {
        List<String> quoted = new ArrayList<>();
        for (String key : keys) {
            quoted.add("\"" + key + "\"");
        }
        return String.join(", ", quoted);
    }

    private void loadFromStateDict(Map<String, Tensor> stateDict, String prefix, List<String> missing,
            List<String> unexpected, List<String> errors) {
        SequencedMap<String, Tensor> local = localState();
        for (Map.Entry<String, Tensor> entry : local.entrySet()) {
            String key = prefix + entry.getKey();
            Tensor param = entry.getValue();
            if (!stateDict.containsKey(key)) {
                missing.add(key);
                continue;
            }
            Tensor input = stateDict.get(key);
            // PyTorch still accepts 1-element vectors for 0-dim entries saved by version 0.3.
            if (param.dim() == 0 && input.dim() == 1) {
                input = input.select(0, 0);
            }
            if (!Arrays.equals(input.shape(), param.shape())) {
                errors.add("size mismatch for " + key + ": copying a param with shape "
                        + TensorFormatter.sizeRepr(input.shape()) + " from checkpoint, the shape in current model is "
                        + TensorFormatter.sizeRepr(param.shape()) + ".");
                continue;
            }
            param.copy_(input);
        }
        for (String key : stateDict.keySet()) {
            if (key.startsWith(prefix)) {
                String inputName = key.substring(prefix.length()).split("\\.", 2)[0];
                if (!modules.containsKey(inputName) && !local.containsKey(inputName)) {
                    unexpected.add(key);
                }
            }
        }
        for (Map.Entry<String, Module> child : modules.entrySet()) {
            if (child.getValue() != null) {
                child.getValue().loadFromStateDict(stateDict, prefix + child.getKey() + ".", missing, unexpected,
                        errors);
            }
        }
    }

    // ---------------------------------------------------------------- printing

    /** Mirrors {@code _get_name()}: the class name that the repr and error messages show. */
    public String getName() {
        return getClass().getSimpleName();
    }

    /** Mirrors {@code extra_repr()}: the module's own settings, printed inside its parentheses. */
    public String extraRepr() {
        return "";
    }

    /** Mirrors {@code repr(module)}. */
    @Override
    public String toString() {
        SequencedMap<String, String> childReprs = new LinkedHashMap<>();
        modules.forEach((name, child) -> childReprs.put(name, child == null ? null : child.toString()));
        return ReprUtil.moduleRepr(getName(), extraRepr(), childReprs);
    }

    /** The submodule slots, None included, as {@code _modules} holds them; containers index into it. */
    SequencedMap<String, Module> moduleSlots() {
        return modules;
    }
}
