package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.optim.Optimizer;
import java.util.List;
import java.util.Map;

/** Mirrors {@code torch.optim.lr_scheduler.PolynomialLR}: lr decays as {@code (1 - t/total_iters) ** power}. */
public final class PolynomialLR extends LRScheduler {

    private int totalIters;
    private double power;

    public PolynomialLR(Optimizer optimizer, int totalIters, double power, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.totalIters = totalIters;
        this.power = power;
        initialStep();
    }

    /** Keyword form: total_iters=5, power=1.0, last_epoch=-1. */
    public static PolynomialLR of(Optimizer optimizer, Map<String, ?> kwargs) {
        Arguments a = new Arguments("PolynomialLR", kwargs, "total_iters", "power", "last_epoch");
        return new PolynomialLR(optimizer, a.integer("total_iters", 5), a.number("power", 1.0),
                a.integer("last_epoch", -1));
    }

    @Override
    protected List<Double> getLr() {
        if (isInitial || lastEpoch > totalIters) {
            return currentLrs();
        }
        double decay = Math.pow((1.0 - (double) lastEpoch / totalIters)
                / (1.0 - (double) (lastEpoch - 1) / totalIters), power);
        return scaled(lr -> lr * decay);
    }

    @Override
    protected List<Double> closedFormLr() {
        return fromBase(base -> base * Math.pow(1.0 - (double) Math.min(totalIters, lastEpoch) / totalIters, power));
    }

    @Override
    protected void writeState(Map<String, Object> state) {
        state.put("total_iters", totalIters);
        state.put("power", power);
    }

    @Override
    protected void readState(Map<String, Object> state) {
        totalIters = ((Number) state.getOrDefault("total_iters", totalIters)).intValue();
        power = ((Number) state.getOrDefault("power", power)).doubleValue();
    }
}
