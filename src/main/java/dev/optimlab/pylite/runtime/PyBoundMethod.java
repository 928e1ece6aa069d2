package dev.optimlab.pylite.runtime;

import java.util.Map;

/** A function bound to its first argument; mirrors CPython's {@code method} object. */
public record PyBoundMethod(Object self, Object function) implements PyObject {

    @Override
    public PyType pyType() {
        return PyType.METHOD;
    }

    @Override
    public Object call(Interpreter in, Object[] args, Map<String, Object> kwargs) {
        Object[] full = new Object[args.length + 1];
        full[0] = self;
        System.arraycopy(args, 0, full, 1, args.length);
        return in.call(function, full, kwargs);
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return switch (name) {
            case "__self__" -> self;
            case "__func__" -> function;
            case "__name__" -> function instanceof PyFunction f ? f.name() : ((PyBuiltinFunction) function).name();
            default -> function instanceof PyObject o ? o.getAttr(in, name) : null;
        };
    }

    @Override
    public String repr(Interpreter in) {
        if (function instanceof PyBuiltinFunction b) {
            return "<built-in method " + b.name() + " of " + Py.typeName(self) + " object>";
        }
        PyFunction f = (PyFunction) function;
        return "<bound method " + f.qualname() + " of " + Ops.repr(in, self) + ">";
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        return other instanceof PyBoundMethod m && m.self == self && m.function == function;
    }

    @Override
    public long pyHash(Interpreter in) {
        return System.identityHashCode(self) * 31L + System.identityHashCode(function);
    }
}
