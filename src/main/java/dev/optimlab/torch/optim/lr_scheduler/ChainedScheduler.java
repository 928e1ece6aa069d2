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
        for (int i = 1; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizer() != optimizer) {
                throw new TorchException(PythonType.ValueError, "ChainedScheduler expects all schedulers to belong "
                        + "to the same optimizer, but got scheduler " + schedulers.get(i).getClass().getSimpleName()
                        + " at index " + i + " has " + schedulers.get(i).optimizer() + ", which is different from "
                        + optimizer + ".");
            }
        }
        this.schedulers = List.copyOf(schedulers);
        this.lastLr = currentLrs();
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
