package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.PyDict;
import dev.optimlab.pylite.runtime.PyIterator;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyType;
import java.util.Map;

/**
 * {@code collections.OrderedDict}, what {@code Module.state_dict()} returns: a dict that prints as
 * CPython 3.11 prints an OrderedDict, {@code OrderedDict([('weight', tensor(...)), ...])}.
 */
final class OrderedDictObject implements PyObject {
    static final PyType TYPE = PyType.hostClass("OrderedDict", PyType.DICT, "collections");

    private final PyDict dict;

    OrderedDictObject(PyDict dict) {
        this.dict = dict;
    }

    PyDict dict() {
        return dict;
    }

    @Override
    public PyType pyType() {
        return TYPE;
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return dict.getAttr(in, name);
    }

    @Override
    public Object getItem(Interpreter in, Object key) {
        return dict.getItem(in, key);
    }

    @Override
    public void setItem(Interpreter in, Object key, Object value) {
        dict.setItem(in, key, value);
    }

    @Override
    public void delItem(Interpreter in, Object key) {
        dict.delItem(in, key);
    }

    @Override
    public PyIterator iter(Interpreter in) {
        return dict.iter(in);
    }

    @Override
    public long len(Interpreter in) {
        return dict.len(in);
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        return dict.pyEquals(in, other instanceof OrderedDictObject o ? o.dict : other);
    }

    @Override
    public Object binaryOp(Interpreter in, String dunder, Object other) {
        return dict.binaryOp(in, dunder, other instanceof OrderedDictObject o ? o.dict : other);
    }

    @Override
    public String repr(Interpreter in) {
        if (dict.size() == 0) {
            return "OrderedDict()";
        }
        return in.reprGuarded(this, "...", () -> {
            StringBuilder out = new StringBuilder("OrderedDict([");
            boolean first = true;
            for (Map.Entry<dev.optimlab.pylite.runtime.Key, Object> e : dict.map().entrySet()) {
                out.append(first ? "(" : ", (").append(Ops.repr(in, e.getKey().value())).append(", ")
                        .append(Ops.repr(in, e.getValue())).append(')');
                first = false;
            }
            return out.append("])").toString();
        });
    }
}
