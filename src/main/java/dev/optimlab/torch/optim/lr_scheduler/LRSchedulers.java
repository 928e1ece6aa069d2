package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import dev.optimlab.torch.optim.Optimizer;
import java.util.Map;

/**
 * Builds a scheduler of {@code torch.optim.lr_scheduler} by class name from Python keyword arguments, as
 * {@code getattr(lr_scheduler, name)(optimizer, **kwargs)} would, for the schedulers whose arguments are plain
 * values (those taking functions or other schedulers have Java constructors).
 */
public final class LRSchedulers {

    private LRSchedulers() {
    }

    public static LRScheduler create(String name, Optimizer optimizer, Map<String, ?> kwargs) {
        return switch (name) {
            case "StepLR" -> StepLR.of(optimizer, kwargs);
            case "MultiStepLR" -> MultiStepLR.of(optimizer, kwargs);
            case "ConstantLR" -> ConstantLR.of(optimizer, kwargs);
            case "LinearLR" -> LinearLR.of(optimizer, kwargs);
            case "ExponentialLR" -> ExponentialLR.of(optimizer, kwargs);
            case "PolynomialLR" -> PolynomialLR.of(optimizer, kwargs);
            case "CosineAnnealingLR" -> CosineAnnealingLR.of(optimizer, kwargs);
            case "CosineAnnealingWarmRestarts" -> CosineAnnealingWarmRestarts.of(optimizer, kwargs);
            case "ReduceLROnPlateau" -> new ReduceLROnPlateau(optimizer, kwargs);
            case "CyclicLR" -> new CyclicLR(optimizer, kwargs);
            case "OneCycleLR" -> new OneCycleLR(optimizer, kwargs);
            default -> throw new TorchException(PythonType.ValueError, "no scheduler named " + name
                    + " takes only keyword values; build it with its constructor");
        };
    }
}
