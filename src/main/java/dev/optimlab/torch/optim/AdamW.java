package dev.optimlab.torch.optim;

import java.util.Map;
import java.util.SequencedMap;

/**
 * Mirrors {@code torch.optim.AdamW}: in current PyTorch a subclass of Adam with {@code decoupled_weight_decay=True},
 * so weights decay by {@code param.mul_(1 - lr * weight_decay)} before the Adam update; weight decay defaults
 * to 1e-2.
 */
public final class AdamW extends Adam {

    /** {@code options}: lr, betas, eps, weight_decay, amsgrad, maximize, foreach, capturable, differentiable, fused. */
    public AdamW(Object params, Map<String, ?> options) {
        super(params, validated(options));
    }

    private static SequencedMap<String, Object> validated(Map<String, ?> given) {
        SequencedMap<String, Object> o = options("AdamW", given, "lr", 1e-3, "betas", new double[] {0.9, 0.999},
                "eps", 1e-8, "weight_decay", 1e-2, "amsgrad", false, "maximize", false, "foreach", null,
                "capturable", false, "differentiable", false, "fused", null);
        o.put("decoupled_weight_decay", true);
        checkArguments(o);
        return o;
    }
}
