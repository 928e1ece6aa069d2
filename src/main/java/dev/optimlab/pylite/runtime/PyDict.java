package dev.optimlab.pylite.runtime;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Python's {@code dict}: insertion ordered, keys compared with Python equality. */
public final class PyDict implements PyObject {
    private final LinkedHashMap<Key, Object> map = new LinkedHashMap<>();

    public LinkedHashMap<Key, Object> map() {
        return map;
    }

    public Object get(Interpreter in, Object key) {
        return map.get(new Key(in, key));
    }

    public void put(Interpreter in, Object key, Object value) {
        map.put(new Key(in, key), value);
    }

    /** Convenience for host code building dicts with string keys. */
    public void put(String key, Object value) {
        map.put(new Key(null, key), value);
    }

    public int size() {
        return map.size();
    }

    @Override
    public PyType pyType() {
        return PyType.DICT;
    }

    @Override
    public long len(Interpreter in) {
        return map.size();
    }

    @Override
    public Object getItem(Interpreter in, Object key) {
        Object v = map.get(new Key(in, key));
        if (v == null) {
            throw PyException.keyError(key);
        }
        return v;
    }

    @Override
    public void setItem(Interpreter in, Object key, Object value) {
        in.budget().allocate(48);
        map.put(new Key(in, key), value);
    }

    @Override
    public void delItem(Interpreter in, Object key) {
        if (map.remove(new Key(in, key)) == null) {
            throw PyException.keyError(key);
        }
    }

    @Override
    public PyIterator iter(Interpreter in) {
        return new DictIterator(this, DictIterator.Kind.KEYS);
    }

    @Override
    public String repr(Interpreter in) {
        return in.reprGuarded(this, "{...}", () -> {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<Key, Object> e : map.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(Ops.repr(in, e.getKey().value())).append(": ").append(Ops.repr(in, e.getValue()));
                in.budget().step();
            }
            return sb.append('}').toString();
        });
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        if (!(other instanceof PyDict d) || d.map.size() != map.size()) {
            return false;
        }
        for (Map.Entry<Key, Object> e : map.entrySet()) {
            Object theirs = d.map.get(e.getKey());
            if (theirs == null || !Ops.eq(in, e.getValue(), theirs)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long pyHash(Interpreter in) {
        throw PyException.typeError("unhashable type: 'dict'");
    }

    @Override
    public Object binaryOp(Interpreter in, String dunder, Object other) {
        if (dunder.equals("__or__") && other instanceof PyDict d) {
            PyDict out = new PyDict();
            out.map.putAll(map);
            out.map.putAll(d.map);
            return out;
        }
        return Py.NOT_IMPLEMENTED;
    }

    /**
     * CPython's dict_keyiterator, dict_valueiterator and dict_itemiterator: each step first compares the dict's
     * size with the size it started from, so adding or removing a key during a loop fails at the next step.
     */
    static final class DictIterator implements PyIterator {
        enum Kind { KEYS, VALUES, ITEMS }

        private final PyDict dict;
        private final Kind kind;
        private final Iterator<Map.Entry<Key, Object>> entries;
        private int expectedSize;
        private boolean exhausted;

        DictIterator(PyDict dict, Kind kind) {
            this.dict = dict;
            this.kind = kind;
            this.entries = dict.map.entrySet().iterator();
            this.expectedSize = dict.map.size();
        }

        @Override
        public Object next(Interpreter in) {
            if (exhausted) {
                return null;
            }
            if (dict.map.size() != expectedSize) {
                expectedSize = -1; // sticky, as in CPython: every later step fails too
                throw PyException.of(PyType.RUNTIME_ERROR, "dictionary changed size during iteration");
            }
            if (!entries.hasNext()) {
                exhausted = true;
                return null;
            }
            Map.Entry<Key, Object> e;
            try {
                e = entries.next();
            } catch (ConcurrentModificationException sameSizeOtherKeys) {
                exhausted = true;
                throw PyException.of(PyType.RUNTIME_ERROR, "dictionary keys changed during iteration");
            }
            return switch (kind) {
                case KEYS -> e.getKey().value();
                case VALUES -> e.getValue();
                case ITEMS -> new PyTuple(e.getKey().value(), e.getValue());
            };
        }
    }
}
