package dev.optimlab.pylite.runtime;

import java.math.BigInteger;

/**
 * The runtime's singletons and the mapping from Java values to Python types; mirrors CPython's
 * {@code Py_None}, {@code Py_NotImplemented}, {@code Py_Ellipsis} and {@code Py_TYPE}.
 */
public final class Py {
    private Py() {
    }

    /** A singleton with a fixed repr and truth value. */
    public static final class Singleton implements PyObject {
        private final String repr;
        private final PyType type;
        private final boolean truth;

        private Singleton(String repr, PyType type, boolean truth) {
            this.repr = repr;
            this.type = type;
            this.truth = truth;
        }

        @Override
        public PyType pyType() {
            return type;
        }

        @Override
        public String repr(Interpreter in) {
            return repr;
        }

        @Override
        public boolean truthy(Interpreter in) {
            return truth;
        }

        @Override
        public long pyHash(Interpreter in) {
            return repr.hashCode();
        }
    }

    public static final Singleton NONE = new Singleton("None", PyType.NONE_TYPE, false);
    public static final Singleton NOT_IMPLEMENTED = new Singleton("NotImplemented", PyType.NOT_IMPLEMENTED_TYPE, true);
    public static final Singleton ELLIPSIS = new Singleton("Ellipsis", PyType.ELLIPSIS_TYPE, true);

    /** {@code type(value)}. */
    public static PyType typeOf(Object value) {
        if (value instanceof Long || value instanceof BigInteger) {
            return PyType.INT;
        }
        if (value instanceof String) {
            return PyType.STR;
        }
        if (value instanceof Double) {
            return PyType.FLOAT;
        }
        if (value instanceof Boolean) {
            return PyType.BOOL;
        }
        return ((PyObject) value).pyType();
    }

    public static String typeName(Object value) {
        return typeOf(value).name();
    }

    /** An int result in its smallest form: Long when it fits, BigInteger otherwise. */
    public static Object normalize(BigInteger v) {
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    public static BigInteger big(Object intValue) {
        if (intValue instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (intValue instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        return (BigInteger) intValue;
    }

    public static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Boolean || v instanceof BigInteger;
    }
}
