package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;

/** Mirrors {@code torch.nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)} on logits. */
public class CrossEntropyLoss extends WeightedLoss {
    private final long ignoreIndex;
    private final double labelSmoothing;

    public CrossEntropyLoss() {
        this(null, -100, "mean", 0.0);
    }

    public CrossEntropyLoss(Tensor weight, long ignoreIndex, String reduction, double labelSmoothing) {
        super(weight, reduction);
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
    }

    @Override
    protected Tensor loss(Tensor input, Tensor target) {
        return Functional.crossEntropy(input, target, weight(), ignoreIndex, reduction(), labelSmoothing);
    }
}
