package dev.optimlab.pylite.runtime;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code list}: a mutable sequence backed by an ArrayList. */
public final class PyList implements PyObject {
    private final ArrayList<Object> items;

    public PyList() {
        this.items = new ArrayList<>();
    }

    public PyList(List<Object> items) {
        this.items = items instanceof ArrayList<Object> a ? a : new ArrayList<>(items);
    }

    public ArrayList<Object> items() {
        return items;
    }

    @Override
    public PyType pyType() {
        return PyType.LIST;
    }

    @Override
    public long len(Interpreter in) {
        return items.size();
    }

    @Override
    public Object getItem(Interpreter in, Object key) {
        if (key instanceof PySlice s) {
            return new PyList(Sequences.slice(in, items, s));
        }
        return items.get(Sequences.index(in, key, items.size(), "list"));
    }

    @Override
    public void setItem(Interpreter in, Object key, Object value) {
        if (key instanceof PySlice s) {
            Sequences.assignSlice(in, items, s, value);
            return;
        }
        items.set(Sequences.index(in, key, items.size(), "list assignment"), value);
    }

    @Override
    public void delItem(Interpreter in, Object key) {
        if (key instanceof PySlice s) {
            Sequences.deleteSlice(in, items, s);
            return;
        }
        items.remove(Sequences.index(in, key, items.size(), "list assignment"));
    }

    @Override
    public PyIterator iter(Interpreter in) {
        return new Sequences.ListIterator(items);
    }

    @Override
    public String repr(Interpreter in) {
        return in.reprGuarded(this, "[...]", () -> Sequences.join(in, items.toArray(), "[", "]"));
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        return other instanceof PyList l && Sequences.equal(in, items, l.items);
    }

    @Override
    public long pyHash(Interpreter in) {
        throw PyException.typeError("unhashable type: 'list'");
    }

    @Override
    public Object binaryOp(Interpreter in, String dunder, Object other) {
        return Sequences.binaryOp(in, this, dunder, other);
    }
}
