package dev.optimlab.pylite.runtime;

import static dev.optimlab.pylite.runtime.Methods.method;
import static dev.optimlab.pylite.runtime.Methods.rest;

import java.util.List;
import java.util.Map;

/**
 * The methods of dict (get, setdefault, pop, update, keys/values/items and their views, ...); mirrors
 * the method table of CPython's Objects/dictobject.c.
 */
final class DictMethods {
    private DictMethods() {
    }

    private static PyDict dict(Object o) {
        return (PyDict) o;
    }

    static void update(Interpreter in, PyDict d, Object source) {
        if (source instanceof PyDict other) {
            d.map().putAll(other.map());
            return;
        }
        int i = 0;
        for (Object item : Ops.toList(in, source)) {
            List<Object> pair;
            try {
                pair = Ops.toList(in, item);
            } catch (PyException e) {
                throw PyException.typeError("cannot convert dictionary update sequence element #" + i + " to a sequence");
            }
            if (pair.size() != 2) {
                throw PyException.valueError("dictionary update sequence element #" + i + " has length " + pair.size()
                        + "; 2 is required");
            }
            d.setItem(in, pair.get(0), pair.get(1));
            i++;
        }
    }

    static void installDict() {
        PyType t = PyType.DICT;
        method(t, "keys", (in, a, k) -> new DictView(dict(a[0]), DictView.Kind.KEYS));
        method(t, "values", (in, a, k) -> new DictView(dict(a[0]), DictView.Kind.VALUES));
        method(t, "items", (in, a, k) -> new DictView(dict(a[0]), DictView.Kind.ITEMS));
        method(t, "get", (in, a, k) -> {
            Args.range("get", rest(a), 1, 2);
            Object v = dict(a[0]).get(in, a[1]);
            return v != null ? v : a.length > 2 ? a[2] : Py.NONE;
        });
        method(t, "pop", (in, a, k) -> {
            Args.range("pop", rest(a), 1, 2);
            Object v = dict(a[0]).map().remove(new Key(in, a[1]));
            if (v != null) {
                return v;
            }
            if (a.length > 2) {
                return a[2];
            }
            throw PyException.keyError(a[1]);
        });
        method(t, "popitem", (in, a, k) -> {
            Map<Key, Object> m = dict(a[0]).map();
            if (m.isEmpty()) {
                throw PyException.keyError("popitem(): dictionary is empty");
            }
            Key last = null;
            for (Key key : m.keySet()) {
                last = key;
            }
            Object v = m.remove(last);
            return new PyTuple(last.value(), v);
        });
        method(t, "setdefault", (in, a, k) -> {
            PyDict d = dict(a[0]);
            Object v = d.get(in, a[1]);
            if (v != null) {
                return v;
            }
            Object dflt = a.length > 2 ? a[2] : Py.NONE;
            d.setItem(in, a[1], dflt);
            return dflt;
        });
        method(t, "update", (in, a, k) -> {
            PyDict d = dict(a[0]);
            if (a.length > 1) {
                update(in, d, a[1]);
            }
            if (k != null) {
                for (Map.Entry<String, Object> e : k.entrySet()) {
                    d.setItem(in, e.getKey(), e.getValue());
                }
            }
            return Py.NONE;
        });
        method(t, "clear", (in, a, k) -> {
            dict(a[0]).map().clear();
            return Py.NONE;
        });
        method(t, "copy", (in, a, k) -> {
            PyDict out = new PyDict();
            in.budget().allocate(48L * dict(a[0]).size());
            out.map().putAll(dict(a[0]).map());
            return out;
        });
        t.dict().put("fromkeys", new PyClassMethod(PyBuiltinFunction.function("fromkeys", (in, a, k) -> {
            PyDict out = new PyDict();
            Object value = a.length > 2 ? a[2] : Py.NONE;
            for (Object key : Ops.toList(in, a[1])) {
                out.setItem(in, key, value);
            }
            return out;
        })));
    }

    /** dict_keys, dict_values and dict_items: live views over a dict. */
    static final class DictView implements PyObject {
        enum Kind { KEYS, VALUES, ITEMS }

        private final PyDict dict;
        private final Kind kind;

        DictView(PyDict dict, Kind kind) {
            this.dict = dict;
            this.kind = kind;
        }

        @Override
        public PyType pyType() {
            return PyType.ITERATOR;
        }

        @Override
        public long len(Interpreter in) {
            return dict.size();
        }

        @Override
        public PyIterator iter(Interpreter in) {
            return switch (kind) {
                case KEYS -> Iterators.keys(dict);
                case VALUES -> Iterators.of(dict.map().values().iterator());
                case ITEMS -> Iterators.of(dict.map().entrySet().stream()
                        .map(e -> (Object) new PyTuple(e.getKey().value(), e.getValue())).iterator());
            };
        }

        @Override
        public String repr(Interpreter in) {
            String name = switch (kind) {
                case KEYS -> "dict_keys";
                case VALUES -> "dict_values";
                case ITEMS -> "dict_items";
            };
            return name + "(" + new PyList(Ops.toList(in, this)).repr(in) + ")";
        }

        @Override
        public Object getAttr(Interpreter in, String name) {
            return null;
        }

        @Override
        public boolean pyEquals(Interpreter in, Object other) {
            if (other instanceof DictView v && kind != Kind.VALUES && v.kind == kind) {
                return toSet(in).pyEquals(in, v.toSet(in));
            }
            return this == other;
        }

        private PySet toSet(Interpreter in) {
            PySet s = new PySet();
            for (Object o : Ops.toList(in, this)) {
                s.add(in, o);
            }
            return s;
        }
    }
}
