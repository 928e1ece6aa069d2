package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyBuiltinFunction;
import dev.optimlab.pylite.runtime.PyDict;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyList;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyTuple;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between pylite values and the torch core's Java values, and PyTorch's argument binding;
 * the counterpart of the pybind11/PythonArgParser glue in {@code torch/csrc/utils/python_arg_parser.cpp}.
 */
final class Host {
    private Host() {
    }

    /** A Java body that may throw the core's TorchException. */
    @FunctionalInterface
    interface Body {
        Object call(Interpreter in, Object[] args, Map<String, Object> kwargs);
    }

    /** A module-level function whose torch errors become the same Python exceptions. */
    static PyBuiltinFunction function(String name, Body body) {
        // the try is inline, not through guarded(), so that a call allocates no Supplier
        return PyBuiltinFunction.function(name, (in, args, kwargs) -> {
            try {
                return body.call(in, args, kwargs);
            } catch (TorchException | dev.optimlab.torch.nn.AttributeError | dev.optimlab.torch.nn.KeyError e) {
                throw translated(e);
            }
        });
    }

    /** Runs core code, turning a TorchException into the Python exception PyTorch raises. */
    static <T> T guarded(java.util.function.Supplier<T> code) {
        try {
            return code.get();
        } catch (TorchException | dev.optimlab.torch.nn.AttributeError | dev.optimlab.torch.nn.KeyError e) {
            throw translated(e);
        }
    }

    /** The Python exception PyTorch raises for one of the core's exceptions. */
    private static PyException translated(RuntimeException error) {
        return switch (error) {
            // Python prints a KeyError's argument as its repr, quotes included
            case TorchException e when e.pythonType() == TorchException.PythonType.KeyError ->
                    PyException.keyError(e.getMessage());
            case TorchException e -> PyException.of(pythonType(e.pythonType()), e.getMessage());
            case dev.optimlab.torch.nn.AttributeError e -> PyException.attributeError(e.getMessage());
            case dev.optimlab.torch.nn.KeyError e -> PyException.of(PyType.KEY_ERROR, e.getMessage());
            default -> throw error;
        };
    }

    static PyType pythonType(TorchException.PythonType type) {
        return switch (type) {
            case RuntimeError -> PyType.RUNTIME_ERROR;
            case ValueError -> PyType.VALUE_ERROR;
            case TypeError -> PyType.TYPE_ERROR;
            case IndexError -> PyType.INDEX_ERROR;
            case KeyError -> PyType.KEY_ERROR;
            case NotImplementedError -> PyType.NOT_IMPLEMENTED_ERROR;
        };
    }

    /** Binds positional and keyword arguments to PyTorch's parameter names, refusing unknown keywords. */
    static Object[] bind(String function, Object[] args, Map<String, Object> kwargs, String... names) {
        if (args.length > names.length) {
            throw PyException.typeError(function + "() takes " + names.length + " positional argument"
                    + (names.length == 1 ? "" : "s") + " but " + args.length + " were given");
        }
        Object[] bound = new Object[names.length];
        System.arraycopy(args, 0, bound, 0, args.length);
        if (kwargs != null) {
            for (Map.Entry<String, Object> e : kwargs.entrySet()) {
                int at = indexOf(names, e.getKey());
                if (at < 0) {
                    throw PyException.typeError(function + "() got an unexpected keyword argument '" + e.getKey() + "'");
                }
                if (at < args.length) {
                    throw PyException.typeError(function + "() got multiple values for argument '" + e.getKey() + "'");
                }
                bound[at] = e.getValue();
            }
        }
        return bound;
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static boolean given(Object v) {
        return v != null && v != Py.NONE;
    }

    /** Python's value for a Java value from the core. */
    static Object toPython(Object v) {
        return switch (v) {
            case null -> Py.NONE;
            case Parameter p -> TensorObject.of(p);
            case Tensor t -> TensorObject.of(t);
            case Integer i -> (long) i;
            case Float f -> (double) f;
            case Double d -> d;
            case Long l -> l;
            case Boolean b -> b;
            case String s -> s;
            case dev.optimlab.torch.nn.Module m -> ModuleObject.of(m);
            case Map<?, ?> map -> {
                PyDict d = new PyDict();
                Interpreter in = Interpreter.current();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    d.put(in, toPython(e.getKey()), toPython(e.getValue()));
                }
                yield d;
            }
            case List<?> list -> {
                List<Object> items = new ArrayList<>();
                for (Object o : list) {
                    items.add(toPython(o));
                }
                yield new PyList(items);
            }
            case PyObject p -> p;
            default -> throw new IllegalStateException("no Python value for " + v.getClass().getSimpleName());
        };
    }

