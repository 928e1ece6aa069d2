package dev.optimlab.pylite.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The numeric builtin functions abs(), round() and pow() (with its three-argument modular form); mirrors
 * builtin_abs, builtin_round and builtin_pow of CPython's Python/bltinmodule.c.
 */
final class NumberBuiltins {
    private NumberBuiltins() {
    }

    static Object abs(Interpreter in, Object[] a, Map<String, Object> k) {
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

    static Object round(Interpreter in, Object[] a, Map<String, Object> k) {
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

    static Object pow(Interpreter in, Object[] a, Map<String, Object> k) {
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
}
