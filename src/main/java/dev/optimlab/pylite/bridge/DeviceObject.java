package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyType;

/** {@code torch.device}: only the CPU exists, as on a PyTorch build without CUDA. */
final class DeviceObject implements PyObject {
    static final PyType TYPE = PyType.hostClass("device", null, "torch");
    static final DeviceObject CPU = new DeviceObject();

    private DeviceObject() {
    }

    /** {@code torch.device(spec)}: "cpu" (or "cpu:0"); CUDA and MPS fail as they do without a GPU. */
    static DeviceObject parse(Object spec) {
        if (spec instanceof DeviceObject d) {
            return d;
        }
        String s = spec instanceof String str ? str : "";
        if (s.equals("cpu") || s.equals("cpu:0")) {
            return CPU;
        }
        if (s.startsWith("cuda")) {
            throw PyException.of(PyType.ASSERTION_ERROR, "Torch not compiled with CUDA enabled");
        }
        throw PyException.of(PyType.RUNTIME_ERROR, "Expected one of cpu, cuda, mps device type at start of device "
                + "string: " + s);
    }

    @Override
    public PyType pyType() {
        return TYPE;
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return switch (name) {
            case "type" -> "cpu";
            case "index" -> dev.optimlab.pylite.runtime.Py.NONE;
            default -> null;
        };
    }

    @Override
    public String repr(Interpreter in) {
        return "device(type='cpu')";
    }

    @Override
    public String str(Interpreter in) {
        return "cpu";
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        return other == this || "cpu".equals(other);
    }
}
