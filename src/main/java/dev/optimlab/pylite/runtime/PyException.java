package dev.optimlab.pylite.runtime;

/**
 * The Java carrier of a raised Python exception; the exception object itself is {@link #value}.
 * Mirrors CPython's error indicator. Has no Java stack trace: Python tracebacks are kept on the value.
 */
public final class PyException extends RuntimeException {
    private final PyBaseException value;

    public PyException(PyBaseException value) {
        super(null, null, false, false);
        this.value = value;
    }

    public PyBaseException value() {
        return value;
    }

    @Override
    public String getMessage() {
        return value.type().name() + ": " + value.message();
    }

    public static PyException of(PyType type, String message) {
        return new PyException(PyBaseException.create(type, message));
    }

    public static PyException typeError(String message) {
        return of(PyType.TYPE_ERROR, message);
    }

    public static PyException valueError(String message) {
        return of(PyType.VALUE_ERROR, message);
    }

    public static PyException indexError(String message) {
        return of(PyType.INDEX_ERROR, message);
    }

    public static PyException attributeError(String message) {
        return of(PyType.ATTRIBUTE_ERROR, message);
    }

    public static PyException zeroDivision(String message) {
        return of(PyType.ZERO_DIVISION_ERROR, message);
    }

    public static PyException overflow(String message) {
        return of(PyType.OVERFLOW_ERROR, message);
    }

    public static PyException nameError(String message) {
        return of(PyType.NAME_ERROR, message);
    }

    public static PyException keyError(Object key) {
        return new PyException(PyBaseException.create(PyType.KEY_ERROR, new Object[] {key}));
    }
}
