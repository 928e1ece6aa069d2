package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyBuiltinFunction;
import dev.optimlab.pylite.runtime.PyDict;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyFunction;
import dev.optimlab.pylite.runtime.PyInstance;
import dev.optimlab.pylite.runtime.PyList;
import dev.optimlab.pylite.runtime.PyTuple;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.nn.Module;
import dev.optimlab.torch.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.nn.Module} as Python sees it: a core module (Linear, Sequential, a loss, ...) or an instance
 * of a Python class deriving from {@code nn.Module}, whose attribute assignments register parameters and
 * submodules as {@code Module.__setattr__} does and whose {@code forward} is the Python method.
 */
final class ModuleObject extends PyInstance {
    static final PyType TYPE = PyType.hostClass("Module", null, "torch.nn.modules.module");

    static {
        TYPE.setInstanceFactory(cls -> new ModuleObject(cls, null));
        Map<String, Object> d = TYPE.dict();
        d.put("__init__", PyBuiltinFunction.method("__init__", (in, a, k) -> Py.NONE));
        method(d, "parameters", (in, self, a, k) -> {
            Object[] b = Host.bind("parameters", a, k, "recurse");
            boolean recurse = b[0] == null || Ops.truthy(in, b[0]);
            List<Object> out = new ArrayList<>();
            self.namedParameters(recurse).values().forEach(out::add);
            return new PyList(out);
        });
        method(d, "named_parameters", (in, self, a, k) -> {
            Object[] b = Host.bind("named_parameters", a, k, "prefix", "recurse");
            boolean recurse = b[1] == null || Ops.truthy(in, b[1]);
            List<Object> out = new ArrayList<>();
            String prefix = Host.given(b[0]) ? b[0] + "." : "";
            self.namedParameters(recurse).forEach((n, p) -> out.add(new PyTuple(prefix + n, p)));
            return new PyList(out);
        });
        method(d, "children", (in, self, a, k) -> {
            List<Object> out = new ArrayList<>();
            self.module.children().forEach(c -> out.add(of(c)));
            return new PyList(out);
        });
        method(d, "named_children", (in, self, a, k) -> {
            List<Object> out = new ArrayList<>();
            self.module.namedChildren().forEach((n, c) -> out.add(new PyTuple(n, of(c))));
            return new PyList(out);
        });
        method(d, "modules", (in, self, a, k) -> {
            List<Object> out = new ArrayList<>();
            self.module.modules().forEach(c -> out.add(of(c)));
            return new PyList(out);
        });
        method(d, "named_modules", (in, self, a, k) -> {
            List<Object> out = new ArrayList<>();
            self.module.namedModules().forEach((n, c) -> out.add(new PyTuple(n, of(c))));
            return new PyList(out);
        });
        method(d, "train", (in, self, a, k) -> {
            Object[] b = Host.bind("train", a, k, "mode");
            self.module.train(b[0] == null || Ops.truthy(in, b[0]));
            return self;
        });
        method(d, "eval", (in, self, a, k) -> {
            self.module.eval();
            return self;
        });
        method(d, "zero_grad", (in, self, a, k) -> {
            Object[] b = Host.bind("zero_grad", a, k, "set_to_none");
            BridgeRun.of(in).trace("module.zero_grad", self);
            self.module.zeroGrad(b[0] == null || Ops.truthy(in, b[0]));
            return Py.NONE;
        });
        method(d, "requires_grad_", (in, self, a, k) -> {
            Object[] b = Host.bind("requires_grad_", a, k, "requires_grad");
            self.module.requiresGrad_(b[0] == null || Ops.truthy(in, b[0]));
            return self;
        });
        method(d, "state_dict", (in, self, a, k) -> {
            PyDict out = new PyDict();
            self.module.stateDict().forEach((n, t) -> out.put(in, n, TensorObject.of(t.detach())));
            return new OrderedDictObject(out);
        });
        method(d, "load_state_dict", (in, self, a, k) -> {
            Object[] b = Host.bind("load_state_dict", a, k, "state_dict", "strict");
            Map<String, Tensor> state = new LinkedHashMap<>();
            PyDict dict = b[0] instanceof OrderedDictObject o ? o.dict() : b[0] instanceof PyDict plain ? plain : null;
            if (dict == null) {
                throw PyException.typeError("Expected state_dict to be dict-like, got " + Py.typeName(b[0]) + ".");
            }
            for (var e : dict.map().entrySet()) {
                state.put(String.valueOf(e.getKey().value()), Host.tensor(in, e.getValue()));
            }
            Module.IncompatibleKeys keys = self.module.loadStateDict(state, b[1] == null || Ops.truthy(in, b[1]));
            return new IncompatibleKeysObject(keys);
        });
        method(d, "register_buffer", (in, self, a, k) -> {
            Object[] b = Host.bind("register_buffer", a, k, "name", "tensor", "persistent");
            self.module.registerBuffer((String) b[0], Host.given(b[1]) ? Host.tensor(in, b[1]) : null,
                    b[2] == null || Ops.truthy(in, b[2]));
            return Py.NONE;
        });
        method(d, "register_parameter", (in, self, a, k) -> {
            Object[] b = Host.bind("register_parameter", a, k, "name", "param");
            self.module.registerParameter((String) b[0], b[1] instanceof TensorObject t ? t.parameter() : null);
            return Py.NONE;
        });
        method(d, "add_module", (in, self, a, k) -> {
            Object[] b = Host.bind("add_module", a, k, "name", "module");
            self.module.registerModule((String) b[0], b[1] instanceof ModuleObject m ? m.module : null);
            return Py.NONE;
        });
        method(d, "extra_repr", (in, self, a, k) -> self.module.extraRepr());
        method(d, "cpu", (in, self, a, k) -> self);
        method(d, "to", (in, self, a, k) -> {
            Object[] b = Host.bind("to", a, k, "device", "dtype", "non_blocking");
            for (Object v : b) {
                if (v instanceof String || v instanceof DeviceObject) {
                    DeviceObject.parse(v);
                } else if (v instanceof DTypeObject dtype) {
                    self.module.to(dtype.dtype());
                }
            }
            return self;
        });
        method(d, "double", (in, self, a, k) -> {
            self.module.toDouble();
            return self;
        });
        method(d, "float", (in, self, a, k) -> {
            self.module.toFloat();
            return self;
        });
        method(d, "apply", (in, self, a, k) -> {
            Object fn = Host.bind("apply", a, k, "fn")[0];
            self.module.apply(m -> in.call(fn, new Object[] {of(m)}, null));
            return self;
        });
        method(d, "get_submodule", (in, self, a, k) ->
                of(self.module.getSubmodule((String) Host.bind("get_submodule", a, k, "target")[0])));
        method(d, "get_parameter", (in, self, a, k) ->
                TensorObject.of(self.module.getParameter((String) Host.bind("get_parameter", a, k, "target")[0])));
        method(d, "buffers", (in, self, a, k) -> Host.toPython(self.module.buffers()));
        method(d, "named_buffers", (in, self, a, k) -> {
            List<Object> out = new ArrayList<>();
            self.module.namedBuffers().forEach((n, t) -> out.add(new PyTuple(n, TensorObject.of(t))));
            return new PyList(out);
        });
        method(d, "forward", (in, self, a, k) -> Host.toPython(self.module.forward(javaArgs(in, a))));
        method(d, "__call__", (in, self, a, k) -> self.call(in, a, k));
    }

