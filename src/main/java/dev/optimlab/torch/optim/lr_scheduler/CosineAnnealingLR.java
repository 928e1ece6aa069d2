package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mirrors {@code torch.optim.lr_scheduler.CosineAnnealingLR}: the recursive (chainable) cosine form, which
 * follows a cosine from the initial lr to {@code eta_min} over {@code T_max} epochs and back up again after.
 */
public final class CosineAnnealingLR extends LRScheduler {

    private int tMax;
    private double etaMin;

    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0, -1);
    }

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    /** Keyword form: T_max (required), eta_min=0.0, last_epoch=-1. */
    public static CosineAnnealingLR of(Optimizer optimizer, Map<String, ?> kwargs) {
        Arguments a = new Arguments("CosineAnnealingLR", kwargs, "T_max", "eta_min", "last_epoch");
        return new CosineAnnealingLR(optimizer, ((Number) a.required("T_max")).intValue(), a.number("eta_min", 0.0),
                a.integer("last_epoch", -1));
    }

    @Override
    protected List<Double> getLr() {
        List<Double> lrs = currentLrs();
        List<Double> next = new ArrayList<>();
        for (int i = 0; i < lrs.size(); i++) {
            double lr = lrs.get(i);
            double base = baseLrs.get(i);
            if (isInitial) {
                next.add(lr);
            } else if (stepCount == 1 && lastEpoch > 0) {
                next.add(etaMin + (base - etaMin) * (1 + Math.cos(lastEpoch * Math.PI / tMax)) / 2);
            } else if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
                next.add(lr + (base - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2);
            } else {
                next.add((1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                        * (lr - etaMin) + etaMin);
            }
        }
        return next;
    }

    @Override
    protected List<Double> closedFormLr() {
        return fromBase(base -> etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * lastEpoch / tMax)) / 2);
    }

    @Override
    protected void writeState(Map<String, Object> state) {
        state.put("T_max", tMax);
        state.put("eta_min", etaMin);
    }

    @Override
    protected void readState(Map<String, Object> state) {
        tMax = ((Number) state.getOrDefault("T_max", tMax)).intValue();
        etaMin = ((Number) state.getOrDefault("eta_min", etaMin)).doubleValue();
    }
}
