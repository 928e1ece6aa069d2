package dev.optimlab.pylite.runtime;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The builtins module: the table of functions, types and exception classes, with the small functions written
 * in place; mirrors CPython's Python/bltinmodule.c. The larger ones live by family in {@link NumberBuiltins},
 * {@link IterationBuiltins} and {@link ConversionBuiltins} (the types' constructors). The table is shared and
 * frozen: programs may shadow a name with their own variable but cannot change the builtin itself.
 */
public final class Builtins {
    private Builtins() {
    }

    /** The {@code super} type; the evaluator handles its zero-argument form. */
    static final PyType SUPER = PyType.SUPER;

    private static final Map<String, Object> TABLE;

    static {
        Methods.install();
        ConversionBuiltins.installConstructors();
        Map<String, Object> t = new HashMap<>();
        for (PyType type : new PyType[] {PyType.INT, PyType.FLOAT, PyType.STR, PyType.BOOL, PyType.LIST, PyType.TUPLE,
                PyType.DICT, PyType.SET, PyType.RANGE, PyType.SLICE, PyType.TYPE, PyType.OBJECT, PyType.PROPERTY,
                PyType.STATICMETHOD, PyType.CLASSMETHOD, PyType.SUPER, PyType.BASE_EXCEPTION, PyType.EXCEPTION,
                PyType.SYSTEM_EXIT, PyType.KEYBOARD_INTERRUPT, PyType.GENERATOR_EXIT, PyType.STOP_ITERATION,
                PyType.ARITHMETIC_ERROR, PyType.OVERFLOW_ERROR, PyType.ZERO_DIVISION_ERROR, PyType.ASSERTION_ERROR,
                PyType.ATTRIBUTE_ERROR, PyType.IMPORT_ERROR, PyType.MODULE_NOT_FOUND_ERROR, PyType.LOOKUP_ERROR,
                PyType.INDEX_ERROR, PyType.KEY_ERROR, PyType.NAME_ERROR, PyType.UNBOUND_LOCAL_ERROR,
                PyType.RUNTIME_ERROR, PyType.NOT_IMPLEMENTED_ERROR, PyType.RECURSION_ERROR, PyType.TYPE_ERROR,
                PyType.VALUE_ERROR, PyType.UNICODE_ERROR, PyType.WARNING, PyType.USER_WARNING,
                PyType.DEPRECATION_WARNING, PyType.RUNTIME_WARNING, PyType.FUTURE_WARNING, PyType.SYNTAX_ERROR, PyType.INDENTATION_ERROR}) {
            t.put(type.name(), type);
        }
        t.put("None", Py.NONE);
        t.put("NotImplemented", Py.NOT_IMPLEMENTED);
        t.put("Ellipsis", Py.ELLIPSIS);
        fn(t, "print", Builtins::print);
        fn(t, "len", (in, a, k) -> {
            Args.noKeywords("len", k);
            Args.exactly("len", a, 1);
            return Ops.len(in, a[0]);
        });
        fn(t, "repr", (in, a, k) -> {
            Args.exactly("repr", a, 1);
            return Ops.repr(in, a[0]);
        });
        fn(t, "ascii", (in, a, k) -> {
            Args.exactly("ascii", a, 1);
            return ascii(Ops.repr(in, a[0]));
        });
        fn(t, "format", (in, a, k) -> {
            Args.range("format", a, 1, 2);
            return Formatter.format(in, a[0], a.length > 1 ? Args.string("format() argument 2", a[1]) : "");
        });
        fn(t, "abs", NumberBuiltins::abs);
        fn(t, "round", NumberBuiltins::round);
        fn(t, "divmod", (in, a, k) -> {
            Args.exactly("divmod", a, 2);
            if (a[0] instanceof Double || a[1] instanceof Double) {
                double y = Ops.toDouble(a[1]);
                if (y == 0) {
                    throw PyException.zeroDivision("float divmod()");
                }
                double[] r = NumberOps.floorDivMod(Ops.toDouble(a[0]), y);
                return new PyTuple(r[0], r[1]);
            }
            return new PyTuple(Operators.binary(in, "//", a[0], a[1]), Operators.binary(in, "%", a[0], a[1]));
        });
        fn(t, "pow", NumberBuiltins::pow);
        fn(t, "min", (in, a, k) -> IterationBuiltins.minMax(in, "min", a, k, -1));
        fn(t, "max", (in, a, k) -> IterationBuiltins.minMax(in, "max", a, k, 1));
        fn(t, "sum", IterationBuiltins::sum);
        fn(t, "sorted", (in, a, k) -> {
            Args.onlyKeywords("sorted", k, "key", "reverse");
            if (a.length != 1) {
                throw PyException.typeError("sorted expected 1 argument, got " + a.length);
            }
            PyList out = new PyList(Ops.toList(in, a[0]));
            IterationBuiltins.sort(in, out.items(), Args.keyword(k, "key", Py.NONE),
                    Ops.index(Args.keyword(k, "reverse", false)) != 0);
            return out;
        });
        fn(t, "reversed", IterationBuiltins::reversed);
        fn(t, "enumerate", IterationBuiltins::enumerate);
        fn(t, "zip", IterationBuiltins::zip);
        fn(t, "map", IterationBuiltins::map);
        fn(t, "filter", IterationBuiltins::filter);
        fn(t, "any", (in, a, k) -> {
            Args.exactly("any", a, 1);
            PyIterator it = Ops.iter(in, a[0]);
            for (Object v = it.next(in); v != null; v = it.next(in)) {
                in.budget().step();
                if (Ops.truthy(in, v)) {
                    return true;
                }
            }
            return false;
        });
        fn(t, "all", (in, a, k) -> {
            Args.exactly("all", a, 1);
            PyIterator it = Ops.iter(in, a[0]);
            for (Object v = it.next(in); v != null; v = it.next(in)) {
                in.budget().step();
                if (!Ops.truthy(in, v)) {
                    return false;
                }
            }
            return true;
        });
        fn(t, "isinstance", (in, a, k) -> {
            Args.exactly("isinstance", a, 2);
            return isInstance(Py.typeOf(a[0]), a[1], "isinstance");
        });
        fn(t, "issubclass", (in, a, k) -> {
            Args.exactly("issubclass", a, 2);
            if (!(a[0] instanceof PyType sub)) {
                throw PyException.typeError("issubclass() arg 1 must be a class");
            }
            return isInstance(sub, a[1], "issubclass");
        });
        fn(t, "hasattr", (in, a, k) -> {
            Args.exactly("hasattr", a, 2);
            try {
                return Ops.getAttrOrNull(in, a[0], Args.string("attribute name", a[1])) != null;
            } catch (PyException e) {
                if (e.value().type().isSubtypeOf(PyType.ATTRIBUTE_ERROR)) {
                    return false;
                }
                throw e;
            }
        });
        fn(t, "getattr", (in, a, k) -> {
            Args.range("getattr", a, 2, 3);
            String name = Args.string("attribute name", a[1]);
            Object v;
            try {
                v = Ops.getAttrOrNull(in, a[0], name);
            } catch (PyException e) {
                if (a.length == 3 && e.value().type().isSubtypeOf(PyType.ATTRIBUTE_ERROR)) {
                    return a[2];
                }
                throw e;
            }
            if (v == null) {
                if (a.length == 3) {
                    return a[2];
                }
                throw Ops.noAttribute(a[0], name);
            }
            return v;
        });
        fn(t, "setattr", (in, a, k) -> {
            Args.exactly("setattr", a, 3);
            in.setAttribute(a[0], Args.string("attribute name", a[1]), a[2]);
            return Py.NONE;
        });
        fn(t, "iter", (in, a, k) -> {
            Args.exactly("iter", a, 1);
            return Ops.iter(in, a[0]);
        });
        fn(t, "next", (in, a, k) -> {
            Args.range("next", a, 1, 2);
            if (!(a[0] instanceof PyIterator it)) {
                throw PyException.typeError("'" + Py.typeName(a[0]) + "' object is not an iterator");
            }
            Object v = it.next(in);
            if (v == null) {
                if (a.length == 2) {
                    return a[1];
                }
                throw it instanceof PyGenerator g ? g.stopIteration()
                        : new PyException(PyBaseException.create(PyType.STOP_ITERATION, new Object[0]));
            }
            return v;
        });
        fn(t, "callable", (in, a, k) -> {
            Args.exactly("callable", a, 1);
            Object o = a[0];
            return o instanceof PyFunction || o instanceof PyBuiltinFunction || o instanceof PyType
                    || o instanceof PyBoundMethod || (o instanceof PyInstance i && i.pyType().lookup("__call__") != null);
        });
        fn(t, "hash", (in, a, k) -> {
            Args.exactly("hash", a, 1);
            return Ops.hash(in, a[0]);
        });
        fn(t, "chr", (in, a, k) -> {
            Args.exactly("chr", a, 1);
            long c = Ops.index(a[0]);
            if (c < 0 || c > 0x10FFFF) {
                throw PyException.valueError("chr() arg not in range(0x110000)");
            }
            return new String(Character.toChars((int) c));
        });
        fn(t, "ord", (in, a, k) -> {
            Args.exactly("ord", a, 1);
            if (!(a[0] instanceof String s)) {
                throw PyException.typeError("ord() expected string of length 1, but " + Py.typeName(a[0]) + " found");
            }
            if (s.codePointCount(0, s.length()) != 1) {
                throw PyException.typeError("ord() expected a character, but string of length "
                        + s.codePointCount(0, s.length()) + " found");
            }
            return (long) s.codePointAt(0);
        });
        fn(t, "bin", (in, a, k) -> Formatter.formatInt(Py.big(intArg(a, "bin")), "#b"));
        fn(t, "oct", (in, a, k) -> Formatter.formatInt(Py.big(intArg(a, "oct")), "#o"));
        fn(t, "hex", (in, a, k) -> Formatter.formatInt(Py.big(intArg(a, "hex")), "#x"));
        TABLE = Collections.unmodifiableMap(t);
    }

    /** The builtins every program sees; shared, read-only. */
    static Map<String, Object> table() {
        return TABLE;
    }

    private static void fn(Map<String, Object> t, String name, PyBuiltinFunction.Body body) {
        t.put(name, PyBuiltinFunction.function(name, body));
    }

    private static Object intArg(Object[] a, String name) {
        Args.exactly(name, a, 1);
        if (!Py.isInt(a[0])) {
            throw PyException.typeError("'" + Py.typeName(a[0]) + "' object cannot be interpreted as an integer");
        }
        return a[0];
    }

    static String ascii(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                sb.append(c);
            } else if (c < 256) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static Object print(Interpreter in, Object[] args, Map<String, Object> kwargs) {
        Args.onlyKeywords("print", kwargs, "sep", "end", "flush", "file");
        Object sepArg = Args.keyword(kwargs, "sep", Py.NONE);
        Object endArg = Args.keyword(kwargs, "end", Py.NONE);
        if (sepArg != Py.NONE && !(sepArg instanceof String)) {
            throw PyException.typeError("sep must be None or a string, not " + Py.typeName(sepArg));
        }
        if (endArg != Py.NONE && !(endArg instanceof String)) {
            throw PyException.typeError("end must be None or a string, not " + Py.typeName(endArg));
        }
        if (Args.keyword(kwargs, "file", Py.NONE) != Py.NONE) {
            throw PyException.typeError("print(file=...) is not supported in OptimLab");
        }
        String sep = sepArg == Py.NONE ? " " : (String) sepArg;
        String end = endArg == Py.NONE ? "\n" : (String) endArg;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Ops.str(in, args[i]));
        }
        sb.append(end);
        in.write(sb.toString());
        return Py.NONE;
    }

    private static boolean isInstance(PyType type, Object spec, String name) {
        if (spec instanceof PyTuple t) {
            for (Object o : t.items()) {
                if (isInstance(type, o, name)) {
                    return true;
                }
            }
            return false;
        }
        if (!(spec instanceof PyType cls)) {
            throw PyException.typeError(name + "() arg 2 must be a type, a tuple of types, or a union");
        }
        return type.isSubtypeOf(cls);
    }
}
