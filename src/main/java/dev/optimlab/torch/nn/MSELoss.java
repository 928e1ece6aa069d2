package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;

/** Mirrors {@code torch.nn.MSELoss(reduction='mean')}: squared differences. */
public class MSELoss extends Loss {
    public MSELoss() {
        this("mean");
    }

    public MSELoss(String reduction) {
        super(reduction);
    }

    @Override
    protected Tensor loss(Tensor input, Tensor target) {
        return Functional.mseLoss(input, target, reduction());
    }
}
