package dev.optimlab.pylite.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The builtins module: functions, types and exception classes; mirrors CPython's Python/bltinmodule.c.
 * The table is shared and frozen: programs may shadow a name with their own variable but cannot change
 * the builtin itself.
 */
public final class Builtins {
    private Builtins() {
    }

    /** The {@code super} type; the evaluator handles its zero-argument form. */
    static final PyType SUPER = PyType.SUPER;

    private static final Map<String, Object> TABLE;

    static {
        Methods.install();
        installConstructors();
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
        fn(t, "abs", Builtins::abs);
        fn(t, "round", Builtins::round);
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
        fn(t, "pow", Builtins::pow);
        fn(t, "min", (in, a, k) -> minMax(in, "min", a, k, -1));
        fn(t, "max", (in, a, k) -> minMax(in, "max", a, k, 1));
        fn(t, "sum", Builtins::sum);
        fn(t, "sorted", (in, a, k) -> {
            Args.onlyKeywords("sorted", k, "key", "reverse");
            if (a.length != 1) {
                throw PyException.typeError("sorted expected 1 argument, got " + a.length);
            }
            PyList out = new PyList(Ops.toList(in, a[0]));
            sort(in, out.items(), Args.keyword(k, "key", Py.NONE), Ops.index(Args.keyword(k, "reverse", false)) != 0);
            return out;
        });
        fn(t, "reversed", Builtins::reversed);
        fn(t, "enumerate", Builtins::enumerate);
        fn(t, "zip", Builtins::zip);
        fn(t, "map", Builtins::map);
        fn(t, "filter", Builtins::filter);
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

    private static Object abs(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.exactly("abs", a, 1);
        Object v = a[0];
        if (v instanceof Long l) {
            return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : (Object) Math.abs(l);
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof Double d) {
            return Math.abs(d);
        }
        if (v instanceof BigInteger b) {
            return b.abs();
        }
        if (v instanceof PyObject p) {
            Object r = p.unaryOp(in, "__abs__");
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        throw PyException.typeError("bad operand type for abs(): '" + Py.typeName(v) + "'");
    }

    private static Object round(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.onlyKeywords("round", k, "ndigits");
        Object x = a.length > 0 ? a[0] : Args.keyword(k, "number", null);
        Object nd = a.length > 1 ? a[1] : Args.keyword(k, "ndigits", Py.NONE);
        if (x == null) {
            throw PyException.typeError("round() missing required argument 'number' (pos 1)");
        }
        if (Py.isInt(x)) {
            if (nd == Py.NONE || Ops.index(nd) >= 0) {
                return x instanceof Boolean b ? (b ? 1L : 0L) : x;
            }
            BigDecimal r = new BigDecimal(Py.big(x)).setScale((int) Ops.index(nd), RoundingMode.HALF_EVEN);
            return Py.normalize(r.toBigInteger());
        }
        if (x instanceof Double d) {
            if (nd == Py.NONE) {
                return Ops.floatToInt(Math.rint(d));
            }
            long n = Ops.index(nd);
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0 || n > 400) {
                return d;
            }
            if (n < -400) {
                return Math.copySign(0.0, d);
            }
            double r = new BigDecimal(d).setScale((int) n, RoundingMode.HALF_EVEN).doubleValue();
            if (Double.isInfinite(r)) {
                throw PyException.overflow("rounded value too large to represent");
            }
            return r == 0 ? Math.copySign(0.0, d) : r;
        }
        if (x instanceof PyInstance inst && inst.pyType().lookup("__round__") != null) {
            return in.call(inst.getAttr(in, "__round__"), nd == Py.NONE ? new Object[0] : new Object[] {nd}, null);
        }
        throw PyException.typeError("type " + Py.typeName(x) + " doesn't define __round__ method");
    }

    private static Object pow(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.range("pow", a, 2, 3);
        if (a.length == 2 || a[2] == Py.NONE) {
            return Operators.binary(in, "**", a[0], a[1]);
        }
        if (!Py.isInt(a[0]) || !Py.isInt(a[1]) || !Py.isInt(a[2])) {
            throw PyException.typeError("pow() 3rd argument not allowed unless all arguments are integers");
        }
        BigInteger mod = Py.big(a[2]);
        if (mod.signum() == 0) {
            throw PyException.valueError("pow() 3rd argument cannot be 0");
        }
        BigInteger base = Py.big(a[0]);
        BigInteger exp = Py.big(a[1]);
        BigInteger m = mod.abs();
        BigInteger r;
        if (exp.signum() < 0) {
            try {
                r = base.modInverse(m).modPow(exp.negate(), m);
            } catch (ArithmeticException e) {
                throw PyException.valueError("base is not invertible for the given modulus");
            }
        } else {
            r = base.modPow(exp, m);
        }
        if (mod.signum() < 0 && r.signum() != 0) {
            r = r.add(mod);
        }
        return Py.normalize(r);
    }

    private static Object minMax(Interpreter in, String name, Object[] a, Map<String, Object> k, int sign) {
        Args.onlyKeywords(name, k, "key", "default");
        Object key = Args.keyword(k, "key", Py.NONE);
        Object dflt = Args.keyword(k, "default", null);
        List<Object> items;
        if (a.length == 0) {
            throw PyException.typeError(name + " expected at least 1 argument, got 0");
        }
        if (a.length == 1) {
            items = Ops.toList(in, a[0]);
        } else {
            if (dflt != null) {
                throw PyException.typeError("Cannot specify a default for " + name + "() with multiple positional"
                        + " arguments");
            }
            items = List.of(a);
        }
        if (items.isEmpty()) {
            if (dflt != null) {
                return dflt;
            }
            throw PyException.valueError(name + "() arg is an empty sequence");
        }
        Object best = items.get(0);
        Object bestKey = key == Py.NONE ? best : in.call(key, new Object[] {best}, null);
        for (int i = 1; i < items.size(); i++) {
            Object v = items.get(i);
            Object vk = key == Py.NONE ? v : in.call(key, new Object[] {v}, null);
            boolean better = sign < 0 ? Comparisons.lessThan(in, vk, bestKey) : Comparisons.lessThan(in, bestKey, vk);
            if (better) {
                best = v;
                bestKey = vk;
            }
        }
        return best;
    }

    private static Object sum(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.onlyKeywords("sum", k, "start");
        Args.range("sum", a, 1, 2);
        Object total = a.length > 1 ? a[1] : Args.keyword(k, "start", 0L);
        if (total instanceof String) {
            throw PyException.typeError("sum() can't sum strings [use ''.join(seq) instead]");
        }
        PyIterator it = Ops.iter(in, a[0]);
        for (Object v = it.next(in); v != null; v = it.next(in)) {
            in.budget().step();
            total = Operators.binary(in, "+", total, v);
        }
        return total;
    }

    /** list.sort and sorted(): a stable merge sort using only {@code <}; reverse keeps stability as CPython's does. */
    static void sort(Interpreter in, List<Object> items, Object key, boolean reverse) {
        List<Object> work = new ArrayList<>(items);
        if (reverse) {
            Collections.reverse(work);
        }
        int n = work.size();
        Object[] keys = new Object[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key == Py.NONE ? work.get(i) : in.call(key, new Object[] {work.get(i)}, null);
            order[i] = i;
        }
        if (n <= 64) {
            binarySort(in, keys, order, n);
        } else {
            mergeSort(in, keys, order, new Integer[n], 0, n);
        }
        List<Object> sorted = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sorted.add(work.get(order[i]));
        }
        if (reverse) {
            Collections.reverse(sorted);
        }
        items.clear();
        items.addAll(sorted);
    }

