package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import dev.optimlab.torch.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Mirrors {@code torch.optim.lr_scheduler.ChainedScheduler}: every step steps all its schedulers in order. */
public final class ChainedScheduler extends LRScheduler {

    private final List<LRScheduler> schedulers;

    public ChainedScheduler(List<LRScheduler> schedulers) {
        super(requireOptimizer("ChainedScheduler", schedulers));
        checkComposable("ChainedScheduler", optimizer, schedulers);
        this.schedulers = List.copyOf(schedulers);
        this.lastLr = currentLrs();
    }

    /** The checks ChainedScheduler and SequentialLR make on the schedulers they compose. */
    static void checkComposable(String owner, Optimizer optimizer, List<LRScheduler> schedulers) {
        for (int i = 0; i < schedulers.size(); i++) {
            LRScheduler scheduler = schedulers.get(i);
            if (scheduler instanceof ReduceLROnPlateau) {
                throw new TorchException(PythonType.ValueError, owner + " does not support `ReduceLROnPlateau` "
                        + "scheduler as it requires additional kwargs to be specified when calling `step`, but got "
                        + "one at index " + i + " in the given schedulers sequence.");
            }
            if (scheduler.optimizer() != optimizer) {
                throw new TorchException(PythonType.ValueError, owner + " expects all schedulers to belong to the "
                        + "same optimizer, but got scheduler " + scheduler.getClass().getSimpleName() + " at index " + i
                        + " has " + scheduler.optimizer() + ", which is different from "
                        + optimizer.getClass().getSimpleName() + ".");
            }
        }
    }

    List<LRScheduler> schedulers() {
        return schedulers;
    }

    static Optimizer requireOptimizer(String owner, List<LRScheduler> schedulers) {
        if (schedulers.isEmpty()) {
            throw new TorchException(PythonType.ValueError,
                    owner + " expects at least one scheduler to be chained, but got no scheduler.");
        }
        return schedulers.getFirst().optimizer();
    }

    @Override
    public void step() {
        schedulers.forEach(LRScheduler::step);
        lastLr = currentLrs();
    }

    @Override
    public void step(int epoch) {
        throw new TorchException(PythonType.TypeError,
                "ChainedScheduler.step() takes 1 positional argument but 2 were given");
    }

    @Override
    protected List<Double> getLr() {
        return currentLrs();
    }

    /** The schedulers' own state dicts go under {@code _schedulers}, as in PyTorch. */
    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("_last_lr", List.copyOf(lastLr));
        List<Map<String, Object>> inner = new ArrayList<>();
        schedulers.forEach(s -> inner.add(s.stateDict()));
        state.put("_schedulers", inner);
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> state) {
        List<Map<String, Object>> inner = (List<Map<String, Object>>) state.get("_schedulers");
        for (int i = 0; i < schedulers.size(); i++) {
            schedulers.get(i).loadStateDict(inner.get(i));
        }
        if (state.containsKey("_last_lr")) {
            lastLr = doubles(state.get("_last_lr"));
        }
    }
}
