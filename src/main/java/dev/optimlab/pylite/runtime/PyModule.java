package dev.optimlab.pylite.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module such as {@code math}; mirrors CPython's module object. Modules supplied by Java are frozen:
 * programs can read their attributes but not rebind them.
 */
public final class PyModule implements PyObject {
    private final String name;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    public PyModule(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Adds an attribute while the module is being built by Java code. */
    public PyModule define(String attr, Object value) {
        attributes.put(attr, value);
        return this;
    }

    /** Adds a Java function as a module attribute. */
    public PyModule function(String attr, PyBuiltinFunction.Body body) {
        return define(attr, PyBuiltinFunction.function(attr, body));
    }

    public Map<String, Object> attributes() {
        return java.util.Collections.unmodifiableMap(attributes);
    }

    @Override
    public PyType pyType() {
        return PyType.MODULE;
    }

    @Override
    public Object getAttr(Interpreter in, String attr) {
        if (attr.equals("__name__")) {
            return name;
        }
        return attributes.get(attr);
    }

    @Override
    public boolean setAttr(Interpreter in, String attr, Object value) {
        throw PyException.attributeError("module '" + name + "' is read-only in OptimLab: '" + attr
                + "' cannot be changed");
    }

    @Override
    public String repr(Interpreter in) {
        return "<module '" + name + "' (built-in)>";
    }
}
