package dev.optimlab.torch.optim;

import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import java.util.List;
import java.util.Map;

/**
 * Builds an optimizer of {@code torch.optim} by class name from Python keyword arguments, as
 * {@code getattr(torch.optim, name)(params, **kwargs)} would.
 */
public final class Optimizers {

    /** The optimizers of {@code torch.optim} this package provides, in the order the course teaches them. */
    public static final List<String> NAMES = List.of("SGD", "Adam", "AdamW", "Adagrad", "RMSprop", "LBFGS",
            "Adadelta", "Adamax", "NAdam", "RAdam", "Rprop", "ASGD");

    private Optimizers() {
    }

    /** {@code params} is a list of tensors or of group maps, as for the constructors. */
    public static Optimizer create(String name, Object params, Map<String, ?> kwargs) {
        return switch (name) {
            case "SGD" -> new SGD(params, kwargs);
            case "Adam" -> new Adam(params, kwargs);
            case "AdamW" -> new AdamW(params, kwargs);
            case "Adagrad" -> new Adagrad(params, kwargs);
            case "RMSprop" -> new RMSprop(params, kwargs);
            case "LBFGS" -> new LBFGS(params, kwargs);
            case "Adadelta" -> new Adadelta(params, kwargs);
            case "Adamax" -> new Adamax(params, kwargs);
            case "NAdam" -> new NAdam(params, kwargs);
            case "RAdam" -> new RAdam(params, kwargs);
            case "Rprop" -> new Rprop(params, kwargs);
            case "ASGD" -> new ASGD(params, kwargs);
            default -> throw new TorchException(PythonType.RuntimeError,
                    "AttributeError: module 'torch.optim' has no attribute '" + name + "'");
        };
    }
}
