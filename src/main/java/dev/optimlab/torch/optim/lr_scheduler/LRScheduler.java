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
 * Mirrors {@code torch.optim.lr_scheduler.LRScheduler} (PyTorch 2.x): writes {@code initial_lr} into each group,
 * records {@code base_lrs}, counts its construction as step 0, and on each {@link #step()} sets every group's lr
 * to {@link #getLr()} (the chainable form, relative to the current lr) or, when an epoch is passed, to the
 * closed form where one exists.
 *
 * <p>Subclass constructors call {@code super(optimizer, lastEpoch)}, set their own fields, then
 * {@link #initialStep()}: Python sets the fields before {@code super().__init__} runs the first step, which a
 * Java constructor cannot do.
 */
public abstract class LRScheduler {

    static final String EPOCH_DEPRECATION_WARNING = "The epoch parameter in `scheduler.step()` was not necessary "
            + "and is being deprecated where possible. Please use `scheduler.step()` to step the scheduler. During "
            + "the deprecation, if epoch is different from None, the closed form is used instead of the new "
            + "chainable form, where available. Please open an issue if you are unable to replicate your use case: "
            + "https://github.com/pytorch/pytorch/issues/new/choose.";

    static final String STEP_ORDER_WARNING = "Detected call of `lr_scheduler.step()` before `optimizer.step()`. "
            + "In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before "
            + "`lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the "
            + "learning rate schedule. See more details at "
            + "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate";

    protected final Optimizer optimizer;
    protected List<Double> baseLrs;
    protected int lastEpoch;
    /** PyTorch's {@code _step_count}: 1 right after construction. */
    protected int stepCount;
    /** PyTorch's {@code _is_initial}: true only during the step the constructor takes. */
    protected boolean isInitial;
    protected List<Double> lastLr;

    /** Records {@code initial_lr} and {@code base_lrs}; the subclass then sets its fields and calls {@link #initialStep()}. */
    protected LRScheduler(Optimizer optimizer, int lastEpoch) {
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        if (lastEpoch == -1) {
            groups.forEach(group -> group.setDefault("initial_lr", group.lr()));
        } else {
            for (int i = 0; i < groups.size(); i++) {
                if (!groups.get(i).contains("initial_lr")) {
                    throw new TorchException(PythonType.RuntimeError, "KeyError: \"param 'initial_lr' is not "
                            + "specified in param_groups[" + i + "] when resuming scheduler with last_epoch >= 0.\\n"
                            + "This typically happens when:\\n1. You're trying to resume training from a checkpoint "
                            + "but haven't properly loaded the optimizer state\\n2. You're using last_epoch >= 0 for "
                            + "a fresh training run (not recommended)\"");
                }
            }
        }
        this.baseLrs = new ArrayList<>(groups.stream().map(g -> g.getDouble("initial_lr")).toList());
        this.lastEpoch = lastEpoch;
    }

    /** For schedulers that, like ReduceLROnPlateau, keep no {@code initial_lr} and take no first step. */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        this.baseLrs = new ArrayList<>();
        this.lastEpoch = 0;
        this.lastLr = currentLrs();
    }

    /** Mirrors {@code _initial_step}: construction counts as step 0, taken in PyTorch's {@code _initial_mode}. */
    protected final void initialStep() {
        stepCount = 0;
        isInitial = true;
        try {
            step();
        } finally {
            isInitial = false;
        }
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public int lastEpoch() {
        return lastEpoch;
    }

    public List<Double> baseLrs() {
        return List.copyOf(baseLrs);
    }

    /** Mirrors {@code get_last_lr()}: the lrs this scheduler last set. */
    public List<Double> getLastLr() {
        return List.copyOf(lastLr);
    }

    /** The chainable form: each group's next lr from its current one (PyTorch's {@code get_lr}). */
    protected abstract List<Double> getLr();

    /** The closed form used when {@code step(epoch)} is given an epoch, or null where PyTorch has none. */
    protected List<Double> closedFormLr() {
        return null;
    }

    /** Mirrors {@code scheduler.step()}. */
    public void step() {
        warnIfBeforeOptimizerStep();
        stepCount++;
        updateLr(null);
    }

    /** Mirrors the deprecated {@code scheduler.step(epoch)}: jumps to {@code epoch}, by the closed form if any. */
    public void step(int epoch) {
        warnIfBeforeOptimizerStep();
        stepCount++;
        optimizer.warningSink().warn("UserWarning", EPOCH_DEPRECATION_WARNING);
        updateLr(epoch);
    }

    /** Mirrors {@code _update_lr(epoch)}: one epoch on, or a jump to {@code epoch} by the closed form if any. */
    void updateLr(Integer epoch) {
        if (epoch == null) {
            lastEpoch++;
            apply(getLr());
            return;
        }
        lastEpoch = epoch;
        List<Double> closed = closedFormLr();
        apply(closed != null ? closed : getLr());
    }

    private void warnIfBeforeOptimizerStep() {
        if (stepCount == 1 && optimizer.stepCount() == 0) {
            optimizer.warningSink().warn("UserWarning", STEP_ORDER_WARNING);
        }
    }

    protected final void apply(List<Double> lrs) {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size() && i < lrs.size(); i++) {
            groups.get(i).setLr(lrs.get(i));
        }
        lastLr = currentLrs();
    }

    protected final List<Double> currentLrs() {
        List<ParamGroup> groups = optimizer.paramGroups();
        List<Double> lrs = new ArrayList<>(groups.size());
        for (ParamGroup group : groups) {
            lrs.add(group.lr());
        }
        return lrs;
    }

    /** Applies {@code f(group lr)} per group: most chainable forms scale the current lr. */
    protected final List<Double> scaled(java.util.function.DoubleUnaryOperator f) {
        List<Double> out = new ArrayList<>();
        for (double lr : currentLrs()) {
            out.add(f.applyAsDouble(lr));
        }
        return out;
    }

    /** Applies {@code f(base lr)} per group, for the closed forms. */
    protected final List<Double> fromBase(java.util.function.DoubleUnaryOperator f) {
        List<Double> out = new ArrayList<>();
        for (double base : baseLrs) {
            out.add(f.applyAsDouble(base));
        }
        return out;
    }

    /**
     * Mirrors {@code state_dict()}: the scheduler's attributes except the optimizer, under PyTorch's names
     * ({@code base_lrs}, {@code last_epoch}, {@code _step_count}, {@code _last_lr} and the subclass's own).
     */
    public Map<String, Object> stateDict() {
        LinkedHashMap<String, Object> state = new LinkedHashMap<>();
        state.put("base_lrs", List.copyOf(baseLrs));
        state.put("last_epoch", lastEpoch);
        state.put("_step_count", stepCount);
        state.put("_is_initial", false);
        state.put("_get_lr_called_within_step", false);
        state.put("_last_lr", List.copyOf(lastLr));
        writeState(state);
        return state;
    }

    /**
     * One entry of {@link #stateDict()}, as {@code getattr(scheduler, name)} reads it, or null when there is none;
     * subclasses answer the entries read every step without building the whole dict.
     */
    public Object stateValue(String name) {
        return stateDict().get(name);
    }

    /** Mirrors {@code load_state_dict()}: {@code self.__dict__.update(state_dict)}. */
    public void loadStateDict(Map<String, Object> state) {
        if (state.containsKey("base_lrs")) {
            baseLrs = doubles(state.get("base_lrs"));
        }
        if (state.containsKey("last_epoch")) {
            lastEpoch = ((Number) state.get("last_epoch")).intValue();
        }
        if (state.containsKey("_step_count")) {
            stepCount = ((Number) state.get("_step_count")).intValue();
        }
        if (state.containsKey("_last_lr")) {
            lastLr = doubles(state.get("_last_lr"));
        }
        readState(state);
    }

    /** Adds the subclass's attributes to its state dict. */
    protected void writeState(Map<String, Object> state) {
    }

    /** Restores the subclass's attributes from a state dict. */
    protected void readState(Map<String, Object> state) {
    }

    static List<Double> doubles(Object list) {
        List<Double> out = new ArrayList<>();
        for (Object v : (List<?>) list) {
            out.add(((Number) v).doubleValue());
        }
        return out;
    }
}
