package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyBuiltinFunction;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.ComputeContext;
import dev.optimlab.torch.Torch;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * {@code torch.no_grad()}, {@code torch.enable_grad()} and {@code torch.set_grad_enabled(mode)}: context
 * managers that also decorate functions, as PyTorch's {@code _DecoratorContextManager} does.
 */
final class GradModeObject implements PyObject {
    static final PyType NO_GRAD = PyType.hostClass("no_grad", null, "torch.autograd.grad_mode");
    static final PyType ENABLE_GRAD = PyType.hostClass("enable_grad", null, "torch.autograd.grad_mode");
    static final PyType SET_GRAD_ENABLED = PyType.hostClass("set_grad_enabled", null, "torch.autograd.grad_mode");

    private final PyType type;
    private final boolean enabled;
    private final ArrayDeque<ComputeContext.Scope> scopes = new ArrayDeque<>();
    private final boolean previous = ComputeContext.current().isGradEnabled();

    GradModeObject(PyType type, boolean enabled) {
        this.type = type;
        this.enabled = enabled;
        if (type == SET_GRAD_ENABLED) {
            // set_grad_enabled(mode) takes effect when called, even without a with statement
            ComputeContext.current().setGradEnabled(enabled);
        }
    }

    @Override
    public PyType pyType() {
        return type;
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return switch (name) {
            case "__enter__" -> PyBuiltinFunction.function("__enter__", (i, a, k) -> {
                scopes.push(Torch.setGradEnabled(enabled));
                return Py.NONE;
            });
            case "__exit__" -> PyBuiltinFunction.function("__exit__", (i, a, k) -> {
                if (!scopes.isEmpty()) {
                    scopes.pop().close();
                }
                if (type == SET_GRAD_ENABLED) {
                    ComputeContext.current().setGradEnabled(previous);
                }
                return false;
            });
            default -> null;
        };
    }

    /** Used as a decorator: returns a function that runs the decorated one under this grad mode. */
    @Override
    public Object call(Interpreter in, Object[] args, Map<String, Object> kwargs) {
        if (args.length != 1) {
            throw dev.optimlab.pylite.runtime.PyException.typeError(type.name() + ".__call__() takes 2 positional "
                    + "arguments but " + (args.length + 1) + " were given");
        }
        Object function = args[0];
        return PyBuiltinFunction.function("decorate_context", (i, a, k) -> {
            try (ComputeContext.Scope scope = Torch.setGradEnabled(enabled)) {
                return i.call(function, a, k);
            }
        });
    }

    @Override
    public String repr(Interpreter in) {
        return "<torch.autograd.grad_mode." + type.name() + " object at " + in.fakeAddress(this) + ">";
    }
}
