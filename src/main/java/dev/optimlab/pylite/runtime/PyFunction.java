package dev.optimlab.pylite.runtime;

import dev.optimlab.pylite.syntax.Node;
import java.util.Map;

/**
 * A function defined by {@code def} or {@code lambda}; mirrors CPython's {@code function} object with its
 * defaults, keyword-only defaults and the enclosing frame that closures read.
 */
public final class PyFunction implements PyObject {
    private final String name;
    private final String qualname;
    private final Node.Arguments parameters;
    private final Object[] defaults;
    private final Map<String, Object> kwDefaults;
    private final java.util.List<Node.Statement> body;
    private final Node.Expression lambdaBody;
    private final boolean generator;
    private final Frame enclosing;
    private final Scope scope;
    private final Map<String, Object> attributes = new java.util.HashMap<>();
    private PyType definingClass;

    PyFunction(String name, String qualname, Node.Arguments parameters, Object[] defaults,
               Map<String, Object> kwDefaults, java.util.List<Node.Statement> body, Node.Expression lambdaBody,
               boolean generator, Frame enclosing, Scope scope) {
        this.name = name;
        this.qualname = qualname;
        this.parameters = parameters;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.body = body;
        this.lambdaBody = lambdaBody;
        this.generator = generator;
        this.enclosing = enclosing;
        this.scope = scope;
    }

    public String name() {
        return name;
    }

    public String qualname() {
        return qualname;
    }

    Node.Arguments parameters() {
        return parameters;
    }

    Object[] defaults() {
        return defaults;
    }

    Map<String, Object> kwDefaults() {
        return kwDefaults;
    }

    java.util.List<Node.Statement> body() {
        return body;
    }

    Node.Expression lambdaBody() {
        return lambdaBody;
    }

    boolean isGenerator() {
        return generator;
    }

    Frame enclosing() {
        return enclosing;
    }

    Scope scope() {
        return scope;
    }

    /** The class whose body defined this function; zero-argument super() starts after it. */
    PyType definingClass() {
        return definingClass;
    }

    void setDefiningClass(PyType cls) {
        this.definingClass = cls;
    }

    @Override
    public PyType pyType() {
        return PyType.FUNCTION;
    }

    @Override
    public Object call(Interpreter in, Object[] args, Map<String, Object> kwargs) {
        return in.callFunction(this, args, kwargs);
    }

    @Override
    public Object getAttr(Interpreter in, String attr) {
        return switch (attr) {
            case "__name__" -> name;
            case "__qualname__" -> qualname;
            case "__module__" -> "__main__";
            case "__doc__" -> {
                if (body != null && !body.isEmpty() && body.get(0) instanceof Node.Expr e
                        && e.value() instanceof Node.Constant c && c.value() instanceof String s) {
                    yield s;
                }
                yield Py.NONE;
            }
            default -> attributes.get(attr);
        };
    }

    @Override
    public boolean setAttr(Interpreter in, String attr, Object value) {
        if (attr.startsWith("__")) {
            return false;
        }
        attributes.put(attr, value);
        return true;
    }

    @Override
    public String repr(Interpreter in) {
        return "<function " + qualname + " at " + in.fakeAddress(this) + ">";
    }
}
