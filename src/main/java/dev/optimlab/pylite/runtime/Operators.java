package dev.optimlab.pylite.runtime;

import java.math.BigInteger;
import java.util.List;

/**
 * The operator protocol: {@code a op b}, {@code a op= b} and the unary operators, trying the number fast paths,
 * str concatenation and repetition, then the dunders and their reflections. Mirrors CPython's binary_op1,
 * binary_iop1 and the PyNumber_* entry points of Objects/abstract.c.
 */
public final class Operators {
    private Operators() {
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
            Object r = NumberOps.longOp(in, op, x, y);
            if (r != null) {
                return r;
            }
        }
        if (Ops.isNumber(a) && Ops.isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                return NumberOps.floatOp(op, Ops.toDouble(a), Ops.toDouble(b));
            }
            return NumberOps.bigOp(in, op, Py.big(a), Py.big(b));
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
        long n = Math.max(0, Ops.index(times));
        if (s.isEmpty() || n == 0) {
            return "";
        }
        in.budget().allocate(Sequences.safeTimes(Sequences.safeTimes(n, s.length()), 2));
        return s.repeat((int) n);
    }

    /** {@code a op= b}: the in-place dunder first (lists extend in place), then the plain operator. */
    public static Object inPlace(Interpreter in, String op, Object a, Object b) {
        if (a instanceof PyList l && op.equals("+")) {
            List<Object> extra = Ops.toList(in, b);
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
}
