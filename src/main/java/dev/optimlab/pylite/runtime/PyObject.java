package dev.optimlab.pylite.runtime;

import java.util.Map;

/**
 * A Python object other than the ones the runtime maps to Java values (int as Long/BigInteger, float as
 * Double, bool as Boolean, str as String); mirrors CPython's {@code PyObject} with its type slots.
 * Host objects (tensors, modules) implement this to take part in attribute access, calls, subscripts,
 * operators, iteration and printing. Every method has CPython's default behaviour.
 */
public interface PyObject {
    /** The object's class, as {@code type(obj)}. */
    PyType pyType();

    /** {@code obj.name}, or null when there is no such attribute (the caller raises AttributeError). */
    default Object getAttr(Interpreter in, String name) {
        return pyType().lookupBound(in, this, name);
    }

    /** {@code obj.name = value}; returns false when the object does not allow it. */
    default boolean setAttr(Interpreter in, String name, Object value) {
        return false;
    }

    /** {@code del obj.name}; returns false when the object does not allow it. */
    default boolean delAttr(Interpreter in, String name) {
        return false;
    }

    /** {@code obj(*args, **kwargs)}; kwargs may be null when there are none. */
    default Object call(Interpreter in, Object[] args, Map<String, Object> kwargs) {
        throw PyException.typeError("'" + pyType().name() + "' object is not callable");
    }

    /** {@code obj[key]}. */
    default Object getItem(Interpreter in, Object key) {
        throw PyException.typeError("'" + pyType().name() + "' object is not subscriptable");
    }

    /** {@code obj[key] = value}. */
    default void setItem(Interpreter in, Object key, Object value) {
        throw PyException.typeError("'" + pyType().name() + "' object does not support item assignment");
    }

    /** {@code del obj[key]}. */
    default void delItem(Interpreter in, Object key) {
        throw PyException.typeError("'" + pyType().name() + "' object doesn't support item deletion");
    }

    /**
     * A binary operator by its dunder name ("__add__", "__radd__", "__lt__", ...); returns
     * {@link Py#NOT_IMPLEMENTED} when this object does not handle the operand, as CPython's slots do.
     */
    default Object binaryOp(Interpreter in, String dunder, Object other) {
        return Py.NOT_IMPLEMENTED;
    }

    /** A unary operator by its dunder name ("__neg__", "__pos__", "__invert__", "__abs__"). */
    default Object unaryOp(Interpreter in, String dunder) {
        return Py.NOT_IMPLEMENTED;
    }

    /** {@code repr(obj)}. */
    default String repr(Interpreter in) {
        return "<" + pyType().name() + " object>";
    }

    /** {@code str(obj)}. */
    default String str(Interpreter in) {
        return repr(in);
    }

    /** {@code iter(obj)}. */
    default PyIterator iter(Interpreter in) {
        throw PyException.typeError("'" + pyType().name() + "' object is not iterable");
    }

    /** {@code len(obj)}, or -1 when the object has no length. */
    default long len(Interpreter in) {
        return -1;
    }

    /** {@code bool(obj)}: by default true, or the length's truth when there is one. */
    default boolean truthy(Interpreter in) {
        long n = len(in);
        return n != 0;
    }

    /** {@code obj == other}; identity by default. */
    default boolean pyEquals(Interpreter in, Object other) {
        return this == other;
    }

    /** {@code hash(obj)}; identity by default. */
    default long pyHash(Interpreter in) {
        return System.identityHashCode(this);
    }
}
