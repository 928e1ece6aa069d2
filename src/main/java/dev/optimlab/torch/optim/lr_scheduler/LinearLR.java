package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import dev.optimlab.torch.optim.Optimizer;
import java.util.List;
import java.util.Map;

/**
 * Mirrors {@code torch.optim.lr_scheduler.LinearLR}: the factor moves linearly from {@code start_factor} to
 * {@code end_factor} over {@code total_iters} steps.
 */
public final class LinearLR extends LRScheduler {

    private double startFactor;
    private double endFactor;
    private int totalIters;

    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (startFactor > 1.0 || startFactor <= 0) {
            throw new TorchException(PythonType.ValueError,
                    "Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
        }
        if (endFactor > 1.0 || endFactor < 0) {
            throw new TorchException(PythonType.ValueError, "Ending multiplicative factor expected to be between 0 and 1.");
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    /** Keyword form: start_factor=1/3, end_factor=1.0, total_iters=5, last_epoch=-1. */
    public static LinearLR of(Optimizer optimizer, Map<String, ?> kwargs) {
        Arguments a = new Arguments("LinearLR", kwargs, "start_factor", "end_factor", "total_iters", "last_epoch");
        return new LinearLR(optimizer, a.number("start_factor", 1.0 / 3), a.number("end_factor", 1.0),
                a.integer("total_iters", 5), a.integer("last_epoch", -1));
    }

    @Override
    protected List<Double> getLr() {
        if (lastEpoch == 0) {
            return scaled(lr -> lr * startFactor);
        }
        if (isInitial || lastEpoch > totalIters) {
            return currentLrs();
        }
        double ratio = 1.0 + (endFactor - startFactor)
                / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor));
        return scaled(lr -> lr * ratio);
    }

    @Override
    protected List<Double> closedFormLr() {
        return fromBase(base -> base * (startFactor
                + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters));
    }

    @Override
    protected void writeState(Map<String, Object> state) {
        state.put("start_factor", startFactor);
        state.put("end_factor", endFactor);
        state.put("total_iters", totalIters);
    }

    @Override
    protected void readState(Map<String, Object> state) {
        startFactor = ((Number) state.getOrDefault("start_factor", startFactor)).doubleValue();
        endFactor = ((Number) state.getOrDefault("end_factor", endFactor)).doubleValue();
        totalIters = ((Number) state.getOrDefault("total_iters", totalIters)).intValue();
    }
}
