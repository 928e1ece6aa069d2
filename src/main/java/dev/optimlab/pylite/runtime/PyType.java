package dev.optimlab.pylite.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A class: built-in ({@code int}, {@code list}, {@code ValueError}) or defined by the program with
 * {@code class}. Mirrors CPython's {@code PyTypeObject} restricted to single inheritance, so the MRO is
 * the chain of bases.
 */
public final class PyType implements PyObject {
    /** Makes the value {@code cls(*args, **kwargs)} for a built-in type. */
    @FunctionalInterface
    public interface Constructor {
        Object construct(Interpreter in, PyType cls, Object[] args, Map<String, Object> kwargs);
    }

    /** Makes a fresh, uninitialised instance for classes that derive from a host class (e.g. nn.Module). */
    @FunctionalInterface
    public interface InstanceFactory {
        PyInstance create(PyType cls);
    }

    public static final PyType OBJECT = new PyType("object", null, true);
    public static final PyType TYPE = builtin("type");
    public static final PyType INT = builtin("int");
    public static final PyType BOOL = new PyType("bool", INT, true);
    public static final PyType FLOAT = builtin("float");
    public static final PyType STR = builtin("str");
    public static final PyType LIST = builtin("list");
    public static final PyType TUPLE = builtin("tuple");
    public static final PyType DICT = builtin("dict");
    public static final PyType SET = builtin("set");
    public static final PyType RANGE = builtin("range");
    public static final PyType SLICE = builtin("slice");
    public static final PyType NONE_TYPE = builtin("NoneType");
    public static final PyType NOT_IMPLEMENTED_TYPE = builtin("NotImplementedType");
    public static final PyType ELLIPSIS_TYPE = builtin("ellipsis");
    public static final PyType FUNCTION = builtin("function");
    public static final PyType BUILTIN_FUNCTION = builtin("builtin_function_or_method");
    public static final PyType METHOD = builtin("method");
    public static final PyType MODULE = builtin("module");
    public static final PyType GENERATOR = builtin("generator");
    public static final PyType ITERATOR = builtin("iterator");
    public static final PyType DICT_KEYS = builtin("dict_keys");
    public static final PyType DICT_VALUES = builtin("dict_values");
    public static final PyType DICT_ITEMS = builtin("dict_items");
    public static final PyType PROPERTY = builtin("property");
    public static final PyType STATICMETHOD = builtin("staticmethod");
    public static final PyType CLASSMETHOD = builtin("classmethod");
    public static final PyType SUPER = builtin("super");

    public static final PyType BASE_EXCEPTION = new PyType("BaseException", OBJECT, true);
    public static final PyType SYSTEM_EXIT = exception("SystemExit", BASE_EXCEPTION);
    public static final PyType KEYBOARD_INTERRUPT = exception("KeyboardInterrupt", BASE_EXCEPTION);
    public static final PyType GENERATOR_EXIT = exception("GeneratorExit", BASE_EXCEPTION);
    public static final PyType EXCEPTION = exception("Exception", BASE_EXCEPTION);
    public static final PyType STOP_ITERATION = exception("StopIteration", EXCEPTION);
    public static final PyType ARITHMETIC_ERROR = exception("ArithmeticError", EXCEPTION);
    public static final PyType OVERFLOW_ERROR = exception("OverflowError", ARITHMETIC_ERROR);
    public static final PyType ZERO_DIVISION_ERROR = exception("ZeroDivisionError", ARITHMETIC_ERROR);
    public static final PyType ASSERTION_ERROR = exception("AssertionError", EXCEPTION);
    public static final PyType ATTRIBUTE_ERROR = exception("AttributeError", EXCEPTION);
    public static final PyType IMPORT_ERROR = exception("ImportError", EXCEPTION);
    public static final PyType MODULE_NOT_FOUND_ERROR = exception("ModuleNotFoundError", IMPORT_ERROR);
    public static final PyType LOOKUP_ERROR = exception("LookupError", EXCEPTION);
    public static final PyType INDEX_ERROR = exception("IndexError", LOOKUP_ERROR);
    public static final PyType KEY_ERROR = exception("KeyError", LOOKUP_ERROR);
    public static final PyType NAME_ERROR = exception("NameError", EXCEPTION);
    public static final PyType UNBOUND_LOCAL_ERROR = exception("UnboundLocalError", NAME_ERROR);
    public static final PyType RUNTIME_ERROR = exception("RuntimeError", EXCEPTION);
    public static final PyType NOT_IMPLEMENTED_ERROR = exception("NotImplementedError", RUNTIME_ERROR);
    public static final PyType RECURSION_ERROR = exception("RecursionError", RUNTIME_ERROR);
    public static final PyType TYPE_ERROR = exception("TypeError", EXCEPTION);
    public static final PyType VALUE_ERROR = exception("ValueError", EXCEPTION);
    public static final PyType UNICODE_ERROR = exception("UnicodeError", VALUE_ERROR);
    public static final PyType WARNING = exception("Warning", EXCEPTION);
    public static final PyType USER_WARNING = exception("UserWarning", WARNING);
    public static final PyType DEPRECATION_WARNING = exception("DeprecationWarning", WARNING);
    public static final PyType RUNTIME_WARNING = exception("RuntimeWarning", WARNING);
    public static final PyType FUTURE_WARNING = exception("FutureWarning", WARNING);
    public static final PyType SYNTAX_ERROR = exception("SyntaxError", EXCEPTION);
    public static final PyType INDENTATION_ERROR = exception("IndentationError", SYNTAX_ERROR);

    private final String name;
    private final PyType base;
    private final boolean builtin;
    private final Map<String, Object> dict = new LinkedHashMap<>();
    private String module = "builtins";
    private String qualname;
    private Constructor constructor;
    private InstanceFactory instanceFactory;

