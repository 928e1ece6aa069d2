package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;

/** Mirrors {@code torch.nn.SmoothL1Loss(reduction='mean', beta=1.0)}. */
public class SmoothL1Loss extends Loss {
    private final double beta;

    public SmoothL1Loss() {
        this("mean", 1.0);
    }

    public SmoothL1Loss(String reduction, double beta) {
        super(reduction);
        this.beta = beta;
    }

    @Override
    protected Tensor loss(Tensor input, Tensor target) {
        return Functional.smoothL1Loss(input, target, reduction(), beta);
    }
}
