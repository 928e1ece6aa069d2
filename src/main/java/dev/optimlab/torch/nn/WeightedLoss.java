package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;

/** Mirrors {@code torch.nn.modules.loss._WeightedLoss}: keeps the optional class weight as the buffer {@code weight}. */
public abstract class WeightedLoss extends Loss {

    protected WeightedLoss(Tensor weight, String reduction) {
        super(reduction);
        registerBuffer("weight", weight);
    }

    /** The weight buffer, or null when none was given. */
    public Tensor weight() {
        return (Tensor) getAttr("weight");
    }
}
