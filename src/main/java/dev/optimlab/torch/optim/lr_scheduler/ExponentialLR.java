package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.optim.Optimizer;
import java.util.List;
import java.util.Map;

/** Mirrors {@code torch.optim.lr_scheduler.ExponentialLR}: lr times {@code gamma} every epoch. */
public final class ExponentialLR extends LRScheduler {

    private double gamma;

    public ExponentialLR(Optimizer optimizer, double gamma) {
        this(optimizer, gamma, -1);
    }

    public ExponentialLR(Optimizer optimizer, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.gamma = gamma;
        initialStep();
    }

    /** Keyword form: gamma (required), last_epoch=-1. */
    public static ExponentialLR of(Optimizer optimizer, Map<String, ?> kwargs) {
        Arguments a = new Arguments("ExponentialLR", kwargs, "gamma", "last_epoch");
        return new ExponentialLR(optimizer, Arguments.toDouble("gamma", a.required("gamma")),
                a.integer("last_epoch", -1));
    }

    @Override
    protected List<Double> getLr() {
        // Resuming with last_epoch must not move the lr one step ahead while the constructor steps.
        if (isInitial) {
            return currentLrs();
        }
        return scaled(lr -> lr * gamma);
    }

    @Override
    protected List<Double> closedFormLr() {
        return fromBase(base -> base * Math.pow(gamma, lastEpoch));
    }

    @Override
    protected void writeState(Map<String, Object> state) {
        state.put("gamma", gamma);
    }

    @Override
    protected void readState(Map<String, Object> state) {
        gamma = ((Number) state.getOrDefault("gamma", gamma)).doubleValue();
    }
}
