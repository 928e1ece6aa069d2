package dev.optimlab.pylite.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's abstract object protocol: truth, repr/str, equality and hashing, index and float conversion,
 * iteration, attribute and item access and membership for every value. Mirrors CPython's Objects/object.c
 * and Objects/abstract.c; the operators live in {@link Operators}, the comparisons in {@link Comparisons}
 * and int/float arithmetic in {@link NumberOps}.
 */
public final class Ops {
    private Ops() {
    }

    // ---- truth, text

    public static boolean truthy(Interpreter in, Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof Long l) {
            return l != 0;
        }
        if (o instanceof Double d) {
            return d != 0;
        }
        if (o instanceof String s) {
            return !s.isEmpty();
        }
        if (o instanceof BigInteger) {
            return true;
        }
        return ((PyObject) o).truthy(in);
    }

    public static String repr(Interpreter in, Object o) {
        if (o instanceof String s) {
            return strRepr(s);
        }
        if (o instanceof Long || o instanceof BigInteger) {
            return NumberOps.intToString(o);
        }
        if (o instanceof Double d) {
            return Formatter.floatRepr(d);
        }
        if (o instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return ((PyObject) o).repr(in);
    }

    public static String str(Interpreter in, Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof PyObject p) {
            return p.str(in);
        }
        return repr(in, o);
    }

    /** repr(str): single quotes unless the text has a single quote and no double quote, as unicode_repr. */
    public static String strRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == quote) {
                        sb.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else if (Character.isHighSurrogate(c) || Character.isLowSurrogate(c)) {
                        sb.append(c);
                    } else if (!isPrintable(c)) {
                        sb.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append(quote).toString();
    }

    private static boolean isPrintable(char c) {
        int type = Character.getType(c);
        return !(type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (type == Character.SPACE_SEPARATOR && c != ' '));
    }

    // ---- equality and hashing

    public static boolean eq(Interpreter in, Object a, Object b) {
        if (a == b) {
            return !(a instanceof Double d && d.isNaN());
        }
        if (a instanceof String s) {
            return s.equals(b);
        }
        if (isNumber(a) && isNumber(b)) {
            return Comparisons.numericCompare(a, b) == 0;
        }
        if (a instanceof PyObject p) {
            if (p.pyEquals(in, b)) {
                return true;
            }
            if (b instanceof PyInstance && !(a instanceof PyInstance)) {
                return ((PyObject) b).pyEquals(in, a);
            }
            return false;
        }
        if (b instanceof PyInstance pb) {
            return pb.pyEquals(in, a);
        }
        return false;
    }

    static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof Boolean || o instanceof BigInteger;
    }

    public static long hash(Interpreter in, Object o) {
        if (o instanceof String s) {
            return s.hashCode();
        }
        if (o instanceof Long l) {
            return NumberOps.hashLong(l);
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof Double d) {
            return NumberOps.hashDouble(d);
        }
        if (o instanceof BigInteger b) {
            long h = b.abs().mod(BigInteger.valueOf(NumberOps.HASH_MODULUS)).longValue();
            h = b.signum() < 0 ? -h : h;
            return h == -1 ? -2 : h;
        }
        return ((PyObject) o).pyHash(in);
    }


    // ---- conversions

    /** An int used as an index (operator.index), with CPython's errors. */
    public static long index(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof BigInteger) {
            throw PyException.of(PyType.INDEX_ERROR, "cannot fit 'int' into an index-sized integer");
        }
        if (o instanceof PyInstance inst && inst.pyType().lookup("__index__") != null) {
            return index(inst.special(Interpreter.current(), "__index__"));
        }
        throw PyException.typeError("'" + Py.typeName(o) + "' object cannot be interpreted as an integer");
    }

    public static double toDouble(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw PyException.overflow("int too large to convert to float");
            }
            return d;
        }
        if (o instanceof PyInstance inst && inst.pyType().lookup("__float__") != null) {
            return toDouble(inst.special(Interpreter.current(), "__float__"));
        }
        throw PyException.typeError("must be real number, not " + Py.typeName(o));
    }

    public static Object floatToInt(double d) {
        if (Double.isNaN(d)) {
            throw PyException.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw PyException.overflow("cannot convert float infinity to integer");
        }
        if (Math.abs(d) < 9.2e18) {
            return (long) d;
        }
        return Py.normalize(new BigDecimal(d).toBigInteger());
    }

    /** Materialises any iterable into a Java list (used by unpacking, list(), sorted(), ...). */
    public static List<Object> toList(Interpreter in, Object iterable) {
        if (iterable instanceof PyList l) {
            return new ArrayList<>(l.items());
        }
        if (iterable instanceof PyTuple t) {
            return new ArrayList<>(List.of(t.items()));
        }
        if (iterable instanceof PyRange r) {
            in.budget().allocate(Sequences.safeTimes(r.length(), 24));
        }
        PyIterator it = iter(in, iterable);
        ArrayList<Object> out = new ArrayList<>();
        PyList visible = new PyList(out);
        return in.building(visible, () -> {
            for (Object v = it.next(in); v != null; v = it.next(in)) {
                in.budget().allocate(8);
                in.budget().step();
                out.add(v);
            }
            return out;
        });
    }

    public static PyIterator iter(Interpreter in, Object o) {
        if (o instanceof String s) {
            return new PyIterator() {
                private int i;

                @Override
                public Object next(Interpreter in) {
                    if (i >= s.length()) {
                        return null;
                    }
                    int cp = s.codePointAt(i);
                    int n = Character.charCount(cp);
                    String c = s.substring(i, i + n);
                    i += n;
                    return c;
                }
            };
        }
        if (o instanceof PyObject p) {
            return p.iter(in);
        }
        throw PyException.typeError("'" + Py.typeName(o) + "' object is not iterable");
    }

    public static long len(Interpreter in, Object o) {
        if (o instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        long n = o instanceof PyObject p ? p.len(in) : -1;
        if (n < 0) {
            throw PyException.typeError("object of type '" + Py.typeName(o) + "' has no len()");
        }
        return n;
    }

    // ---- attributes and items

    public static Object getAttrOrNull(Interpreter in, Object o, String name) {
        if (o instanceof PyObject p) {
            return p.getAttr(in, name);
        }
        if (name.equals("__class__")) {
            return Py.typeOf(o);
        }
        if (Sandbox.isForbiddenAttribute(name)) {
            return null;
        }
        if (o instanceof Double d && (name.equals("real"))) {
            return d;
        }
        if (Py.isInt(o) && (name.equals("real") || name.equals("numerator"))) {
            return o instanceof Boolean b ? (b ? 1L : 0L) : o;
        }
        return Py.typeOf(o).lookupBound(in, o, name);
    }

    public static Object getAttr(Interpreter in, Object o, String name) {
        Object v = getAttrOrNull(in, o, name);
        if (v == null) {
            throw noAttribute(o, name);
        }
        return v;
    }

    public static PyException noAttribute(Object o, String name) {
        PyException e;
        if (o instanceof PyModule m) {
            e = PyException.attributeError("module '" + m.name() + "' has no attribute '" + name + "'");
        } else if (o instanceof PyType t) {
            e = PyException.attributeError("type object '" + t.name() + "' has no attribute '" + name + "'");
        } else {
            e = PyException.attributeError("'" + Py.typeName(o) + "' object has no attribute '" + name + "'");
        }
        e.value().setSuggestion(() -> Suggestions.forAttribute(Interpreter.current(), o, name));
        return e;
    }

    public static Object getItem(Interpreter in, Object o, Object key) {
        if (o instanceof PyList l && key instanceof Long i) {
            int n = l.items().size();
            long j = i < 0 ? i + n : i;
            if (j < 0 || j >= n) {
                throw PyException.indexError("list index out of range");
            }
            return l.items().get((int) j);
        }
        if (o instanceof String s) {
            if (key instanceof PySlice sl) {
                PySlice.Bounds b = sl.indices(s.length());
                if (b.step() == 1) {
                    return b.length() == 0 ? "" : s.substring((int) b.start(), (int) b.stop());
                }
                StringBuilder sb = new StringBuilder();
                for (long i = 0, j = b.start(); i < b.length(); i++, j += b.step()) {
                    sb.append(s.charAt((int) j));
                }
                return sb.toString();
            }
            int i = Sequences.index(in, key, s.length(), "string");
            return String.valueOf(s.charAt(i));
        }
        if (o instanceof PyObject p) {
            return p.getItem(in, key);
        }
        if (o instanceof PyType) {
            throw PyException.typeError("type '" + ((PyType) o).name() + "' is not subscriptable");
        }
        throw PyException.typeError("'" + Py.typeName(o) + "' object is not subscriptable");
    }

    public static void setItem(Interpreter in, Object o, Object key, Object value) {
        if (o instanceof PyObject p) {
            p.setItem(in, key, value);
            return;
        }
        throw PyException.typeError("'" + Py.typeName(o) + "' object does not support item assignment");
    }

    public static void delItem(Interpreter in, Object o, Object key) {
        if (o instanceof PyObject p) {
            p.delItem(in, key);
            return;
        }
        throw PyException.typeError("'" + Py.typeName(o) + "' object doesn't support item deletion");
    }

    public static boolean contains(Interpreter in, Object container, Object item) {
        if (container instanceof String s) {
            if (!(item instanceof String sub)) {
                throw PyException.typeError("'in <string>' requires string as left operand, not " + Py.typeName(item));
            }
            return s.contains(sub);
        }
        if (container instanceof PyDict d) {
            return d.map().containsKey(new Key(in, item));
        }
        if (container instanceof PySet s) {
            return s.contains(in, item);
        }
        if (container instanceof DictMethods.DictView v) {
            return v.contains(in, item);
        }
        if (container instanceof PyRange r && Py.isInt(item) && !(item instanceof BigInteger)) {
            return r.contains(index(item));
        }
        if (container instanceof PyInstance inst && inst.hasSpecial("__contains__")) {
            return truthy(in, inst.special(in, "__contains__", item));
        }
        if (container instanceof PyObject p && !"builtins".equals(p.pyType().module())
                && !(container instanceof PyInstance) && p.getAttr(in, "__contains__") instanceof Object m) {
            return truthy(in, in.call(m, new Object[] {item}, null));
        }
        if (!(container instanceof PyObject)) {
            throw PyException.typeError("argument of type '" + Py.typeName(container) + "' is not iterable");
        }
        PyIterator it = iter(in, container);
        for (Object v = it.next(in); v != null; v = it.next(in)) {
            in.budget().step();
            if (v == item || eq(in, v, item)) {
                return true;
            }
        }
        return false;
    }

}
