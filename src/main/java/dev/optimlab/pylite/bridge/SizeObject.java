package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyIterator;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyTuple;
import dev.optimlab.pylite.runtime.PyType;

/** {@code torch.Size}: a tuple of ints that prints as {@code torch.Size([2, 3])}. */
final class SizeObject implements PyObject {
    static final PyType TYPE = PyType.hostClass("Size", null, "torch");

    private final PyTuple items;

    SizeObject(PyTuple items) {
        this.items = items;
    }

    PyTuple tuple() {
        return items;
    }

    @Override
    public PyType pyType() {
        return TYPE;
    }

    @Override
    public Object getItem(Interpreter in, Object key) {
        Object r = items.getItem(in, key);
        return r instanceof PyTuple t ? new SizeObject(t) : r;
    }

    @Override
    public long len(Interpreter in) {
        return items.len(in);
    }

    @Override
    public PyIterator iter(Interpreter in) {
        return items.iter(in);
    }

    @Override
    public String repr(Interpreter in) {
        StringBuilder out = new StringBuilder("torch.Size([");
        Object[] values = items.items();
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return out.append("])").toString();
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        return items.pyEquals(in, other instanceof SizeObject s ? s.items : other);
    }

    @Override
    public Object binaryOp(Interpreter in, String dunder, Object other) {
        if (dunder.equals("__eq__")) {
            return pyEquals(in, other);
        }
        return items.binaryOp(in, dunder, other instanceof SizeObject s ? s.items : other);
    }

    @Override
    public long pyHash(Interpreter in) {
        return items.pyHash(in);
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        if (name.equals("numel")) {
            return Host.function("numel", (i, a, k) -> {
                long n = 1;
                for (Object v : items.items()) {
                    n *= (Long) v;
                }
                return n;
            });
        }
        return null;
    }

    @Override
    public void setItem(Interpreter in, Object key, Object value) {
        throw PyException.typeError("'torch.Size' object does not support item assignment");
    }
}
