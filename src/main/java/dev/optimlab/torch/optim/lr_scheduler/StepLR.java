package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.optim.Optimizer;
import java.util.List;
import java.util.Map;

/** Mirrors {@code torch.optim.lr_scheduler.StepLR}: lr times {@code gamma} every {@code step_size} epochs. */
public final class StepLR extends LRScheduler {

    private int stepSize;
    private double gamma;

    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        this(optimizer, stepSize, gamma, -1);
    }

    public StepLR(Optimizer optimizer, int stepSize, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    /** Keyword form: step_size (required), gamma=0.1, last_epoch=-1. */
    public static StepLR of(Optimizer optimizer, Map<String, ?> kwargs) {
        Arguments a = new Arguments("StepLR", kwargs, "step_size", "gamma", "last_epoch");
        return new StepLR(optimizer, ((Number) a.required("step_size")).intValue(), a.number("gamma", 0.1),
                a.integer("last_epoch", -1));
    }

    @Override
    protected List<Double> getLr() {
        if (lastEpoch == 0 || lastEpoch % stepSize != 0) {
            return currentLrs();
        }
        return scaled(lr -> lr * gamma);
    }

    @Override
    protected List<Double> closedFormLr() {
        return fromBase(base -> base * Math.pow(gamma, Math.floorDiv(lastEpoch, stepSize)));
    }

    @Override
    protected void writeState(Map<String, Object> state) {
        state.put("step_size", stepSize);
        state.put("gamma", gamma);
    }

    @Override
    protected void readState(Map<String, Object> state) {
        stepSize = ((Number) state.getOrDefault("step_size", stepSize)).intValue();
        gamma = ((Number) state.getOrDefault("gamma", gamma)).doubleValue();
    }
}
