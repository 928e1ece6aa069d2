package dev.optimlab.pylite.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's abstract object protocol: operators, comparisons, truth, repr/str, hashing, iteration and
 * item access for every value. Mirrors CPython's Objects/abstract.c and the number slots of
 * longobject.c and floatobject.c, with a fast path for small ints held as Long.
 */
public final class Ops {
    private Ops() {
    }

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** Results above this many bits are refused: they could run for seconds out of reach of the time limit. */
    static final long MAX_INT_BITS = 1L << 20;
    private static final long HASH_MODULUS = (1L << 61) - 1;

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
            return intToString(o);
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

    /** str(int) with CPython's 4300-digit limit. */
    public static String intToString(Object v) {
        if (v instanceof Long l) {
            return Long.toString(l);
        }
        BigInteger b = Py.big(v);
        if (b.bitLength() > 14_300) {
            throw PyException.valueError("Exceeds the limit (4300 digits) for integer string conversion; "
                    + "use sys.set_int_max_str_digits() to increase the limit");
        }
        String s = b.toString();
        if (s.length() - (b.signum() < 0 ? 1 : 0) > 4300) {
            throw PyException.valueError("Exceeds the limit (4300 digits) for integer string conversion; "
                    + "use sys.set_int_max_str_digits() to increase the limit");
        }
        return s;
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
            return numericCompare(a, b) == 0;
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
            return hashLong(l);
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof Double d) {
            return hashDouble(d);
        }
        if (o instanceof BigInteger b) {
            long h = b.abs().mod(BigInteger.valueOf(HASH_MODULUS)).longValue();
            h = b.signum() < 0 ? -h : h;
            return h == -1 ? -2 : h;
        }
        return ((PyObject) o).pyHash(in);
    }

    private static long hashLong(long l) {
        long h = l == Long.MIN_VALUE ? -(1L << 2) : (Math.abs(l) % HASH_MODULUS) * Long.signum(l);
        return h == -1 ? -2 : h;
    }

    /** CPython's _Py_HashDouble, so that hash(2.0) == hash(2) and hash(1.5) prints as in CPython. */
    static long hashDouble(double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? 314159 : -314159;
        }
        int sign = 1;
        if (v < 0) {
            sign = -1;
            v = -v;
        }
        int e = Math.getExponent(v) + 1;
        double m = v / Math.scalb(1.0, e);
        if (v == 0) {
            m = 0;
            e = 0;
        } else if (Math.getExponent(v) < Double.MIN_EXPONENT) {
            e = Math.getExponent(v * 0x1p54) + 1 - 54;
            m = v / Math.scalb(1.0, e);
        }
        long x = 0;
        while (m != 0) {
            x = ((x << 28) & HASH_MODULUS) | x >>> (61 - 28);
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (x >= HASH_MODULUS) {
                x -= HASH_MODULUS;
            }
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
        x = ((x << e) & HASH_MODULUS) | x >>> (61 - e);
        x = x * sign;
        return x == -1 ? -2 : x;
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

    // ---- operators

    private static String dunder(String op) {
        return switch (op) {
            case "+" -> "__add__";
            case "-" -> "__sub__";
            case "*" -> "__mul__";
            case "/" -> "__truediv__";
            case "//" -> "__floordiv__";
            case "%" -> "__mod__";
            case "**" -> "__pow__";
            case "@" -> "__matmul__";
            case "<<" -> "__lshift__";
            case ">>" -> "__rshift__";
            case "&" -> "__and__";
            case "|" -> "__or__";
            case "^" -> "__xor__";
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static String reflected(String dunder) {
        return "__r" + dunder.substring(2);
    }

    /** {@code a op b} for the binary operators. */
    public static Object binary(Interpreter in, String op, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            Object r = longOp(in, op, x, y);
            if (r != null) {
                return r;
            }
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                return floatOp(op, toDouble(a), toDouble(b));
            }
            return bigOp(in, op, Py.big(a), Py.big(b));
        }
        if (a instanceof String s) {
            if (op.equals("+") && b instanceof String t) {
                in.budget().allocate(2L * (s.length() + t.length()));
                return s.concat(t);
            }
            if (op.equals("*") && Py.isInt(b)) {
                return repeat(in, s, b);
            }
            if (op.equals("%")) {
                return Formatter.percent(in, s, b);
            }
            if (op.equals("+") && !(b instanceof PyInstance)) {
                throw PyException.typeError("can only concatenate str (not \"" + Py.typeName(b) + "\") to str");
            }
        }
        if (b instanceof String t && op.equals("*") && Py.isInt(a)) {
            return repeat(in, t, a);
        }
        String name = dunder(op);
        if (a instanceof PyObject pa) {
            Object r = pa.binaryOp(in, name, b);
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (b instanceof PyObject pb && Py.typeOf(a) != Py.typeOf(b)) {
            Object r = pb.binaryOp(in, reflected(name), a);
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (op.equals("*") && Py.isInt(a) && (b instanceof PyList || b instanceof PyTuple)) {
            return ((PyObject) b).binaryOp(in, "__mul__", a);
        }
        if (op.equals("*") && (isSequence(a) || isSequence(b))) {
            Object factor = isSequence(a) ? b : a;
            throw PyException.typeError("can't multiply sequence by non-int of type '" + Py.typeName(factor) + "'");
        }
        throw PyException.typeError("unsupported operand type(s) for " + (op.equals("**") ? "** or pow()" : op)
                + ": '" + Py.typeName(a) + "' and '" + Py.typeName(b) + "'");
    }

    private static boolean isSequence(Object o) {
        return o instanceof String || o instanceof PyList || o instanceof PyTuple;
    }

    private static String repeat(Interpreter in, String s, Object times) {
        long n = Math.max(0, index(times));
        if (s.isEmpty() || n == 0) {
            return "";
        }
        in.budget().allocate(Sequences.safeTimes(Sequences.safeTimes(n, s.length()), 2));
        return s.repeat((int) n);
    }

    /** {@code a op= b}: the in-place dunder first (lists extend in place), then the plain operator. */
    public static Object inPlace(Interpreter in, String op, Object a, Object b) {
        if (a instanceof PyList l && op.equals("+")) {
            List<Object> extra = toList(in, b);
            in.budget().allocate(8L * extra.size());
            l.items().addAll(extra);
            return l;
        }
        if (a instanceof PyInstance inst) {
            String name = "__i" + dunder(op).substring(2);
            if (inst.hasSpecial(name)) {
                Object r = inst.special(in, name, b);
                if (r != Py.NOT_IMPLEMENTED) {
                    return r;
                }
            }
        } else if (a instanceof PyObject p && !(a instanceof PyTuple) && !(a instanceof PySet) && !(a instanceof PyDict)) {
            Object r = p.binaryOp(in, "__i" + dunder(op).substring(2), b);
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        try {
            return binary(in, op, a, b);
        } catch (PyException e) {
            String text = e.value().message();
            if (text.startsWith("unsupported operand type(s) for " + op + ":")) {
                throw PyException.typeError("unsupported operand type(s) for " + op + "=:" + text.substring(
                        ("unsupported operand type(s) for " + op + ":").length()));
            }
            throw e;
        }
    }

    private static Object longOp(Interpreter in, String op, long x, long y) {
        switch (op) {
            case "+": {
                long r = x + y;
                return ((x ^ r) & (y ^ r)) < 0 ? null : r;
            }
            case "-": {
                long r = x - y;
                return ((x ^ y) & (x ^ r)) < 0 ? null : r;
            }
            case "*": {
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? lo : null;
            }
            case "//":
                if (y == 0) {
                    throw PyException.zeroDivision("integer division or modulo by zero");
                }
                return x == Long.MIN_VALUE && y == -1 ? null : Math.floorDiv(x, y);
            case "%":
                if (y == 0) {
                    throw PyException.zeroDivision("integer modulo by zero");
                }
                return Math.floorMod(x, y);
            case "/":
                if (y == 0) {
                    throw PyException.zeroDivision("division by zero");
                }
                if (Math.abs(x) < (1L << 53) && Math.abs(y) < (1L << 53)) {
                    return (double) x / (double) y;
                }
                return null;
            case "&": return x & y;
            case "|": return x | y;
            case "^": return x ^ y;
            case ">>":
                if (y < 0) {
                    throw PyException.valueError("negative shift count");
                }
                return y >= 64 ? (x < 0 ? -1L : 0L) : x >> y;
            case "<<":
                if (y < 0) {
                    throw PyException.valueError("negative shift count");
                }
                if (y < 63 && Math.abs(x) < (1L << (62 - y))) {
                    return x << y;
                }
                return null;
            default:
                return null;
        }
    }

    private static Object bigOp(Interpreter in, String op, BigInteger x, BigInteger y) {
        switch (op) {
            case "+": return bigResult(in, x.add(y));
            case "-": return bigResult(in, x.subtract(y));
            case "*":
                charge(in, (long) x.bitLength() + y.bitLength());
                return bigResult(in, x.multiply(y));
            case "//": {
                if (y.signum() == 0) {
                    throw PyException.zeroDivision("integer division or modulo by zero");
                }
                BigInteger[] qr = x.divideAndRemainder(y);
                BigInteger q = qr[0];
                if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                    q = q.subtract(BigInteger.ONE);
                }
                return Py.normalize(q);
            }
            case "%": {
                if (y.signum() == 0) {
                    throw PyException.zeroDivision("integer modulo by zero");
                }
                BigInteger r = x.mod(y.abs());
                if (y.signum() < 0 && r.signum() != 0) {
                    r = r.add(y);
                }
                return Py.normalize(r);
            }
            case "/": {
                if (y.signum() == 0) {
                    throw PyException.zeroDivision("division by zero");
                }
                return trueDivide(x, y);
            }
            case "**": return intPow(in, x, y);
            case "&": return Py.normalize(x.and(y));
            case "|": return Py.normalize(x.or(y));
            case "^": return Py.normalize(x.xor(y));
            case "<<": {
                if (y.signum() < 0) {
                    throw PyException.valueError("negative shift count");
                }
                if (x.signum() == 0) {
                    return 0L;
                }
                if (y.bitLength() > 31) {
                    throw memoryRefusal();
                }
                charge(in, x.bitLength() + y.longValue());
                return bigResult(in, x.shiftLeft(y.intValue()));
            }
            case ">>": {
                if (y.signum() < 0) {
                    throw PyException.valueError("negative shift count");
                }
                if (y.bitLength() > 31) {
                    return x.signum() < 0 ? -1L : 0L;
                }
                return Py.normalize(x.shiftRight(y.intValue()));
            }
            case "@":
            default:
                throw PyException.typeError("unsupported operand type(s) for " + op + ": 'int' and 'int'");
        }
    }

    private static Object trueDivide(BigInteger x, BigInteger y) {
        BigDecimal q = new BigDecimal(x).divide(new BigDecimal(y), java.math.MathContext.DECIMAL128);
        double d = q.doubleValue();
        if (Double.isInfinite(d)) {
            throw PyException.overflow("integer division result too large for a double");
        }
        return d;
    }

    private static LimitExceeded memoryRefusal() {
        return new LimitExceeded(LimitExceeded.Kind.MEMORY, "Your program tried to make an integer with more than "
                + MAX_INT_BITS + " bits, beyond what OptimLab computes");
    }

    /** Refuses or charges an int result of about {@code bits} bits before it is computed. */
    static void chargeIntBits(Interpreter in, long bits) {
        charge(in, bits);
    }

    private static void charge(Interpreter in, long bits) {
        if (bits > MAX_INT_BITS) {
            throw memoryRefusal();
        }
        in.budget().allocate(bits / 8 + 16);
    }

    private static Object bigResult(Interpreter in, BigInteger v) {
        if (v.bitLength() > 63) {
            charge(in, v.bitLength());
        }
        return Py.normalize(v);
    }

    private static Object intPow(Interpreter in, BigInteger base, BigInteger exp) {
        if (exp.signum() < 0) {
            if (base.signum() == 0) {
                throw PyException.zeroDivision("0.0 cannot be raised to a negative power");
            }
            return floatOp("**", toDouble(Py.normalize(base)), toDouble(Py.normalize(exp)));
        }
        if (base.equals(BigInteger.ONE) || base.signum() == 0) {
            return Py.normalize(exp.signum() == 0 ? BigInteger.ONE : base);
        }
        if (base.equals(BigInteger.ONE.negate())) {
            return exp.testBit(0) ? -1L : 1L;
        }
        if (exp.bitLength() > 31) {
            throw memoryRefusal();
        }
        long bits = (long) base.abs().bitLength() * exp.longValue();
        charge(in, bits);
        return Py.normalize(base.pow(exp.intValue()));
    }

    /** Float arithmetic with CPython's rules for //, % and ** (floatobject.c float_divmod, float_pow). */
    static Object floatOp(String op, double x, double y) {
        switch (op) {
            case "+": return x + y;
            case "-": return x - y;
            case "*": return x * y;
            case "/":
                if (y == 0) {
                    throw PyException.zeroDivision("float division by zero");
                }
                return x / y;
            case "//": {
                if (y == 0) {
                    throw PyException.zeroDivision("float floor division by zero");
                }
                return floorDivMod(x, y)[0];
            }
            case "%": {
                if (y == 0) {
                    throw PyException.zeroDivision("float modulo");
                }
                return floorDivMod(x, y)[1];
            }
            case "**": return floatPow(x, y);
            default:
                throw PyException.typeError("unsupported operand type(s) for " + op + ": 'float' and 'float'");
        }
    }

    static double[] floorDivMod(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }

    static double floatPow(double x, double y) {
        if (x == 0 && y < 0) {
            throw PyException.zeroDivision("0.0 cannot be raised to a negative power");
        }
        if (x < 0 && y != Math.rint(y) && !Double.isInfinite(y)) {
            throw PyException.valueError("complex numbers are not supported in OptimLab (a negative number "
                    + "raised to a fractional power)");
        }
        double r = y == 2 ? x * x : y == 1 ? x : y == 0.5 && x > 0 ? Math.sqrt(x) : CorrectlyRounded.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw PyException.overflow("(34, 'Numerical result out of range')");
        }
        return r;
    }

    /** Unary {@code -}, {@code +}, {@code ~}. */
    public static Object unary(Interpreter in, String op, Object a) {
        if (a instanceof Long l) {
            switch (op) {
                case "-": return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : (Object) (-l);
                case "+": return l;
                case "~": return ~l;
                default: break;
            }
        }
        if (a instanceof Boolean b) {
            return unary(in, op, b ? 1L : 0L);
        }
        if (a instanceof Double d) {
            switch (op) {
                case "-": return -d;
                case "+": return d;
                default: break;
            }
        }
        if (a instanceof BigInteger b) {
            switch (op) {
                case "-": return Py.normalize(b.negate());
                case "+": return b;
                case "~": return Py.normalize(b.not());
                default: break;
            }
        }
        if (a instanceof PyObject p) {
            String name = switch (op) {
                case "-" -> "__neg__";
                case "+" -> "__pos__";
                default -> "__invert__";
            };
            Object r = p.unaryOp(in, name);
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        throw PyException.typeError("bad operand type for unary " + op + ": '" + Py.typeName(a) + "'");
    }

    // ---- comparisons

    /** Compares two real numbers exactly, as CPython's float_richcompare does for int/float mixes. */
    static int numericCompare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Double || b instanceof Double) {
            double x = a instanceof Double d ? d : Double.NaN;
            double y = b instanceof Double d ? d : Double.NaN;
            if (a instanceof Double && b instanceof Double) {
                return Double.isNaN(x) || Double.isNaN(y) ? 2 : x == y ? 0 : (x < y ? -1 : 1);
            }
            double f = a instanceof Double ? x : y;
            if (Double.isNaN(f)) {
                return 2;
            }
            if (Double.isInfinite(f)) {
                return a instanceof Double ? (f > 0 ? 1 : -1) : (f > 0 ? -1 : 1);
            }
            BigDecimal bx = a instanceof Double ? new BigDecimal(x) : new BigDecimal(Py.big(a));
            BigDecimal by = b instanceof Double ? new BigDecimal(y) : new BigDecimal(Py.big(b));
            return bx.compareTo(by);
        }
        return Py.big(a).compareTo(Py.big(b));
    }

    /** Evaluates one comparison operator of a Compare node. */
    public static Object compare(Interpreter in, String op, Object a, Object b) {
        switch (op) {
            case "==": return eqResult(in, a, b);
            case "!=": {
                Object ne = neResult(in, a, b);
                if (ne != null) {
                    return ne;
                }
                Object r = eqResult(in, a, b);
                return r instanceof Boolean bool ? !bool : !truthy(in, r);
            }
            case "is": return identical(a, b);
            case "is not": return !identical(a, b);
            case "in": return contains(in, b, a);
            case "not in": return !contains(in, b, a);
            default: return order(in, op, a, b);
        }
    }

    private static Object eqResult(Interpreter in, Object a, Object b) {
        if (a instanceof PyInstance inst && inst.hasSpecial("__eq__")) {
            Object r = inst.special(in, "__eq__", b);
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        } else if (a instanceof PyObject p && !(a instanceof PyInstance) && p.binaryOp(in, "__eq__", b) instanceof Object r
                && r != Py.NOT_IMPLEMENTED) {
            return r;
        }
        if (!(a instanceof PyInstance) && b instanceof PyInstance inst && inst.hasSpecial("__eq__")) {
            // the reflected __eq__, as CPython tries it when the left operand's type does not handle the right one
            Object r = inst.special(in, "__eq__", a);
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        return eq(in, a, b);
    }

    /** {@code a != b} through a class's own {@code __ne__} (then the reflected one), or null to negate {@code ==}. */
    private static Object neResult(Interpreter in, Object a, Object b) {
        if (a instanceof PyInstance inst && inst.hasSpecial("__ne__")) {
            Object r = inst.special(in, "__ne__", b);
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (b instanceof PyInstance inst && inst.hasSpecial("__ne__")) {
            Object r = inst.special(in, "__ne__", a);
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (a instanceof PyObject p && !(a instanceof PyInstance) && !"builtins".equals(p.pyType().module())
                && p.binaryOp(in, "__ne__", b) instanceof Object r && r != Py.NOT_IMPLEMENTED) {
            return r;
        }
        return null;
    }

    /** {@code is}: identity, with small values compared by value since the JVM boxes them freely. */
    static boolean identical(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue() && x >= -5 && x <= 256;
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.booleanValue() == y.booleanValue();
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y) && x.length() <= 1;
        }
        return false;
    }

    private static Object order(Interpreter in, String op, Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            int c = numericCompare(a, b);
            if (c == 2) {
                return false;
            }
            return test(op, c);
        }
        if (a instanceof String x && b instanceof String y) {
            return test(op, x.compareTo(y));
        }
        String name = switch (op) {
            case "<" -> "__lt__";
            case "<=" -> "__le__";
            case ">" -> "__gt__";
            default -> "__ge__";
        };
        String swapped = switch (op) {
            case "<" -> "__gt__";
            case "<=" -> "__ge__";
            case ">" -> "__lt__";
            default -> "__le__";
        };
        if (a instanceof PyObject pa) {
            Object r = pa.binaryOp(in, name, b);
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (b instanceof PyObject pb) {
            Object r = pb.binaryOp(in, swapped, a);
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        throw PyException.typeError("'" + op + "' not supported between instances of '" + Py.typeName(a)
                + "' and '" + Py.typeName(b) + "'");
    }

    private static boolean test(String op, int c) {
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    /** {@code a < b} as sorting and min/max use it. */
    public static boolean lessThan(Interpreter in, Object a, Object b) {
        return truthy(in, order(in, "<", a, b));
    }
}