    /** CPython's timsort on a short list: count_run, reverse a descending run, then binary insertion. */
    private static void binarySort(Interpreter in, Object[] keys, Integer[] order, int n) {
        if (n < 2) {
            return;
        }
        int run = 2;
        if (Comparisons.lessThan(in, keys[order[1]], keys[order[0]])) {
            while (run < n && Comparisons.lessThan(in, keys[order[run]], keys[order[run - 1]])) {
                run++;
            }
            java.util.Collections.reverse(java.util.Arrays.asList(order).subList(0, run));
        } else {
            while (run < n && !Comparisons.lessThan(in, keys[order[run]], keys[order[run - 1]])) {
                run++;
            }
        }
        for (int start = run; start < n; start++) {
            Integer pivot = order[start];
            int l = 0;
            int r = start;
            while (l < r) {
                int p = l + ((r - l) >> 1);
                in.budget().step();
                if (Comparisons.lessThan(in, keys[pivot], keys[order[p]])) {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            System.arraycopy(order, l, order, l + 1, start - l);
            order[l] = pivot;
        }
    }

    private static void mergeSort(Interpreter in, Object[] keys, Integer[] order, Integer[] buf, int lo, int hi) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(in, keys, order, buf, lo, mid);
        mergeSort(in, keys, order, buf, mid, hi);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            in.budget().step();
            if (Comparisons.lessThan(in, keys[order[j]], keys[order[i]])) {
                buf[k++] = order[j++];
            } else {
                buf[k++] = order[i++];
            }
        }
        while (i < mid) {
            buf[k++] = order[i++];
        }
        while (j < hi) {
            buf[k++] = order[j++];
        }
        System.arraycopy(buf, lo, order, lo, hi - lo);
    }

