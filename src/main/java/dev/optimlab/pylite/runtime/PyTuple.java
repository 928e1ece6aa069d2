package dev.optimlab.pylite.runtime;

import java.util.Arrays;

/** Python's {@code tuple}: an immutable sequence backed by an array. */
public final class PyTuple implements PyObject {
    public static final PyTuple EMPTY = new PyTuple();

    private final Object[] items;

    public PyTuple(Object... items) {
        this.items = items;
    }

    public Object[] items() {
        return items;
    }

    public int size() {
        return items.length;
    }

    public Object get(int i) {
        return items[i];
    }

    @Override
    public PyType pyType() {
        return PyType.TUPLE;
    }

    @Override
    public long len(Interpreter in) {
        return items.length;
    }

    @Override
    public Object getItem(Interpreter in, Object key) {
        if (key instanceof PySlice s) {
            return new PyTuple(Sequences.slice(in, Arrays.asList(items), s).toArray());
        }
        return items[Sequences.index(in, key, items.length, "tuple")];
    }

    @Override
    public PyIterator iter(Interpreter in) {
        return new Sequences.ArrayIterator(items);
    }

    @Override
    public String repr(Interpreter in) {
        if (items.length == 1) {
            return "(" + Ops.repr(in, items[0]) + ",)";
        }
        return Sequences.join(in, items, "(", ")");
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        return other instanceof PyTuple t && Sequences.equal(in, Arrays.asList(items), Arrays.asList(t.items));
    }

    /** CPython 3.8+'s xxHash-based tuple hash (Objects/tupleobject.c tuplehash). */
    @Override
    public long pyHash(Interpreter in) {
        long acc = 2870177450012600261L;
        for (Object o : items) {
            acc += Ops.hash(in, o) * -4417276706812531889L;
            acc = Long.rotateLeft(acc, 31);
            acc *= -7046029288634856825L;
        }
        acc += items.length ^ (2870177450012600261L ^ 3527539L);
        return acc == -1 ? 1546275796L : acc;
    }

    @Override
    public Object binaryOp(Interpreter in, String dunder, Object other) {
        return Sequences.binaryOp(in, this, dunder, other);
    }
}
