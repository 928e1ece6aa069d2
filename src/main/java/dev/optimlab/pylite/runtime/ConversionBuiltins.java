package dev.optimlab.pylite.runtime;

import java.math.BigInteger;
import java.util.Map;

/**
 * The constructors of the built-in types, int(), float(), str(), bool(), list(), tuple(), set(), dict(),
 * range(), slice(), type(), object(), property(), staticmethod(), classmethod() and super(), with CPython's
 * parsing of int and float text; mirrors the tp_new slots (long_new, float_new, ...) of CPython's Objects/.
 */
final class ConversionBuiltins {
    private ConversionBuiltins() {
    }

    static void installConstructors() {
        PyType.INT.setConstructor(ConversionBuiltins::newInt);
        PyType.FLOAT.setConstructor((in, cls, a, k) -> {
            Args.noKeywords("float", k);
            Args.range("float", a, 0, 1);
            return a.length == 0 ? 0.0 : toFloat(a[0]);
        });
        PyType.STR.setConstructor((in, cls, a, k) -> {
            Args.range("str", a, 0, 1);
            return a.length == 0 ? "" : Ops.str(in, a[0]);
        });
        PyType.BOOL.setConstructor((in, cls, a, k) -> {
            Args.range("bool", a, 0, 1);
            return a.length != 0 && Ops.truthy(in, a[0]);
        });
        PyType.LIST.setConstructor((in, cls, a, k) -> {
            Args.noKeywords("list", k);
            Args.range("list", a, 0, 1);
            return a.length == 0 ? new PyList() : new PyList(Ops.toList(in, a[0]));
        });
        PyType.TUPLE.setConstructor((in, cls, a, k) -> {
            Args.range("tuple", a, 0, 1);
            return a.length == 0 ? PyTuple.EMPTY : a[0] instanceof PyTuple t ? t : new PyTuple(Ops.toList(in, a[0]).toArray());
        });
        PyType.SET.setConstructor((in, cls, a, k) -> {
            Args.range("set", a, 0, 1);
            PySet s = new PySet();
            if (a.length > 0) {
                s.update(in, a[0]);
            }
            return s;
        });
        PyType.DICT.setConstructor((in, cls, a, k) -> {
            Args.range("dict", a, 0, 1);
            PyDict d = new PyDict();
            if (a.length > 0) {
                DictMethods.update(in, d, a[0]);
            }
            if (k != null) {
                for (Map.Entry<String, Object> e : k.entrySet()) {
                    d.setItem(in, e.getKey(), e.getValue());
                }
            }
            return d;
        });
        PyType.RANGE.setConstructor((in, cls, a, k) -> {
            Args.noKeywords("range", k);
            Args.range("range", a, 1, 3);
            long start = 0;
            long step = 1;
            long stop;
            if (a.length == 1) {
                stop = Ops.index(a[0]);
            } else {
                start = Ops.index(a[0]);
                stop = Ops.index(a[1]);
                if (a.length == 3) {
                    step = Ops.index(a[2]);
                    if (step == 0) {
                        throw PyException.valueError("range() arg 3 must not be zero");
                    }
                }
            }
            return new PyRange(start, stop, step);
        });
        PyType.SLICE.setConstructor((in, cls, a, k) -> {
            Args.range("slice", a, 1, 3);
            return a.length == 1 ? new PySlice(Py.NONE, a[0], Py.NONE)
                    : new PySlice(a[0], a[1], a.length == 3 ? a[2] : Py.NONE);
        });
        PyType.TYPE.setConstructor((in, cls, a, k) -> {
            if (a.length != 1) {
                throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "type() with three arguments is not supported in"
                        + " OptimLab; use a class statement");
            }
            return Py.typeOf(a[0]);
        });
        PyType.OBJECT.setConstructor((in, cls, a, k) -> {
            if (a.length > 0) {
                throw PyException.typeError("object() takes no arguments");
            }
            return new PyInstance(PyType.OBJECT);
        });
        PyType.PROPERTY.setConstructor((in, cls, a, k) -> new PyProperty(a.length > 0 ? a[0] : Args.keyword(k, "fget",
                Py.NONE), a.length > 1 ? a[1] : Args.keyword(k, "fset", Py.NONE)));
        PyType.STATICMETHOD.setConstructor((in, cls, a, k) -> {
            Args.exactly("staticmethod", a, 1);
            return new PyStaticMethod(a[0]);
        });
        PyType.CLASSMETHOD.setConstructor((in, cls, a, k) -> {
            Args.exactly("classmethod", a, 1);
            return new PyClassMethod(a[0]);
        });
        PyType.SUPER.setConstructor((in, cls, a, k) -> {
            if (a.length != 2 || !(a[0] instanceof PyType start)) {
                throw PyException.of(PyType.RUNTIME_ERROR, "super(): no arguments");
            }
            return new PySuper(start, a[1]);
        });
    }

    private static Object newInt(Interpreter in, PyType cls, Object[] a, Map<String, Object> k) {
        Args.onlyKeywords("int", k, "base");
        Object baseArg = a.length > 1 ? a[1] : Args.keyword(k, "base", null);
        if (a.length > 2) {
            throw PyException.typeError("int() takes at most 2 arguments (" + a.length + " given)");
        }
        if (a.length == 0) {
            if (baseArg != null) {
                throw PyException.typeError("int() missing string argument");
            }
            return 0L;
        }
        Object x = a[0];
        if (baseArg != null) {
            if (!(x instanceof String s)) {
                throw PyException.typeError("int() can't convert non-string with explicit base");
            }
            return parseInt(s, (int) Ops.index(baseArg));
        }
        if (x instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (Py.isInt(x)) {
            return x;
        }
        if (x instanceof Double d) {
            return Ops.floatToInt(d);
        }
        if (x instanceof String s) {
            return parseInt(s, 10);
        }
        if (x instanceof PyInstance inst) {
            for (String m : new String[] {"__int__", "__index__"}) {
                if (inst.pyType().lookup(m) != null) {
                    return inst.special(in, m);
                }
            }
        }
        throw PyException.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + Py.typeName(x) + "'");
    }

    static Object parseInt(String original, int base) {
        if (base != 0 && (base < 2 || base > 36)) {
            throw PyException.valueError("int() base must be >= 2 and <= 36, or 0");
        }
        String s = original.strip();
        String error = "invalid literal for int() with base " + base + ": " + Ops.strRepr(original);
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        String lower = s.toLowerCase();
        int detected = base;
        if (lower.length() > 1 && lower.charAt(0) == '0' && "xob".indexOf(lower.charAt(1)) >= 0) {
            int prefixBase = lower.charAt(1) == 'x' ? 16 : lower.charAt(1) == 'o' ? 8 : 2;
            if (base == 0 || base == prefixBase) {
                detected = prefixBase;
                s = s.substring(2);
                if (s.startsWith("_")) {
                    s = s.substring(1);
                }
            }
        }
        if (detected == 0) {
            detected = 10;
            if (s.length() > 1 && s.charAt(0) == '0' && !s.replace("_", "").matches("0+")) {
                throw PyException.valueError(error);
            }
        }
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            throw PyException.valueError(error);
        }
        String digits = s.replace("_", "");
        if (detected == 10 && digits.length() > 4300) {
            throw PyException.valueError("Exceeds the limit (4300 digits) for integer string conversion: value has "
                    + digits.length() + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        try {
            BigInteger v = new BigInteger(digits, detected);
            if (digits.startsWith("-") || digits.startsWith("+")) {
                throw PyException.valueError(error);
            }
            return Py.normalize(negative ? v.negate() : v);
        } catch (NumberFormatException e) {
            throw PyException.valueError(error);
        }
    }

    private static final java.util.regex.Pattern FLOAT_TEXT = java.util.regex.Pattern.compile(
            "[+-]?(\\d(_?\\d)*(\\.(\\d(_?\\d)*)?)?|\\.\\d(_?\\d)*)([eE][+-]?\\d(_?\\d)*)?");

    static double toFloat(Object x) {
        if (x instanceof String s) {
            String t = s.strip();
            String lower = t.toLowerCase();
            String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
            if (unsigned.equals("inf") || unsigned.equals("infinity")) {
                return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (unsigned.equals("nan")) {
                return Double.NaN;
            }
            if (!FLOAT_TEXT.matcher(t).matches()) {
                throw PyException.valueError("could not convert string to float: " + Ops.strRepr(s));
            }
            return Double.parseDouble(t.replace("_", ""));
        }
        if (x instanceof PyInstance inst && inst.pyType().lookup("__float__") == null) {
            throw PyException.typeError("float() argument must be a string or a real number, not '"
                    + Py.typeName(x) + "'");
        }
        if (!(Ops.isNumber(x) || x instanceof PyInstance)) {
            throw PyException.typeError("float() argument must be a string or a real number, not '"
                    + Py.typeName(x) + "'");
        }
        return Ops.toDouble(x);
    }
}
