package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Mirrors {@code torch.optim.AdamW}: Adam with decoupled weight decay, {@code param.mul_(1 - lr * weight_decay)}
 * before the Adam update, and a default weight decay of 1e-2.
 */
public final class AdamW extends Optimizer {

    /** {@code options} holds AdamW's keyword arguments, the same as Adam's. */
    public AdamW(Object params, Map<String, ?> options) {
        super(params, Adam.validated("AdamW", options, 1e-2));
    }

    @Override
    protected Tensor performStep(Supplier<Tensor> closure) {
        Tensor loss = evaluate(closure);
        for (ParamGroup group : paramGroups()) {
            double decay = group.lr() * group.getDouble("weight_decay");
            for (Tensor param : group.params()) {
                if (param.grad() != null) {
                    checkpoint(param);
                    param.mul_(1 - decay);
                    Adam.update(group, param, state(param), 0);
                }
            }
        }
        return loss;
    }
}
