package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;

/** Mirrors {@code torch.nn.BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)}; both tensors are buffers. */
public class BCEWithLogitsLoss extends Loss {
    public BCEWithLogitsLoss() {
        this(null, "mean", null);
    }

    public BCEWithLogitsLoss(Tensor weight, String reduction, Tensor posWeight) {
        super(reduction);
        registerBuffer("weight", weight);
        registerBuffer("pos_weight", posWeight);
    }

    @Override
    protected Tensor loss(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropyWithLogits(input, target, (Tensor) getAttr("weight"), reduction(),
                (Tensor) getAttr("pos_weight"));
    }
}
