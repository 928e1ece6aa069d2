package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;

/** Mirrors {@code torch.nn.HuberLoss(reduction='mean', delta=1.0)}. */
public class HuberLoss extends Loss {
    private final double delta;

    public HuberLoss() {
        this("mean", 1.0);
    }

    public HuberLoss(String reduction, double delta) {
        super(reduction);
        this.delta = delta;
    }

    @Override
    protected Tensor loss(Tensor input, Tensor target) {
        return Functional.huberLoss(input, target, reduction(), delta);
    }
}