    /** A Java value for the core from a Python value: tensors unwrapped, containers to Java collections. */
    static Object toJava(Interpreter in, Object v) {
        if (v == Py.NONE || v == null) {
            return null;
        }
        if (v instanceof TensorObject t) {
            return t.tensor();
        }
        if (v instanceof ModuleObject m) {
            return m.module();
        }
        if (v instanceof PyList || v instanceof PyTuple) {
            List<Object> out = new ArrayList<>();
            for (Object o : Ops.toList(in, v)) {
                out.add(toJava(in, o));
            }
            return out;
        }
        if (v instanceof OrderedDictObject o) {
            return toJava(in, o.dict());
        }
        if (v instanceof PyDict d) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (var e : d.map().entrySet()) {
                out.put(toJava(in, e.getKey().value()), toJava(in, e.getValue()));
            }
            return out;
        }
        if (v instanceof PyObject p && !(v instanceof dev.optimlab.pylite.runtime.PyInstance)) {
            List<Object> out = new ArrayList<>();
            for (Object o : Ops.toList(in, p)) {
                out.add(toJava(in, o));
            }
            return out;
        }
        return v;
    }

    /** Keyword arguments as a Java map for the core's constructors. */
    static Map<String, Object> kwargsToJava(Interpreter in, Map<String, Object> kwargs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (kwargs != null) {
            kwargs.forEach((k, v) -> out.put(k, toJava(in, v)));
        }
        return out;
    }

    /** A tensor argument: a tensor as is, a Python number or nested list through {@code torch.tensor}. */
    static Tensor tensor(Interpreter in, Object v) {
        if (v instanceof TensorObject t) {
            return t.tensor();
        }
        if (v instanceof Double d) {
            return Torch.scalarTensor(d);
        }
        if (v instanceof Long l) {
            return Torch.scalarTensor(l);
        }
        if (v instanceof Boolean b) {
            return Torch.tensor(List.of(b)).reshape();
        }
        if (v instanceof PyList || v instanceof PyTuple) {
            return guarded(() -> Torch.tensor(toJava(in, v)));
        }
        throw PyException.typeError("expected Tensor as argument, but got " + Py.typeName(v));
    }

    /** A shape from {@code (2, 3)}, {@code [2, 3]}, {@code torch.Size} or varargs {@code 2, 3}. */
    static int[] shape(Interpreter in, Object[] args) {
        if (args.length == 1 && !(Py.isInt(args[0]))) {
            return ints(in, args[0]);
        }
        int[] out = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = (int) Ops.index(args[i]);
        }
        return out;
    }

    static int[] ints(Interpreter in, Object seq) {
        if (Py.isInt(seq)) {
            return new int[] {(int) Ops.index(seq)};
        }
        List<Object> items = Ops.toList(in, seq);
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) Ops.index(items.get(i));
        }
        return out;
    }

    static DType dtype(Object v) {
        if (!given(v)) {
            return null;
        }
        if (v instanceof DTypeObject d) {
            return d.dtype();
        }
        throw PyException.typeError("dtype must be torch.dtype, not " + Py.typeName(v));
    }

    static double toDouble(Object v) {
        if (v instanceof TensorObject t) {
            return guarded(t.tensor()::itemDouble);
        }
        return Ops.toDouble(v);
    }

    static boolean truthy(Interpreter in, Object v) {
        return Ops.truthy(in, v);
    }

    /** {@code torch.Size}: a tuple that prints as {@code torch.Size([2, 3])}. */
    static SizeObject size(int[] shape) {
        Object[] items = new Object[shape.length];
        for (int i = 0; i < shape.length; i++) {
            items[i] = (long) shape[i];
        }
        return new SizeObject(new PyTuple(items));
    }
}
