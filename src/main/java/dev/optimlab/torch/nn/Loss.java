package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;
import java.util.List;

/** Mirrors {@code torch.nn.modules.loss._Loss}: a module called as {@code loss(input, target)} with a reduction. */
public abstract class Loss extends Module {
    private final Functional.Reduction reduction;

    protected Loss(String reduction) {
        this.reduction = Functional.Reduction.of(reduction);
    }

    public Functional.Reduction reduction() {
        return reduction;
    }

    /** The loss of input against target, as the module's {@code forward(input, target)} computes it. */
    protected abstract Tensor loss(Tensor input, Tensor target);

    @Override
    public Object forward(List<Object> args) {
        return loss((Tensor) args.get(0), (Tensor) args.get(1));
    }
}
