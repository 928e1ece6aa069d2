package dev.optimlab.pylite.runtime;

/** Python's {@code super(cls, obj)}: attribute lookup that starts after {@code cls} in obj's MRO. */
public record PySuper(PyType start, Object self) implements PyObject {
    @Override
    public PyType pyType() {
        return PyType.SUPER;
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        PyType from = start.base();
        if (from == null) {
            return null;
        }
        Object v = from.lookup(name);
        if (v == null) {
            return null;
        }
        PyType selfType = self instanceof PyType t ? t : Py.typeOf(self);
        if (self instanceof PyType && !(v instanceof PyClassMethod)) {
            return v instanceof PyStaticMethod s ? s.function() : v;
        }
        return PyType.bind(in, v, self, selfType);
    }

    @Override
    public String repr(Interpreter in) {
        return "<super: <class '" + start.name() + "'>, <" + Py.typeName(self) + " object>>";
    }
}
