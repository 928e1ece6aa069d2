package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;

/** Mirrors {@code torch.nn.BCELoss(weight=None, reduction='mean')} on probabilities. */
public class BCELoss extends WeightedLoss {
    public BCELoss() {
        this(null, "mean");
    }

    public BCELoss(Tensor weight, String reduction) {
        super(weight, reduction);
    }

    @Override
    protected Tensor loss(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropy(input, target, weight(), reduction());
    }
}
