package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.ParamGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirrors {@code torch.optim.lr_scheduler.SequentialLR}: hands over from one scheduler to the next at each
 * milestone, restarting the next one at epoch 0 by its closed form ({@code _update_lr(0)}).
 */
public final class SequentialLR extends LRScheduler {

    private final List<LRScheduler> schedulers;
    private final List<Integer> milestones;

    public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, List<Integer> milestones, int lastEpoch) {
        super(optimizer);
        if (schedulers.isEmpty()) {
            throw new TorchException(PythonType.ValueError,
                    "SequentialLR expects at least one scheduler, but got no scheduler.");
        }
        ChainedScheduler.checkComposable("SequentialLR", optimizer, schedulers);
        if (milestones.size() != schedulers.size() - 1) {
            throw new TorchException(PythonType.ValueError, "Sequential Schedulers expects number of schedulers "
                    + "provided to be one more than the number of milestone points, but got number of schedulers "
                    + schedulers.size() + " and the number of milestones to be equal to " + milestones.size());
        }
        this.schedulers = List.copyOf(schedulers);
        this.milestones = List.copyOf(milestones);
        this.lastEpoch = lastEpoch + 1;
        for (ParamGroup group : optimizer.paramGroups()) {
            group.setLr(group.getDouble("initial_lr"));
        }
        // Undo the step each scheduler took when it was built; only the first one starts now.
        schedulers.forEach(SequentialLR::recursiveUndo);
        schedulers.getFirst().initialStep();
        this.lastLr = schedulers.getFirst().getLastLr();
    }

    @Override
    public void step() {
        lastEpoch++;
        int index = bisectRight(milestones, lastEpoch);
        LRScheduler scheduler = schedulers.get(index);
        if (index > 0 && milestones.get(index - 1) == lastEpoch) {
            scheduler.updateLr(0);
        } else {
            scheduler.step();
        }
        lastLr = scheduler.getLastLr();
    }

    @Override
    public void step(int epoch) {
        throw new TorchException(PythonType.TypeError, "SequentialLR.step() takes 1 positional argument but 2 were given");
    }

    /** Mirrors {@code recursive_undo}: composed schedulers undo the construction step of each scheduler inside. */
    private static void recursiveUndo(LRScheduler scheduler) {
        switch (scheduler) {
            case ChainedScheduler chained -> chained.schedulers().forEach(SequentialLR::recursiveUndo);
            case SequentialLR sequential -> sequential.schedulers.forEach(SequentialLR::recursiveUndo);
            default -> scheduler.lastEpoch--;
        }
    }

    static int bisectRight(List<Integer> sorted, int value) {
        int index = 0;
        while (index < sorted.size() && sorted.get(index) <= value) {
            index++;
        }
        return index;
    }

    @Override
    protected List<Double> getLr() {
        return currentLrs();
    }

    @Override
    public Map<String, Object> stateDict() {
        LinkedHashMap<String, Object> state = new LinkedHashMap<>();
        state.put("_milestones", milestones);
        state.put("last_epoch", lastEpoch);
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
        lastEpoch = ((Number) state.getOrDefault("last_epoch", lastEpoch)).intValue();
        if (state.containsKey("_last_lr")) {
            lastLr = doubles(state.get("_last_lr"));
        }
    }
}
