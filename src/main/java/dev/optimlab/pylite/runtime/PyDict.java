package dev.optimlab.pylite.runtime;

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
        return Iterators.keys(this);
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
}
