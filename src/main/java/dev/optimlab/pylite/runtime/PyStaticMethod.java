package dev.optimlab.pylite.runtime;

/** Python's {@code staticmethod} wrapper. */
public record PyStaticMethod(Object function) implements PyObject {
    @Override
    public PyType pyType() {
        return PyType.STATICMETHOD;
    }
}
