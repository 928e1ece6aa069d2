package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.PyFunction;
import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.nn.Module;
import java.util.List;

/**
 * The core module behind an instance of a Python class deriving from {@code nn.Module}: it holds the
 * registered parameters and submodules, and its {@code forward} runs the Python method, so containers
 * such as Sequential can call it like any other module.
 */
final class PythonModule extends Module {
    private final ModuleObject owner;

    PythonModule(ModuleObject owner) {
        this.owner = owner;
    }

    ModuleObject owner() {
        return owner;
    }

    @Override
    public Object forward(List<Object> args) {
        Interpreter in = Interpreter.current();
        Object forward = owner.pyType().lookup("forward");
        if (!(forward instanceof PyFunction)) {
            throw new TorchException(TorchException.PythonType.NotImplementedError,
                    "Module [" + getName() + "] is missing the required \"forward\" function");
        }
        Object[] pyArgs = new Object[args.size()];
        for (int i = 0; i < pyArgs.length; i++) {
            pyArgs[i] = Host.toPython(args.get(i));
        }
        return Host.toJava(in, in.call(owner.getAttr(in, "forward"), pyArgs, null));
    }

    @Override
    public String getName() {
        return owner.pyType().name();
    }

    @Override
    public String extraRepr() {
        Object custom = owner.pyType().lookup("extra_repr");
        if (custom instanceof PyFunction) {
            Interpreter in = Interpreter.current();
            return String.valueOf(in.call(owner.getAttr(in, "extra_repr"), new Object[0], null));
        }
        return "";
    }
}