    private static Object reversed(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.exactly("reversed", a, 1);
        Object seq = a[0];
        if (seq instanceof PyRange r) {
            long n = r.length();
            return new PyRange(r.start() + (n - 1) * r.step(), r.start() - r.step(), -r.step()).iter(in);
        }
        if (seq instanceof PyDict d) {
            List<Object> keys = new ArrayList<>();
            for (Key key : d.map().keySet()) {
                keys.add(key.value());
            }
            Collections.reverse(keys);
            return new Sequences.ListIterator(keys);
        }
        if (seq instanceof PySet || seq instanceof PyIterator
                || !(seq instanceof String || seq instanceof PyList || seq instanceof PyTuple || seq instanceof PyInstance)) {
            throw PyException.typeError("'" + Py.typeName(seq) + "' object is not reversible");
        }
        List<Object> items = Ops.toList(in, seq);
        Collections.reverse(items);
        return new Sequences.ListIterator(items);
    }

    private static Object enumerate(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.onlyKeywords("enumerate", k, "start");
        Args.range("enumerate", a, 1, 2);
        PyIterator it = Ops.iter(in, a[0]);
        Object start = a.length > 1 ? a[1] : Args.keyword(k, "start", 0L);
        if (!Py.isInt(start)) {
            throw PyException.typeError("'" + Py.typeName(start) + "' object cannot be interpreted as an integer");
        }
        return new PyIterator() {
            private Object count = start instanceof Boolean b ? (b ? 1L : 0L) : start;

            @Override
            public Object next(Interpreter in) {
                Object v = it.next(in);
                if (v == null) {
                    return null;
                }
                Object c = count;
                count = Operators.binary(in, "+", count, 1L);
                return new PyTuple(c, v);
            }

            @Override
            public String repr(Interpreter in) {
                return "<enumerate object at " + in.fakeAddress(this) + ">";
            }
        };
    }

    private static Object zip(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.onlyKeywords("zip", k, "strict");
        PyIterator[] its = new PyIterator[a.length];
        for (int i = 0; i < a.length; i++) {
            its[i] = Ops.iter(in, a[i]);
        }
        return new PyIterator() {
            @Override
            public Object next(Interpreter in) {
                if (its.length == 0) {
                    return null;
                }
                Object[] row = new Object[its.length];
                for (int i = 0; i < its.length; i++) {
                    row[i] = its[i].next(in);
                    if (row[i] == null) {
                        return null;
                    }
                }
                return new PyTuple(row);
            }

            @Override
            public String repr(Interpreter in) {
                return "<zip object at " + in.fakeAddress(this) + ">";
            }
        };
    }

    private static Object map(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.noKeywords("map", k);
        if (a.length < 2) {
            throw PyException.typeError("map() must have at least two arguments.");
        }
        Object fn = a[0];
        PyIterator[] its = new PyIterator[a.length - 1];
        for (int i = 1; i < a.length; i++) {
            its[i - 1] = Ops.iter(in, a[i]);
        }
        return new PyIterator() {
            @Override
            public Object next(Interpreter in) {
                Object[] row = new Object[its.length];
                for (int i = 0; i < its.length; i++) {
                    row[i] = its[i].next(in);
                    if (row[i] == null) {
                        return null;
                    }
                }
                return in.call(fn, row, null);
            }

            @Override
            public String repr(Interpreter in) {
                return "<map object at " + in.fakeAddress(this) + ">";
            }
        };
    }

    private static Object filter(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.noKeywords("filter", k);
        if (a.length != 2) {
            throw PyException.typeError("filter expected 2 arguments, got " + a.length);
        }
        Object fn = a[0];
        PyIterator it = Ops.iter(in, a[1]);
        return new PyIterator() {
            @Override
            public Object next(Interpreter in) {
                for (Object v = it.next(in); v != null; v = it.next(in)) {
                    in.budget().step();
                    Object test = fn == Py.NONE ? v : in.call(fn, new Object[] {v}, null);
                    if (Ops.truthy(in, test)) {
                        return v;
                    }
                }
                return null;
            }

            @Override
            public String repr(Interpreter in) {
                return "<filter object at " + in.fakeAddress(this) + ">";
            }
        };
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

    // ---- constructors of the built-in types

    private static void installConstructors() {
        PyType.INT.setConstructor(Builtins::newInt);
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
