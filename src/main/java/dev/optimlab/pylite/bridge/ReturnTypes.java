package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.PyIterator;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyTuple;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.ValuesIndices;

/** {@code torch.return_types.max(values=..., indices=...)}: a named pair that unpacks like a tuple. */
final class ReturnTypes implements PyObject {
    static final PyType TYPE = PyType.hostClass("return_types", null, "torch");

    private final String name;
    private final PyTuple pair;

    ReturnTypes(String name, ValuesIndices vi) {
        this.name = name;
        this.pair = new PyTuple(TensorObject.of(vi.values()), TensorObject.of(vi.indices()));
    }

    @Override
    public PyType pyType() {
        return TYPE;
    }

    @Override
    public Object getAttr(Interpreter in, String attr) {
        return switch (attr) {
            case "values" -> pair.get(0);
            case "indices" -> pair.get(1);
            default -> null;
        };
    }

    @Override
    public Object getItem(Interpreter in, Object key) {
        return pair.getItem(in, key);
    }

    @Override
    public long len(Interpreter in) {
        return 2;
    }

    @Override
    public PyIterator iter(Interpreter in) {
        return pair.iter(in);
    }

    @Override
    public String repr(Interpreter in) {
        return "torch.return_types." + name + "(\nvalues=" + ((PyObject) pair.get(0)).repr(in) + ",\nindices="
                + ((PyObject) pair.get(1)).repr(in) + ")";
    }
}
