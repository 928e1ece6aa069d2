package dev.optimlab.pylite.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Arithmetic of int and float: the Long fast path, BigInteger beyond it with a bit budget, CPython's floor
 * division, modulo and power rules, int-to-text and numeric hashing. Mirrors the number slots of CPython's
 * Objects/longobject.c and floatobject.c and _Py_HashDouble of Python/pyhash.c.
 */
final class NumberOps {
    private NumberOps() {
    }

    /** Results above this many bits are refused: they could run for seconds out of reach of the time limit. */
    static final long MAX_INT_BITS = 1L << 20;
    static final long HASH_MODULUS = (1L << 61) - 1;

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

    static long hashLong(long l) {
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

    static Object longOp(Interpreter in, String op, long x, long y) {
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

    static Object bigOp(Interpreter in, String op, BigInteger x, BigInteger y) {
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
            return floatOp("**", Ops.toDouble(Py.normalize(base)), Ops.toDouble(Py.normalize(exp)));
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
}
