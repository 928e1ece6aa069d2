package dev.optimlab.pylite.runtime;

import java.util.LinkedHashSet;

/**
 * Python's {@code set}. Iteration follows insertion order, which differs from CPython's hash order
 * (documented in docs/python-subset.md).
 */
public final class PySet implements PyObject {
    private final LinkedHashSet<Key> items = new LinkedHashSet<>();

    public LinkedHashSet<Key> items() {
        return items;
    }

    public void add(Interpreter in, Object value) {
        items.add(new Key(in, value));
    }

    public boolean contains(Interpreter in, Object value) {
        return items.contains(new Key(in, value));
    }

    @Override
    public PyType pyType() {
        return PyType.SET;
    }

    @Override
    public long len(Interpreter in) {
        return items.size();
    }

    @Override
    public PyIterator iter(Interpreter in) {
        return Iterators.of(items.stream().map(Key::value).iterator());
    }

    @Override
    public String repr(Interpreter in) {
        if (items.isEmpty()) {
            return "set()";
        }
        return in.reprGuarded(this, "{...}", () -> Sequences.join(in, items.stream().map(Key::value).toArray(), "{", "}"));
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        return other instanceof PySet s && s.items.equals(items);
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
        PySet out = new PySet();
        switch (dunder) {
            case "__or__" -> {
                out.items.addAll(items);
                out.items.addAll(s.items);
            }
            case "__and__" -> {
                out.items.addAll(items);
                out.items.retainAll(s.items);
            }
            case "__sub__" -> {
                out.items.addAll(items);
                out.items.removeAll(s.items);
            }
            case "__xor__" -> {
                for (Key k : items) {
                    if (!s.items.contains(k)) {
                        out.items.add(k);
                    }
                }
                for (Key k : s.items) {
                    if (!items.contains(k)) {
                        out.items.add(k);
                    }
                }
            }
            case "__le__" -> {
                return s.items.containsAll(items);
            }
            case "__lt__" -> {
                return s.items.containsAll(items) && s.items.size() > items.size();
            }
            case "__ge__" -> {
                return items.containsAll(s.items);
            }
            case "__gt__" -> {
                return items.containsAll(s.items) && items.size() > s.items.size();
            }
            default -> {
                return Py.NOT_IMPLEMENTED;
            }
        }
        return out;
    }
}
