package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;

/** Mirrors {@code torch.nn.NLLLoss(weight=None, ignore_index=-100, reduction='mean')} on log-probabilities. */
public class NLLLoss extends WeightedLoss {
    private final long ignoreIndex;

    public NLLLoss() {
        this(null, -100, "mean");
    }

    public NLLLoss(Tensor weight, long ignoreIndex, String reduction) {
        super(weight, reduction);
        this.ignoreIndex = ignoreIndex;
    }

    @Override
    protected Tensor loss(Tensor input, Tensor target) {
        return Functional.nllLoss(input, target, weight(), ignoreIndex, reduction());
    }
}