    /** A Java body of a module method; {@code self} is the module object. */
    @FunctionalInterface
    interface MethodBody {
        Object call(Interpreter in, ModuleObject self, Object[] args, Map<String, Object> kwargs);
    }

    static void method(Map<String, Object> dict, String name, MethodBody body) {
        dict.put(name, PyBuiltinFunction.method(name, (in, a, k) -> Host.guarded(() ->
                body.call(in, (ModuleObject) a[0], Arrays.copyOfRange(a, 1, a.length), k))));
    }

    private final Module module;

    ModuleObject(PyType cls, Module module) {
        super(cls);
        this.module = module == null ? new PythonModule(this) : module;
    }

    Module module() {
        return module;
    }

    /** The Python object for a core module: the Python instance for a Python subclass, else one wrapper per run. */
    static ModuleObject of(Module m) {
        if (m instanceof PythonModule pm) {
            return pm.owner();
        }
        return BridgeRun.current().moduleWrappers().computeIfAbsent(m, x -> new ModuleObject(NnModule.typeOf(m), m));
    }

    private Map<String, Object> namedParameters(boolean recurse) {
        Map<String, Object> out = new LinkedHashMap<>();
        collect(module, "", recurse, out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        return out;
    }

    private static void collect(Module m, String prefix, boolean recurse, Map<String, Object> out, java.util.Set<Object> seen) {
        for (String name : m.namedParameters("", false).keySet()) {
            if (m.getAttr(name) instanceof Parameter p && seen.add(p)) {
                out.put(prefix + name, TensorObject.of(p));
            }
        }
        if (recurse) {
            m.namedChildren().forEach((n, c) -> collect(c, prefix + n + ".", true, out, seen));
        }
    }

    private static List<Object> javaArgs(Interpreter in, Object[] args) {
        List<Object> out = new ArrayList<>();
        for (Object a : args) {
            out.add(Host.toJava(in, a));
        }
        return out;
    }

    // ---------------------------------------------------------------- Module.__call__, __getattr__, __setattr__

    @Override
    public Object call(Interpreter in, Object[] args, Map<String, Object> kwargs) {
        if (module instanceof PythonModule) {
            Object forward = getAttr(in, "forward");
            return in.call(forward, args, kwargs);
        }
        if (kwargs != null && !kwargs.isEmpty()) {
            throw PyException.typeError("forward() got an unexpected keyword argument '" + kwargs.keySet().iterator().next()
                    + "'");
        }
        return Host.guarded(() -> Host.toPython(module.forward(javaArgs(in, args))));
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        if (name.equals("training")) {
            return module.isTraining();
        }
        if (!(module instanceof PythonModule) || !attributes().containsKey(name)) {
            if (module.hasAttr(name)) {
                return Host.toPython(Host.guarded(() -> module.getAttr(name)));
            }
        }
        Object v = super.getAttr(in, name);
        if (v == null && !(module instanceof PythonModule)) {
            v = NnModule.coreAttribute(module, name);
        }
        return v;
    }

    @Override
    public boolean setAttr(Interpreter in, String name, Object value) {
        if (name.equals("training")) {
            module.setAttr(name, Ops.truthy(in, value));
            return true;
        }
        Object javaValue = switch (value) {
            case TensorObject t when t.parameter() != null -> t.parameter();
            case ModuleObject m -> m.module;
            default -> null;
        };
        if (javaValue != null || module.hasAttr(name)) {
            if (javaValue == null) {
                javaValue = value == Py.NONE ? null : Host.toJava(in, value);
            }
            Object assigned = javaValue;
            attributes().remove(name);
            Host.guarded(() -> {
                module.setAttr(name, assigned);
                return null;
            });
            return true;
        }
        return super.setAttr(in, name, value);
    }

    @Override
    public boolean delAttr(Interpreter in, String name) {
        if (module.hasAttr(name)) {
            module.delAttr(name);
            return true;
        }
        return super.delAttr(in, name);
    }

    @Override
    public String repr(Interpreter in) {
        Object custom = pyType().lookup("__repr__");
        if (custom instanceof PyFunction) {
            return super.repr(in);
        }
        return Host.guarded(module::toString);
    }

    @Override
    public String str(Interpreter in) {
        return repr(in);
    }

    @Override
    public long len(Interpreter in) {
        return module instanceof PythonModule ? super.len(in) : NnModule.length(module);
    }

    @Override
    public boolean truthy(Interpreter in) {
        return true;
    }

    @Override
    public Object getItem(Interpreter in, Object key) {
        if (module instanceof PythonModule) {
            return super.getItem(in, key);
        }
        return NnModule.item(in, module, key);
    }

    @Override
    public dev.optimlab.pylite.runtime.PyIterator iter(Interpreter in) {
        if (module instanceof PythonModule) {
            return super.iter(in);
        }
        List<Object> children = new ArrayList<>();
        module.children().forEach(c -> children.add(of(c)));
        return new PyList(children).iter(in);
    }

    /** What {@code load_state_dict} returns: {@code <All keys matched successfully>} or the key lists. */
    record IncompatibleKeysObject(Module.IncompatibleKeys keys) implements dev.optimlab.pylite.runtime.PyObject {
        static final PyType KEYS = PyType.hostClass("_IncompatibleKeys", null, "torch.nn.modules.module");

        @Override
        public PyType pyType() {
            return KEYS;
        }

        @Override
        public Object getAttr(Interpreter in, String name) {
            return switch (name) {
                case "missing_keys" -> Host.toPython(keys.missingKeys());
                case "unexpected_keys" -> Host.toPython(keys.unexpectedKeys());
                default -> null;
            };
        }

        @Override
        public String repr(Interpreter in) {
            if (keys.missingKeys().isEmpty() && keys.unexpectedKeys().isEmpty()) {
                return "<All keys matched successfully>";
            }
            return "_IncompatibleKeys(missing_keys=" + Ops.repr(in, Host.toPython(keys.missingKeys()))
                    + ", unexpected_keys=" + Ops.repr(in, Host.toPython(keys.unexpectedKeys())) + ")";
        }
    }
}