    private PyType(String name, PyType base, boolean builtin) {
        this.name = name;
        this.base = base;
        this.builtin = builtin;
        this.qualname = name;
    }

    private static PyType builtin(String name) {
        return new PyType(name, OBJECT, true);
    }

    private static PyType exception(String name, PyType base) {
        return new PyType(name, base, true);
    }

    /** A class made by a {@code class} statement (or by a host module, with its module name). */
    public static PyType userClass(String name, String qualname, PyType base, String module) {
        PyType t = new PyType(name, base, false);
        t.module = module;
        t.qualname = qualname;
        return t;
    }

    /** A built-in class supplied by a host module such as torch; {@code frozen} against learner patches. */
    public static PyType hostClass(String name, PyType base, String module) {
        PyType t = new PyType(name, base == null ? OBJECT : base, true);
        t.module = module;
        return t;
    }

    public String name() {
        return name;
    }

    public String qualname() {
        return qualname;
    }

    public String module() {
        return module;
    }

    public PyType base() {
        return base;
    }

    public boolean isBuiltin() {
        return builtin;
    }

    /** The class's own namespace (not its bases'). */
    public Map<String, Object> dict() {
        return dict;
    }

    public void setConstructor(Constructor constructor) {
        this.constructor = constructor;
    }

    public void setInstanceFactory(InstanceFactory factory) {
        this.instanceFactory = factory;
    }

    public boolean isSubtypeOf(PyType other) {
        for (PyType t = this; t != null; t = t.base) {
            if (t == other) {
                return true;
            }
        }
        return false;
    }

    /** Looks a name up along the MRO, without binding. */
    public Object lookup(String attr) {
        for (PyType t = this; t != null; t = t.base) {
            Object v = t.dict.get(attr);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Looks a name up along the MRO and binds it to {@code self} as attribute access on an instance does. */
    public Object lookupBound(Interpreter in, Object self, String attr) {
        Object v = lookup(attr);
        if (v == null) {
            return null;
        }
        return bind(in, v, self, this);
    }

    static Object bind(Interpreter in, Object v, Object self, PyType cls) {
        if (v instanceof PyFunction || (v instanceof PyBuiltinFunction b && b.isMethod())) {
            return new PyBoundMethod(self, v);
        }
        if (v instanceof PyProperty p) {
            return p.get(in, self);
        }
        if (v instanceof PyStaticMethod s) {
            return s.function();
        }
        if (v instanceof PyClassMethod c) {
            return new PyBoundMethod(cls, c.function());
        }
        return v;
    }

    @Override
    public PyType pyType() {
        return TYPE;
    }

    @Override
    public Object getAttr(Interpreter in, String attr) {
        switch (attr) {
            case "__name__": return name;
            case "__qualname__": return qualname;
            case "__module__": return module;
            case "__base__": return base == null ? Py.NONE : base;
            case "__bases__": return base == null ? new PyTuple() : new PyTuple(base);
            case "__mro__": {
                java.util.List<Object> mro = new java.util.ArrayList<>();
                for (PyType t = this; t != null; t = t.base) {
                    mro.add(t);
                }
                return new PyTuple(mro.toArray());
            }
            case "__doc__": return dict.getOrDefault("__doc__", Py.NONE);
            default: break;
        }
        if (Sandbox.isForbiddenAttribute(attr)) {
            return null;
        }
        Object v = lookup(attr);
        if (v instanceof PyClassMethod c) {
            return new PyBoundMethod(this, c.function());
        }
        if (v instanceof PyStaticMethod s) {
            return s.function();
        }
        return v;
    }

    @Override
    public boolean setAttr(Interpreter in, String attr, Object value) {
        if (builtin) {
            throw PyException.typeError("cannot set '" + attr + "' attribute of immutable type '" + name + "'");
        }
        dict.put(attr, value);
        return true;
    }

    @Override
    public boolean delAttr(Interpreter in, String attr) {
        if (builtin) {
            throw PyException.typeError("cannot delete '" + attr + "' attribute of immutable type '" + name + "'");
        }
        return dict.remove(attr) != null;
    }

    @Override
    public Object call(Interpreter in, Object[] args, Map<String, Object> kwargs) {
        if (constructor != null) {
            return constructor.construct(in, this, args, kwargs);
        }
        PyInstance obj = newInstance();
        if (obj instanceof PyBaseException e) {
            e.setArgs(args);
        }
        Object init = lookup("__init__");
        if (init != null && !(init instanceof PyBuiltinFunction)) {
            Object result = in.call(new PyBoundMethod(obj, init), args, kwargs);
            if (result != Py.NONE) {
                throw PyException.typeError("__init__() should return None, not '" + Py.typeName(result) + "'");
            }
        } else if (init instanceof PyBuiltinFunction b) {
            Object[] full = new Object[args.length + 1];
            full[0] = obj;
            System.arraycopy(args, 0, full, 1, args.length);
            b.call(in, full, kwargs);
        } else if (args.length > 0 || (kwargs != null && !kwargs.isEmpty())) {
            throw PyException.typeError(name + "() takes no arguments");
        }
        return obj;
    }

    private PyInstance newInstance() {
        for (PyType t = this; t != null; t = t.base) {
            if (t.instanceFactory != null) {
                return t.instanceFactory.create(this);
            }
            if (t == BASE_EXCEPTION) {
                return new PyBaseException(this);
            }
        }
        return new PyInstance(this);
    }

    @Override
    public String repr(Interpreter in) {
        return module.equals("builtins") ? "<class '" + name + "'>" : "<class '" + module + "." + qualname + "'>";
    }

    @Override
    public long pyHash(Interpreter in) {
        return System.identityHashCode(this);
    }
}
