package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.DType;

/** {@code torch.dtype}: the objects {@code torch.float32}, {@code torch.int64}, ... printed by their names. */
record DTypeObject(DType dtype) implements PyObject {
    static final PyType TYPE = PyType.hostClass("dtype", null, "torch");

    @Override
    public PyType pyType() {
        return TYPE;
    }

    @Override
    public String repr(Interpreter in) {
        return dtype.pythonName();
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return switch (name) {
            case "is_floating_point" -> dtype.isFloatingPoint();
            case "itemsize" -> (long) dtype.itemSize();
            default -> null;
        };
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        return other instanceof DTypeObject d && d.dtype == dtype;
    }

    @Override
    public Object binaryOp(Interpreter in, String dunder, Object other) {
        return dunder.equals("__eq__") ? (Object) pyEquals(in, other) : dev.optimlab.pylite.runtime.Py.NOT_IMPLEMENTED;
    }

    @Override
    public long pyHash(Interpreter in) {
        return dtype.hashCode();
    }
}
