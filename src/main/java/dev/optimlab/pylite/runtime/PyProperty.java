package dev.optimlab.pylite.runtime;

/** Python's {@code property} descriptor with getter, setter and the {@code .setter} decorator. */
public final class PyProperty implements PyObject {
    private final Object getter;
    private final Object setter;

    public PyProperty(Object getter, Object setter) {
        this.getter = getter;
        this.setter = setter;
    }

    Object get(Interpreter in, Object self) {
        if (getter == null || getter == Py.NONE) {
            throw PyException.attributeError(described(self) + " has no getter");
        }
        return in.call(getter, new Object[] {self}, null);
    }

    void set(Interpreter in, Object self, Object value) {
        if (setter == null || setter == Py.NONE) {
            throw PyException.attributeError(described(self) + " has no setter");
        }
        in.call(setter, new Object[] {self, value}, null);
    }

    /** CPython 3.11's wording: "property 'p' of 'A' object", the name taken from the getter. */
    private String described(Object self) {
        String name = getter instanceof PyFunction fn ? " " + Ops.strRepr(fn.name()) : "";
        return "property" + name + " of '" + Py.typeName(self) + "' object";
    }

    @Override
    public PyType pyType() {
        return PyType.PROPERTY;
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return switch (name) {
            case "setter" -> PyBuiltinFunction.function("setter", (i, a, k) -> new PyProperty(getter, a[0]));
            case "getter" -> PyBuiltinFunction.function("getter", (i, a, k) -> new PyProperty(a[0], setter));
            case "fget" -> getter;
            case "fset" -> setter == null ? Py.NONE : setter;
            default -> null;
        };
    }
}
