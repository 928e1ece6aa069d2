package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;

/** Mirrors {@code torch.nn.L1Loss(reduction='mean')}: absolute differences. */
public class L1Loss extends Loss {
    public L1Loss() {
        this("mean");
    }

    public L1Loss(String reduction) {
        super(reduction);
    }

    @Override
    protected Tensor loss(Tensor input, Tensor target) {
        return Functional.l1Loss(input, target, reduction());
    }
}
