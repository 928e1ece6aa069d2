package dev.optimlab.pylite.runtime;

import java.util.Map;

/**
 * A function implemented in Java: a builtin such as {@code len}, or a method of a built-in type (then
 * {@code args[0]} is self). Mirrors CPython's {@code builtin_function_or_method}.
 */
public final class PyBuiltinFunction implements PyObject {
    /** The Java body; kwargs may be null. */
    @FunctionalInterface
    public interface Body {
        Object call(Interpreter in, Object[] args, Map<String, Object> kwargs);
    }

    private final String name;
    private final boolean method;
    private final Body body;

    public PyBuiltinFunction(String name, boolean method, Body body) {
        this.name = name;
        this.method = method;
        this.body = body;
    }

    public static PyBuiltinFunction function(String name, Body body) {
        return new PyBuiltinFunction(name, false, body);
    }

    public static PyBuiltinFunction method(String name, Body body) {
        return new PyBuiltinFunction(name, true, body);
    }

    public String name() {
        return name;
    }

    public boolean isMethod() {
        return method;
    }

    @Override
    public PyType pyType() {
        return PyType.BUILTIN_FUNCTION;
    }

    @Override
    public Object call(Interpreter in, Object[] args, Map<String, Object> kwargs) {
        try {
            return body.call(in, args, kwargs);
        } catch (ArrayIndexOutOfBoundsException e) {
            int given = method ? args.length - 1 : args.length;
            throw PyException.typeError(name + "() is missing a required argument (" + given + " given)");
        } catch (IndexOutOfBoundsException e) {
            throw PyException.indexError(name + "(): index out of range");
        } catch (ClassCastException | NullPointerException e) {
            throw PyException.typeError(name + "() got an argument of the wrong type");
        }
    }

    @Override
    public Object getAttr(Interpreter in, String attr) {
        return attr.equals("__name__") || attr.equals("__qualname__") ? name : null;
    }

    @Override
    public String repr(Interpreter in) {
        return method ? "<method '" + name + "'>" : "<built-in function " + name + ">";
    }
}
