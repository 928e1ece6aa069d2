package dev.optimlab.pylite.runtime;

import java.math.BigDecimal;

/**
 * The comparison operators: ==, != through __eq__/__ne__ and their reflections, the orderings, identity and
 * membership, with exact int/float comparison. Mirrors PyObject_RichCompare of CPython's Objects/object.c and
 * float_richcompare of floatobject.c.
 */
public final class Comparisons {
    private Comparisons() {
    }

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
                return r instanceof Boolean bool ? !bool : !Ops.truthy(in, r);
            }
            case "is": return identical(a, b);
            case "is not": return !identical(a, b);
            case "in": return Ops.contains(in, b, a);
            case "not in": return !Ops.contains(in, b, a);
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
        return Ops.eq(in, a, b);
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

    /**
     * {@code is}: identity, with small values compared by value since the JVM boxes them freely. Equal ints are
     * the same object inside CPython's small-int cache (-5..256); the JVM's own Long cache (-128..127) shares
     * boxes CPython would not, so below -5 only equal values outside that cache can be told to be one object.
     */
    static boolean identical(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long v = x;
            return v == y && (v >= -5 && v <= 256 || x == y && (v < -128 || v > 127));
        }
        if (a == b) {
            return true;
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
        if (Ops.isNumber(a) && Ops.isNumber(b)) {
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
        return Ops.truthy(in, order(in, "<", a, b));
    }
}
