package dev.optimlab.pylite.runtime;

/**
 * A dict key or set element compared with Python's {@code __eq__}/{@code __hash__}, so that 1, 1.0 and
 * True are the same key while the first one inserted is the one kept, as in CPython's dictobject.c.
 */
public final class Key {
    private final Object value;
    private final long hash;

    public Key(Interpreter in, Object value) {
        this.value = value;
        this.hash = Ops.hash(in, value);
    }

    public Object value() {
        return value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Key k) || k.hash != hash) {
            return false;
        }
        if (value == k.value || (value instanceof String s && s.equals(k.value))) {
            return true;
        }
        return Ops.eq(Interpreter.current(), value, k.value);
    }
}
