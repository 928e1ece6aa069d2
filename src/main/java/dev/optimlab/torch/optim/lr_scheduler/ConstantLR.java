package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import dev.optimlab.torch.optim.Optimizer;
import java.util.List;
import java.util.Map;

/** Mirrors {@code torch.optim.lr_scheduler.ConstantLR}: lr times {@code factor} until {@code total_iters}. */
public final class ConstantLR extends LRScheduler {

    private double factor;
    private int totalIters;

    public ConstantLR(Optimizer optimizer, double factor, int totalIters, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (factor > 1.0 || factor < 0) {
            throw new TorchException(PythonType.ValueError,
                    "Constant multiplicative factor expected to be between 0 and 1.");
        }
        this.factor = factor;
        this.totalIters = totalIters;
        initialStep();
    }

    /** Keyword form: factor=1/3, total_iters=5, last_epoch=-1. */
    public static ConstantLR of(Optimizer optimizer, Map<String, ?> kwargs) {
        Arguments a = new Arguments("ConstantLR", kwargs, "factor", "total_iters", "last_epoch");
        return new ConstantLR(optimizer, a.number("factor", 1.0 / 3), a.integer("total_iters", 5),
                a.integer("last_epoch", -1));
    }

    @Override
    protected List<Double> getLr() {
        if (lastEpoch == 0) {
            return scaled(lr -> lr * factor);
        }
        if (lastEpoch != totalIters) {
            return currentLrs();
        }
        return scaled(lr -> lr * (1.0 / factor));
    }

    @Override
    protected List<Double> closedFormLr() {
        return fromBase(base -> base * (factor + (lastEpoch >= totalIters ? 1 : 0) * (1 - factor)));
    }

    @Override
    protected void writeState(Map<String, Object> state) {
        state.put("factor", factor);
        state.put("total_iters", totalIters);
    }

    @Override
    protected void readState(Map<String, Object> state) {
        factor = ((Number) state.getOrDefault("factor", factor)).doubleValue();
        totalIters = ((Number) state.getOrDefault("total_iters", totalIters)).intValue();
    }
}
