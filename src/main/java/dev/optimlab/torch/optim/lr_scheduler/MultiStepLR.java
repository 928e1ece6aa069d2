package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mirrors {@code torch.optim.lr_scheduler.MultiStepLR}: lr times {@code gamma} at each milestone; a milestone
 * listed twice decays twice, as PyTorch's {@code Counter} makes it.
 */
public final class MultiStepLR extends LRScheduler {

    private TreeMap<Integer, Integer> milestones;
    private double gamma;

    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma) {
        this(optimizer, milestones, gamma, -1);
    }

    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.milestones = new TreeMap<>();
        milestones.forEach(m -> this.milestones.merge(m, 1, Integer::sum));
        this.gamma = gamma;
        initialStep();
    }

    /** Keyword form: milestones (required), gamma=0.1, last_epoch=-1. */
    public static MultiStepLR of(Optimizer optimizer, Map<String, ?> kwargs) {
        Arguments a = new Arguments("MultiStepLR", kwargs, "milestones", "gamma", "last_epoch");
        List<Integer> milestones = ((List<?>) a.required("milestones")).stream()
                .map(m -> ((Number) m).intValue()).toList();
        return new MultiStepLR(optimizer, milestones, a.number("gamma", 0.1), a.integer("last_epoch", -1));
    }

    @Override
    protected List<Double> getLr() {
        Integer count = milestones.get(lastEpoch);
        if (count == null) {
            return currentLrs();
        }
        return scaled(lr -> lr * Math.pow(gamma, count));
    }

    /** {@code base_lr * gamma ** bisect_right(sorted milestones with repeats, last_epoch)}. */
    @Override
    protected List<Double> closedFormLr() {
        int passed = milestones.headMap(lastEpoch, true).values().stream().mapToInt(Integer::intValue).sum();
        return fromBase(base -> base * Math.pow(gamma, passed));
    }

    @Override
    protected void writeState(Map<String, Object> state) {
        List<Integer> repeated = new ArrayList<>();
        milestones.forEach((m, n) -> repeated.addAll(Collections.nCopies(n, m)));
        state.put("milestones", repeated);
        state.put("gamma", gamma);
    }

    @Override
    protected void readState(Map<String, Object> state) {
        if (state.get("milestones") instanceof List<?> list) {
            milestones = new TreeMap<>();
            list.forEach(m -> milestones.merge(((Number) m).intValue(), 1, Integer::sum));
        }
        gamma = ((Number) state.getOrDefault("gamma", gamma)).doubleValue();
    }
}
