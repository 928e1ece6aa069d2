package dev.optimlab.pylite.runtime;

/**
 * Installs the methods of the built-in types: those of object, BaseException, int and float and the dunders
 * of the containers here, the others by type in {@link StrMethods}, {@link ListTupleMethods},
 * {@link DictMethods} and {@link SetMethods}; mirrors the method tables (tp_methods) of CPython's Objects/
 * for the methods learners use.
 */
final class Methods {
    private Methods() {
    }

    static void method(PyType type, String name, PyBuiltinFunction.Body body) {
        type.dict().put(name, PyBuiltinFunction.method(name, body));
    }

    /** A method that takes no arguments besides self, with CPython's error when given some. */
    static void method0(PyType type, String name, PyBuiltinFunction.Body body) {
        method(type, name, (in, a, k) -> {
            if (a.length != 1) {
                throw PyException.typeError(type.name() + "." + name + "() takes no arguments (" + (a.length - 1)
                        + " given)");
            }
            return body.call(in, a, k);
        });
    }

    static Object[] rest(Object[] a) {
        return java.util.Arrays.copyOfRange(a, 1, a.length);
    }

    static void install() {
        installObject();
        StrMethods.installStr();
        ListTupleMethods.installList();
        DictMethods.installDict();
        SetMethods.installSet();
        ListTupleMethods.installTuple();
        installNumbers();
        installOperatorMethods();
    }

    /** The dunder methods of built-in types, for code that calls them directly (key=lst.__getitem__). */
    private static void installOperatorMethods() {
        for (PyType t : new PyType[] {PyType.STR, PyType.LIST, PyType.TUPLE, PyType.DICT, PyType.RANGE}) {
            method(t, "__getitem__", (in, a, k) -> Ops.getItem(in, a[0], a[1]));
            method(t, "__len__", (in, a, k) -> Ops.len(in, a[0]));
            method(t, "__iter__", (in, a, k) -> Ops.iter(in, a[0]));
        }
        for (PyType t : new PyType[] {PyType.STR, PyType.LIST, PyType.TUPLE, PyType.DICT, PyType.SET}) {
            method(t, "__contains__", (in, a, k) -> Ops.contains(in, a[0], a[1]));
        }
        method(PyType.LIST, "__setitem__", (in, a, k) -> {
            Ops.setItem(in, a[0], a[1], a[2]);
            return Py.NONE;
        });
        method(PyType.DICT, "__setitem__", (in, a, k) -> {
            Ops.setItem(in, a[0], a[1], a[2]);
            return Py.NONE;
        });
        String[][] binary = {{"__add__", "+"}, {"__sub__", "-"}, {"__mul__", "*"}, {"__truediv__", "/"},
            {"__floordiv__", "//"}, {"__mod__", "%"}, {"__pow__", "**"}};
        for (PyType t : new PyType[] {PyType.INT, PyType.FLOAT}) {
            for (String[] op : binary) {
                method(t, op[0], (in, a, k) -> Operators.binary(in, op[1], a[0], a[1]));
            }
            method(t, "__neg__", (in, a, k) -> Operators.unary(in, "-", a[0]));
            method(t, "__abs__", (in, a, k) -> in.call(Builtins.table().get("abs"), new Object[] {a[0]}, null));
        }
        method(PyType.STR, "__add__", (in, a, k) -> Operators.binary(in, "+", a[0], a[1]));
        method(PyType.LIST, "__add__", (in, a, k) -> Operators.binary(in, "+", a[0], a[1]));
        String[][] comparisons = {{"__eq__", "=="}, {"__ne__", "!="}, {"__lt__", "<"}, {"__le__", "<="},
            {"__gt__", ">"}, {"__ge__", ">="}};
        for (PyType t : new PyType[] {PyType.INT, PyType.FLOAT, PyType.STR, PyType.LIST, PyType.TUPLE}) {
            for (String[] op : comparisons) {
                method(t, op[0], (in, a, k) -> Comparisons.compare(in, op[1], a[0], a[1]));
            }
        }
    }

    private static void installObject() {
        method(PyType.OBJECT, "__init__", (in, a, k) -> {
            if (a.length > 1 && a[0] instanceof PyInstance inst && !(inst instanceof PyBaseException)
                    && !inst.hasSpecial("__init__")) {
                throw PyException.typeError(inst.pyType().name() + "() takes no arguments");
            }
            return Py.NONE;
        });
        method(PyType.OBJECT, "__repr__", (in, a, k) -> a[0] instanceof PyInstance i
                ? "<" + (i.pyType().module().equals("builtins") ? "" : i.pyType().module() + ".") + i.pyType().qualname()
                + " object at " + in.fakeAddress(i) + ">" : Ops.repr(in, a[0]));
        method(PyType.OBJECT, "__str__", (in, a, k) -> Ops.str(in, a[0]));
        method(PyType.BASE_EXCEPTION, "__init__", (in, a, k) -> {
            ((PyBaseException) a[0]).setArgs(rest(a));
            return Py.NONE;
        });
        method(PyType.BASE_EXCEPTION, "with_traceback", (in, a, k) -> a[0]);
    }

    // ---- numbers

    private static void installNumbers() {
        method0(PyType.INT, "bit_length", (in, a, k) -> (long) Py.big(a[0]).abs().bitLength());
        method(PyType.INT, "conjugate", (in, a, k) -> a[0]);
        method(PyType.INT, "is_integer", (in, a, k) -> true);
        method0(PyType.FLOAT, "is_integer", (in, a, k) -> {
            double d = (Double) a[0];
            return !Double.isInfinite(d) && d == Math.rint(d);
        });
        method(PyType.FLOAT, "conjugate", (in, a, k) -> a[0]);
        method(PyType.FLOAT, "as_integer_ratio", (in, a, k) -> {
            double d = (Double) a[0];
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw Double.isNaN(d) ? PyException.valueError("cannot convert NaN to integer ratio")
                        : PyException.overflow("cannot convert Infinity to integer ratio");
            }
            java.math.BigDecimal b = new java.math.BigDecimal(d);
            java.math.BigInteger num = b.unscaledValue();
            java.math.BigInteger den = java.math.BigInteger.TEN.pow(Math.max(0, b.scale()));
            if (b.scale() < 0) {
                num = num.multiply(java.math.BigInteger.TEN.pow(-b.scale()));
            }
            java.math.BigInteger g = num.gcd(den);
            return new PyTuple(Py.normalize(num.divide(g)), Py.normalize(den.divide(g)));
        });
    }
}
