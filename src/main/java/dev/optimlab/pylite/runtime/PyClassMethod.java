package dev.optimlab.pylite.runtime;

/** Python's {@code classmethod} wrapper. */
public record PyClassMethod(Object function) implements PyObject {
    @Override
    public PyType pyType() {
        return PyType.CLASSMETHOD;
    }
}
