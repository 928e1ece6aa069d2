package dev.optimlab.pylite.runtime;

import static dev.optimlab.pylite.runtime.Methods.method;
import static dev.optimlab.pylite.runtime.Methods.rest;

import java.util.Collections;
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
        method(t, "keys", (in, a, k) -> new DictView(dict(a[0]), PyDict.DictIterator.Kind.KEYS));
        method(t, "values", (in, a, k) -> new DictView(dict(a[0]), PyDict.DictIterator.Kind.VALUES));
        method(t, "items", (in, a, k) -> new DictView(dict(a[0]), PyDict.DictIterator.Kind.ITEMS));
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

    /**
     * dict_keys, dict_values and dict_items: live views over a dict (CPython's dictview objects). Keys and
     * items views are set-like: they compare equal to sets and combine with {@code & | - ^} into sets.
     */
    static final class DictView implements PyObject {
        private final PyDict dict;
        private final PyDict.DictIterator.Kind kind;

        DictView(PyDict dict, PyDict.DictIterator.Kind kind) {
            this.dict = dict;
            this.kind = kind;
        }

        @Override
        public PyType pyType() {
            return switch (kind) {
                case KEYS -> PyType.DICT_KEYS;
                case VALUES -> PyType.DICT_VALUES;
                case ITEMS -> PyType.DICT_ITEMS;
            };
        }

        @Override
        public long len(Interpreter in) {
            return dict.size();
        }

        @Override
        public PyIterator iter(Interpreter in) {
            return new PyDict.DictIterator(dict, kind);
        }

        /** reversed(view): CPython's dict_reversekeyiterator and friends, over the current entries. */
        PyIterator reversed(Interpreter in) {
            List<Object> items = Ops.toList(in, this);
            Collections.reverse(items);
            return new Sequences.ListIterator(items);
        }

        /** {@code x in view}: a key lookup for keys, a lookup plus value comparison for items, a scan for values. */
        boolean contains(Interpreter in, Object item) {
            return switch (kind) {
                case KEYS -> dict.map().containsKey(new Key(in, item));
                case ITEMS -> {
                    if (!(item instanceof PyTuple t) || t.items().length != 2) {
                        yield false;
                    }
                    Object value = dict.get(in, t.items()[0]);
                    yield value != null && Ops.eq(in, value, t.items()[1]);
                }
                case VALUES -> {
                    for (Object value : dict.map().values()) {
                        if (Ops.eq(in, value, item)) {
                            yield true;
                        }
                    }
                    yield false;
                }
            };
        }

        @Override
        public String repr(Interpreter in) {
            return in.reprGuarded(this, "...",
                    () -> pyType().name() + "(" + new PyList(Ops.toList(in, this)).repr(in) + ")");
        }

        @Override
        public Object getAttr(Interpreter in, String name) {
            return null;
        }

        @Override
        public boolean pyEquals(Interpreter in, Object other) {
            if (kind == PyDict.DictIterator.Kind.VALUES) {
                return this == other;
            }
            if (other instanceof PySet s) {
                return toSet(in).pyEquals(in, s);
            }
            if (other instanceof DictView v && v.kind != PyDict.DictIterator.Kind.VALUES) {
                return toSet(in).pyEquals(in, v.toSet(in));
            }
            return false;
        }

        @Override
        public long pyHash(Interpreter in) {
            throw PyException.typeError("unhashable type: '" + pyType().name() + "'");
        }

        /**
         * dictviews_and, _or, _sub, _xor (and reflected): the view as a set, combined with any iterable; and
         * dictview_richcompare: subset and superset tests against a set or another set-like view.
         */
        @Override
        public Object binaryOp(Interpreter in, String dunder, Object other) {
            if (kind == PyDict.DictIterator.Kind.VALUES || !(other instanceof PyObject || other instanceof String)) {
                return Py.NOT_IMPLEMENTED;
            }
            if (dunder.equals("__lt__") || dunder.equals("__le__") || dunder.equals("__gt__") || dunder.equals("__ge__")) {
                if (other instanceof PySet s) {
                    return toSet(in).binaryOp(in, dunder, s);
                }
                if (other instanceof DictView v && v.kind != PyDict.DictIterator.Kind.VALUES) {
                    return toSet(in).binaryOp(in, dunder, v.toSet(in));
                }
                return Py.NOT_IMPLEMENTED;
            }
            boolean reflected = dunder.startsWith("__r");
            String op = reflected ? "__" + dunder.substring(3) : dunder;
            if (!(op.equals("__and__") || op.equals("__or__") || op.equals("__sub__") || op.equals("__xor__"))) {
                return Py.NOT_IMPLEMENTED;
            }
            PySet mine = toSet(in);
            PySet theirs = new PySet();
            theirs.update(in, other);
            PySet left = reflected ? theirs : mine;
            PySet right = reflected ? mine : theirs;
            switch (op) {
                case "__and__" -> {
                    return left.intersection(in, right);
                }
                case "__or__" -> left.update(in, right);
                case "__sub__" -> {
                    for (Object v : right.values()) {
                        left.discard(in, v);
                    }
                }
                default -> {
                    for (Object v : right.values()) {
                        if (!left.discard(in, v)) {
                            left.add(in, v);
                        }
                    }
                }
            }
            return left;
        }

        private PySet toSet(Interpreter in) {
            PySet s = new PySet();
            s.update(in, this);
            return s;
        }
    }
}
