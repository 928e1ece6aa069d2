package dev.optimlab.pylite.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance of a class defined by the program; mirrors CPython's generic object with an instance
 * {@code __dict__}, looking special methods up on the class as CPython's slots do.
 */
public class PyInstance implements PyObject {
    private final PyType cls;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    public PyInstance(PyType cls) {
        this.cls = cls;
    }

    @Override
    public PyType pyType() {
        return cls;
    }

    /** The instance's own attributes. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    protected final Object special(Interpreter in, String dunder, Object... args) {
        Object m = cls.lookup(dunder);
        if (m == null) {
            return null;
        }
        return in.call(PyType.bind(in, m, this, cls), args, null);
    }

    protected final boolean hasSpecial(String dunder) {
        Object m = cls.lookup(dunder);
        return m != null && !(m instanceof PyBuiltinFunction);
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        if (name.equals("__class__")) {
            return cls;
        }
        if (Sandbox.isForbiddenAttribute(name)) {
            return null;
        }
        Object classAttr = cls.lookup(name);
        if (classAttr instanceof PyProperty p) {
            return p.get(in, this);
        }
        Object own = attributes.get(name);
        if (own != null) {
            return own;
        }
        if (classAttr != null) {
            return PyType.bind(in, classAttr, this, cls);
        }
        if (hasSpecial("__getattr__")) {
            return special(in, "__getattr__", name);
        }
        return null;
    }

    @Override
    public boolean setAttr(Interpreter in, String name, Object value) {
        Object classAttr = cls.lookup(name);
        if (classAttr instanceof PyProperty p) {
            p.set(in, this, value);
            return true;
        }
        if (cls == PyType.OBJECT) {
            throw PyException.attributeError("'object' object has no attribute '" + name + "'");
        }
        if (name.startsWith("__") && name.endsWith("__") && !name.equals("__doc__")) {
            throw PyException.attributeError("'" + cls.name() + "' object attribute '" + name
                    + "' cannot be set in OptimLab");
        }
        in.budget().allocate(48);
        attributes.put(name, value);
        return true;
    }

    @Override
    public boolean delAttr(Interpreter in, String name) {
        return attributes.remove(name) != null;
    }

    @Override
    public Object call(Interpreter in, Object[] args, Map<String, Object> kwargs) {
        Object m = cls.lookup("__call__");
        if (m == null) {
            return PyObject.super.call(in, args, kwargs);
        }
        return in.call(PyType.bind(in, m, this, cls), args, kwargs);
    }

    @Override
    public Object getItem(Interpreter in, Object key) {
        if (!hasSpecial("__getitem__")) {
            return PyObject.super.getItem(in, key);
        }
        return special(in, "__getitem__", key);
    }

    @Override
    public void setItem(Interpreter in, Object key, Object value) {
        if (!hasSpecial("__setitem__")) {
            PyObject.super.setItem(in, key, value);
            return;
        }
        special(in, "__setitem__", key, value);
    }

    @Override
    public void delItem(Interpreter in, Object key) {
        if (!hasSpecial("__delitem__")) {
            PyObject.super.delItem(in, key);
            return;
        }
        special(in, "__delitem__", key);
    }

    @Override
    public Object binaryOp(Interpreter in, String dunder, Object other) {
        if (!hasSpecial(dunder)) {
            return Py.NOT_IMPLEMENTED;
        }
        return special(in, dunder, other);
    }

    @Override
    public Object unaryOp(Interpreter in, String dunder) {
        if (!hasSpecial(dunder)) {
            return Py.NOT_IMPLEMENTED;
        }
        return special(in, dunder);
    }

    @Override
    public String repr(Interpreter in) {
        if (hasSpecial("__repr__")) {
            Object r = special(in, "__repr__");
            if (!(r instanceof String s)) {
                throw PyException.typeError("__repr__ returned non-string (type " + Py.typeName(r) + ")");
            }
            return s;
        }
        String qual = cls.module().equals("builtins") ? cls.qualname() : cls.module() + "." + cls.qualname();
        return "<" + qual + " object at " + in.fakeAddress(this) + ">";
    }

    @Override
    public String str(Interpreter in) {
        if (hasSpecial("__str__")) {
            Object r = special(in, "__str__");
            if (!(r instanceof String s)) {
                throw PyException.typeError("__str__ returned non-string (type " + Py.typeName(r) + ")");
            }
            return s;
        }
        return repr(in);
    }

    @Override
    public PyIterator iter(Interpreter in) {
        if (hasSpecial("__iter__")) {
            Object it = special(in, "__iter__");
            if (it instanceof PyIterator pi) {
                return pi;
            }
            if (it instanceof PyInstance inst && inst.hasSpecial("__next__")) {
                return new InstanceIterator(inst);
            }
            throw PyException.typeError("iter() returned non-iterator of type '" + Py.typeName(it) + "'");
        }
        if (hasSpecial("__getitem__")) {
            return new PyIterator() {
                private long index;

                @Override
                public Object next(Interpreter in) {
                    try {
                        return special(in, "__getitem__", index++);
                    } catch (PyException e) {
                        if (e.value().type().isSubtypeOf(PyType.INDEX_ERROR)
                                || e.value().type().isSubtypeOf(PyType.STOP_ITERATION)) {
                            return null;
                        }
                        throw e;
                    }
                }
            };
        }
        return PyObject.super.iter(in);
    }

    @Override
    public long len(Interpreter in) {
        if (!hasSpecial("__len__")) {
            return -1;
        }
        Object n = special(in, "__len__");
        if (!Py.isInt(n)) {
            throw PyException.typeError("'" + Py.typeName(n) + "' object cannot be interpreted as an integer");
        }
        long v = Ops.index(n);
        if (v < 0) {
            throw PyException.valueError("__len__() should return >= 0");
        }
        return v;
    }

    @Override
    public boolean truthy(Interpreter in) {
        if (hasSpecial("__bool__")) {
            Object b = special(in, "__bool__");
            if (!(b instanceof Boolean bool)) {
                throw PyException.typeError("__bool__ should return bool, returned " + Py.typeName(b));
            }
            return bool;
        }
        return len(in) != 0;
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        if (this == other) {
            return true;
        }
        if (hasSpecial("__eq__")) {
            Object r = special(in, "__eq__", other);
            return r != Py.NOT_IMPLEMENTED && Ops.truthy(in, r);
        }
        return false;
    }

    @Override
    public long pyHash(Interpreter in) {
        if (hasSpecial("__hash__")) {
            return Ops.index(special(in, "__hash__"));
        }
        if (hasSpecial("__eq__")) {
            throw PyException.typeError("unhashable type: '" + cls.name() + "'");
        }
        return System.identityHashCode(this);
    }

    /** Adapts an object with {@code __next__} to the runtime's iterator protocol. */
    static final class InstanceIterator implements PyIterator {
        private final PyInstance target;

        InstanceIterator(PyInstance target) {
            this.target = target;
        }

        @Override
        public Object next(Interpreter in) {
            try {
                return target.special(in, "__next__");
            } catch (PyException e) {
                if (e.value().type().isSubtypeOf(PyType.STOP_ITERATION)) {
                    return null;
                }
                throw e;
            }
        }

        @Override
        public PyType pyType() {
            return target.pyType();
        }
    }
}
