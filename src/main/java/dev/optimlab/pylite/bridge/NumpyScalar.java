package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Comparisons;
import dev.optimlab.pylite.runtime.Formatter;
import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Operators;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyBuiltinFunction;
import dev.optimlab.pylite.runtime.PyInstance;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.DType;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A NumPy scalar ({@code numpy.float32}, {@code numpy.float64}, {@code numpy.int64}): what indexing an array to
 * one element, a full reduction or {@code np.float32(x)} gives. It prints as NumPy 1.24 does (the shortest digits
 * of its own type, {@code 0.1} for {@code np.float32(0.1)}); with Python numbers it computes as NumPy 1.x does for
 * two scalars, in float64 or int64, which here gives a Python float or int with the same printed value.
 */
final class NumpyScalar extends PyInstance {
    private static final Map<DType, PyType> TYPES = Map.of(
            DType.FLOAT32, PyType.hostClass("float32", null, "numpy"),
            DType.FLOAT64, PyType.hostClass("float64", null, "numpy"),
            DType.INT64, PyType.hostClass("int64", null, "numpy"));

    static {
        for (PyType t : TYPES.values()) {
            t.dict().put("__float__", PyBuiltinFunction.method("__float__", (in, a, k) -> Ops.toDouble(((NumpyScalar) a[0]).value)));
            t.dict().put("__int__", PyBuiltinFunction.method("__int__", (in, a, k) -> ((NumpyScalar) a[0]).value instanceof Double d
                    ? Ops.floatToInt(d) : ((NumpyScalar) a[0]).value));
            t.dict().put("__format__", PyBuiltinFunction.method("__format__", (in, a, k) -> Formatter.format(in,
                    ((NumpyScalar) a[0]).value, (String) a[1])));
        }
        TYPES.get(DType.INT64).dict().put("__index__", PyBuiltinFunction.method("__index__",
                (in, a, k) -> ((NumpyScalar) a[0]).value));
    }

    final DType dtype;
    /** The value as Python sees it: a Double (exactly the float32 value for float32) or a Long. */
    final Object value;

    NumpyScalar(DType dtype, double value) {
        super(TYPES.get(dtype));
        this.dtype = dtype;
        this.value = switch (dtype) {
            case FLOAT32 -> (double) (float) value;
            case INT64 -> (long) value;
            default -> value;
        };
    }

    NumpyScalar(long value) {
        super(TYPES.get(DType.INT64));
        this.dtype = DType.INT64;
        this.value = value;
    }

    @Override
    public String repr(Interpreter in) {
        if (value instanceof Long l) {
            return l.toString();
        }
        double d = (Double) value;
        return dtype == DType.FLOAT32 && Double.isFinite(d) && d != 0 ? pythonStyle(Float.toString((float) d))
                : Formatter.floatRepr(d);
    }

    @Override
    public String str(Interpreter in) {
        return repr(in);
    }

    /** Python's float repr rules (positional from 1e-4 to 1e16, else {@code 1e-05}) on the given shortest digits. */
    private static String pythonStyle(String shortest) {
        BigDecimal digits = new BigDecimal(shortest).stripTrailingZeros();
        int exponent = digits.precision() - digits.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = digits.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String unscaled = digits.unscaledValue().abs().toString();
        String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        return (digits.signum() < 0 ? "-" : "") + mantissa + (exponent < 0 ? "e-" : "e+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return switch (name) {
            case "item" -> Host.function("item", (i, a, k) -> value);
            case "dtype" -> new NumpyModule.NumpyDType(dtype);
            default -> super.getAttr(in, name);
        };
    }

    @Override
    public Object binaryOp(Interpreter in, String dunder, Object other) {
        Object operand = other instanceof NumpyScalar s ? s.value : other;
        if (!(operand instanceof Long || operand instanceof Double || operand instanceof Boolean)) {
            return Py.NOT_IMPLEMENTED;
        }
        boolean reflected = dunder.startsWith("__r") && !dunder.equals("__rshift__");
        String op = switch (reflected ? "__" + dunder.substring(3) : dunder) {
            case "__add__" -> "+";
            case "__sub__" -> "-";
            case "__mul__" -> "*";
            case "__truediv__" -> "/";
            case "__floordiv__" -> "//";
            case "__mod__" -> "%";
            case "__pow__" -> "**";
            case "__eq__" -> "==";
            case "__ne__" -> "!=";
            case "__lt__" -> "<";
            case "__le__" -> "<=";
            case "__gt__" -> ">";
            case "__ge__" -> ">=";
            default -> null;
        };
        if (op == null) {
            return Py.NOT_IMPLEMENTED;
        }
        if (dunder.equals("__eq__") || dunder.equals("__ne__") || op.startsWith("<") || op.startsWith(">")) {
            return Comparisons.compare(in, op, reflected ? operand : value, reflected ? value : operand);
        }
        return reflected ? Operators.binary(in, op, operand, value) : Operators.binary(in, op, value, operand);
    }

    @Override
    public Object unaryOp(Interpreter in, String dunder) {
        return switch (dunder) {
            case "__neg__" -> value instanceof Long l ? new NumpyScalar(-l) : new NumpyScalar(dtype, -(Double) value);
            case "__pos__" -> this;
            case "__abs__" -> value instanceof Long l ? new NumpyScalar(Math.abs(l))
                    : new NumpyScalar(dtype, Math.abs((Double) value));
            default -> Py.NOT_IMPLEMENTED;
        };
    }

    @Override
    public boolean truthy(Interpreter in) {
        return Ops.truthy(in, value);
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        return Ops.eq(in, value, other instanceof NumpyScalar s ? s.value : other);
    }

    @Override
    public long pyHash(Interpreter in) {
        return Ops.hash(in, value);
    }
}
