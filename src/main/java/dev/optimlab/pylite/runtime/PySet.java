package dev.optimlab.pylite.runtime;

import java.util.List;

/**
 * Python's {@code set}, on a port of CPython's hash table ({@link SetTable}) so that sets of numbers
 * iterate and print in CPython's order, and its operators follow setobject.c's construction order.
 */
public final class PySet implements PyObject {
    private final SetTable table = new SetTable();

    public void add(Interpreter in, Object value) {
        table.add(in, value);
    }

    public boolean contains(Interpreter in, Object value) {
        return table.contains(in, value);
    }

    public boolean discard(Interpreter in, Object value) {
        return table.discard(in, value);
    }

    public int size() {
        return table.size();
    }

    /** The elements in iteration order. */
    public List<Object> values() {
        return table.values();
    }

    void clear() {
        table.clear();
    }

    /** set.pop(), or null when the set is empty. */
    Object pop() {
        return table.pop();
    }

    /** set_update_internal: another set merges, a dict adds its keys, anything else is iterated. */
    void update(Interpreter in, Object other) {
        if (other instanceof PySet s) {
            table.merge(in, s.table);
        } else if (other instanceof PyDict d) {
            table.addDictKeys(in, d);
        } else {
            PyIterator it = Ops.iter(in, other);
            for (Object v = it.next(in); v != null; v = it.next(in)) {
                in.budget().allocate(16);
                table.add(in, v);
            }
        }
    }

    PySet copy(Interpreter in) {
        PySet out = new PySet();
        in.budget().allocate(16L * size());
        out.table.merge(in, table);
        return out;
    }

    /** set_intersection: iterates the smaller set, adding its elements that the other holds. */
    PySet intersection(Interpreter in, Object other) {
        PySet result = new PySet();
        if (other instanceof PySet s) {
            PySet big = this;
            PySet small = s;
            if (s.size() > size()) {
                big = s;
                small = this;
            }
            for (Object v : small.values()) {
                if (big.contains(in, v)) {
                    result.add(in, v);
                }
            }
            return result;
        }
        PyIterator it = Ops.iter(in, other);
        for (Object v = it.next(in); v != null; v = it.next(in)) {
            if (contains(in, v)) {
                result.add(in, v);
            }
        }
        return result;
    }

    /** set_difference: a copy minus the other's elements when the other is small, else a filtered rebuild. */
    PySet difference(Interpreter in, Object other) {
        if (!(other instanceof PySet s) || (size() >> 2) > s.size()) {
            PySet result = copy(in);
            for (Object v : Ops.toList(in, other)) {
                result.discard(in, v);
            }
            return result;
        }
        PySet result = new PySet();
        for (Object v : values()) {
            if (!s.contains(in, v)) {
                result.add(in, v);
            }
        }
        return result;
    }

    /** set_symmetric_difference: a copy of the other, updated with this set's elements. */
    PySet symmetricDifference(Interpreter in, Object other) {
        PySet result = new PySet();
        result.update(in, other);
        for (Object v : values()) {
            if (!result.discard(in, v)) {
                result.add(in, v);
            }
        }
        return result;
    }

    boolean isSubsetOf(Interpreter in, PySet other) {
        if (size() > other.size()) {
            return false;
        }
        for (Object v : values()) {
            if (!other.contains(in, v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public PyType pyType() {
        return PyType.SET;
    }

    @Override
    public long len(Interpreter in) {
        return size();
    }

    @Override
    public PyIterator iter(Interpreter in) {
        return table.new SetIterator();
    }

    @Override
    public String repr(Interpreter in) {
        if (size() == 0) {
            return "set()";
        }
        return in.reprGuarded(this, "{...}", () -> Sequences.join(in, values().toArray(), "{", "}"));
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        if (other instanceof DictMethods.DictView view) {
            return view.pyEquals(in, this);
        }
        return other instanceof PySet s && s.size() == size() && isSubsetOf(in, s);
    }

    @Override
    public long pyHash(Interpreter in) {
        throw PyException.typeError("unhashable type: 'set'");
    }

    @Override
    public Object binaryOp(Interpreter in, String dunder, Object other) {
        if (!(other instanceof PySet s)) {
            return Py.NOT_IMPLEMENTED;
        }
        return switch (dunder) {
            case "__or__" -> {
                PySet out = copy(in);
                out.update(in, s);
                yield out;
            }
            case "__and__" -> intersection(in, s);
            case "__sub__" -> difference(in, s);
            case "__xor__" -> symmetricDifference(in, s);
            case "__le__" -> isSubsetOf(in, s);
            case "__lt__" -> size() < s.size() && isSubsetOf(in, s);
            case "__ge__" -> s.isSubsetOf(in, this);
            case "__gt__" -> s.size() < size() && s.isSubsetOf(in, this);
            default -> Py.NOT_IMPLEMENTED;
        };
    }
}
