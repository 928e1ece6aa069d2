package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyTuple;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.Node;
import java.util.List;

/** A tensor's {@code grad_fn}: an autograd node such as {@code MulBackward0}, with {@code name()} and {@code next_functions}. */
record GradFnObject(Node node) implements PyObject {
    static final PyType TYPE = PyType.hostClass("Node", null, "torch.autograd.graph");

    @Override
    public PyType pyType() {
        return TYPE;
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return switch (name) {
            case "name" -> Host.function("name", (i, a, k) -> node.name());
            case "next_functions" -> {
                List<Node> next = node.nextFunctions();
                Object[] items = new Object[next.size()];
                for (int i = 0; i < items.length; i++) {
                    Node n = next.get(i);
                    items[i] = new PyTuple(n == null ? Py.NONE : new GradFnObject(n), 0L);
                }
                yield new PyTuple(items);
            }
            case "variable" -> node.variable() == null ? null : TensorObject.of(node.variable());
            default -> null;
        };
    }

    @Override
    public String repr(Interpreter in) {
        return "<" + node.name() + " object at " + in.fakeAddress(node) + ">";
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        return other instanceof GradFnObject g && g.node == node;
    }

    @Override
    public long pyHash(Interpreter in) {
        return System.identityHashCode(node);
    }
}
