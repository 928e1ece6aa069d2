package dev.optimlab.pylite.runtime;

/**
 * An iterator; mirrors CPython's {@code tp_iternext} slot: {@link #next} returns null when exhausted
 * instead of raising StopIteration, so loops stay cheap.
 */
public interface PyIterator extends PyObject {
    /** The next item, or null when the iterator is exhausted. */
    Object next(Interpreter in);

    @Override
    default PyIterator iter(Interpreter in) {
        return this;
    }

    @Override
    default PyType pyType() {
        return PyType.ITERATOR;
    }
}
