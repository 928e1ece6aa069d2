package dev.optimlab.torch.amp;

import dev.optimlab.torch.DType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.ParamGroup;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirrors {@code torch.amp.GradScaler} (PyTorch 2.x, on CPU): scales the loss so small float16
 * gradients do not underflow, unscales the gradients before the optimizer step, skips the step when a
 * gradient is inf or NaN, and adapts the scale: times {@code backoffFactor} after a skipped step, times
 * {@code growthFactor} after {@code growthInterval} successful steps in a row (never to inf).
 *
 * <p>The scale is a float32 number and the growth tracker an int32, updated exactly as the CPU kernel
 * {@code _amp_update_scale_cpu_} does; unscaling multiplies by the float32 reciprocal of the scale as
 * {@code _amp_foreach_non_finite_check_and_unscale_} does. Assertions of the Python code are thrown as
 * {@link IllegalStateException} with PyTorch's message.
 */
public final class GradScaler {

    private enum Stage { READY, UNSCALED, STEPPED }

    /** What the scaler knows about one optimizer in the current iteration ({@code _per_optimizer_states}). */
    private static final class OptimizerState {
        Stage stage = Stage.READY;
        /** Null until unscale_ saw at least one gradient, as an empty {@code found_inf_per_device}. */
        Float foundInf;
    }

    private final boolean enabled;
    private double initScale;
    private double growthFactor;
    private double backoffFactor;
    private int growthInterval;
    private int initGrowthTracker;
    /** Null until the first {@code scale()}, as PyTorch creates its scale tensor lazily. */
    private Float scale;
    private int growthTracker;
    private final Map<Optimizer, OptimizerState> perOptimizerStates = new IdentityHashMap<>();

    /** {@code GradScaler("cpu")} with PyTorch's defaults: 2**16, 2.0, 0.5, 2000, enabled. */
    public GradScaler() {
        this(65536.0, 2.0, 0.5, 2000, true);
    }

    /** {@code GradScaler("cpu", init_scale, growth_factor, backoff_factor, growth_interval, enabled)}. */
    public GradScaler(double initScale, double growthFactor, double backoffFactor, int growthInterval, boolean enabled) {
        this.enabled = enabled;
        if (enabled) {
            if (!(growthFactor > 1.0)) {
                throw new IllegalStateException("The growth factor must be > 1.0.");
            }
            if (!(backoffFactor < 1.0)) {
                throw new IllegalStateException("The backoff factor must be < 1.0.");
            }
        }
        this.initScale = initScale;
        this.growthFactor = growthFactor;
        this.backoffFactor = backoffFactor;
        this.growthInterval = growthInterval;
    }

    /** Mirrors {@code scaler.scale(outputs)}: the outputs times the float32 scale (unchanged when disabled). */
    public Tensor scale(Tensor outputs) {
        if (!enabled) {
            return outputs;
        }
        if (scale == null) {
            scale = (float) initScale;
            growthTracker = initGrowthTracker;
        }
        return outputs.mul(Torch.full(new int[0], scale, DType.FLOAT32));
    }

    /** Mirrors {@code scaler.scale([out1, out2, ...])}: each output times the scale, in order. */
    public List<Tensor> scale(List<Tensor> outputs) {
        List<Tensor> scaled = new ArrayList<>(outputs.size());
        for (Tensor output : outputs) {
            scaled.add(scale(output));
        }
        return scaled;
    }

    /** Mirrors {@code scaler.unscale_(optimizer)}: divides the optimizer's gradients by the scale, in place. */
    public void unscale_(Optimizer optimizer) {
        if (!enabled) {
            return;
        }
        checkScale("unscale_");
        OptimizerState state = stateOf(optimizer);
        if (state.stage == Stage.UNSCALED) {
            throw new TorchException(PythonType.RuntimeError,
                    "unscale_() has already been called on this optimizer since the last update().");
        }
        if (state.stage == Stage.STEPPED) {
            throw new TorchException(PythonType.RuntimeError, "unscale_() is being called after step().");
        }
        List<Tensor> grads = new ArrayList<>();
        for (ParamGroup group : optimizer.paramGroups()) {
            for (Tensor param : group.params()) {
                Tensor grad = param.grad();
                if (grad == null) {
                    continue;
                }
                if (grad.dtype() == DType.FLOAT16) {
                    throw new TorchException(PythonType.ValueError, "Attempting to unscale FP16 gradients.");
                }
                grads.add(grad);
            }
        }
        float invScale = (float) (1.0 / scale);
        Float foundInf = grads.isEmpty() ? null : 0f;
        for (Tensor grad : grads) {
            for (double value : grad.toDoubleArray()) {
                if (!Double.isFinite(value)) {
                    foundInf = 1f;
                }
            }
            if (invScale != 1f) {
                grad.mul_(Torch.full(new int[0], invScale, grad.dtype()));
            }
        }
        state.foundInf = foundInf;
        state.stage = Stage.UNSCALED;
    }

    /**
     * Mirrors {@code scaler.step(optimizer)}: unscales if not done yet, then runs {@code optimizer.step()}
     * only if no gradient was inf or NaN. Returns the step's result, or null when skipped.
     */
    public Tensor step(Optimizer optimizer) {
        if (!enabled) {
            return optimizer.step();
        }
        checkScale("step");
        OptimizerState state = stateOf(optimizer);
        if (state.stage == Stage.STEPPED) {
            throw new TorchException(PythonType.RuntimeError, "step() has already been called since the last update().");
        }
        if (state.stage == Stage.READY) {
            unscale_(optimizer);
        }
        if (state.foundInf == null) {
            throw new IllegalStateException("No inf checks were recorded for this optimizer.");
        }
        Tensor result = state.foundInf == 0f ? optimizer.step() : null;
        state.stage = Stage.STEPPED;
        return result;
    }

    /** Mirrors {@code scaler.update()}: backs off if any optimizer saw inf/NaN, else counts towards growth. */
    public void update() {
        if (!enabled) {
            return;
        }
        checkScale("update");
        float foundInf = 0f;
        boolean recorded = false;
        for (OptimizerState state : perOptimizerStates.values()) {
            if (state.foundInf != null) {
                foundInf += state.foundInf;
                recorded = true;
            }
        }
        if (!recorded) {
            throw new IllegalStateException("No inf checks were recorded prior to update.");
        }
        if (foundInf != 0f) {
            scale = (float) (scale * backoffFactor);
            growthTracker = 0;
        } else {
            int successful = growthTracker + 1;
            if (successful == growthInterval) {
                float grown = (float) (scale * growthFactor);
                if (Float.isFinite(grown)) {
                    scale = grown;
                }
                growthTracker = 0;
            } else {
                growthTracker = successful;
            }
        }
        perOptimizerStates.clear();
    }

    /** Mirrors {@code scaler.update(new_scale)}: sets the scale directly. */
    public void update(double newScale) {
        if (!enabled) {
            return;
        }
        checkScale("update");
        scale = (float) newScale;
        perOptimizerStates.clear();
    }

    /** Mirrors {@code get_scale()}: the current scale, init_scale before the first scale(), 1.0 when disabled. */
    public double getScale() {
        if (!enabled) {
            return 1.0;
        }
        return scale == null ? initScale : scale;
    }

    public double getGrowthFactor() {
        return growthFactor;
    }

    public double getBackoffFactor() {
        return backoffFactor;
    }

    public int getGrowthInterval() {
        return growthInterval;
    }

    /** Mirrors {@code _get_growth_tracker()}. */
    public int getGrowthTracker() {
        return scale == null ? initGrowthTracker : growthTracker;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Mirrors {@code state_dict()}: scale, factors, interval and {@code _growth_tracker}; empty when disabled. */
    public Map<String, Object> stateDict() {
        Map<String, Object> state = new LinkedHashMap<>();
        if (enabled) {
            state.put("scale", getScale());
            state.put("growth_factor", growthFactor);
            state.put("backoff_factor", backoffFactor);
            state.put("growth_interval", (long) growthInterval);
            state.put("_growth_tracker", (long) getGrowthTracker());
        }
        return state;
    }

    /** Mirrors {@code load_state_dict()}, refusing the empty state of a disabled scaler. */
    public void loadStateDict(Map<String, ?> state) {
        if (!enabled) {
            return;
        }
        if (state.isEmpty()) {
            throw new TorchException(PythonType.RuntimeError, "The source state dict is empty, possibly because it "
                    + "was saved from a disabled instance of GradScaler.");
        }
        initScale = ((Number) state.get("scale")).doubleValue();
        if (scale != null) {
            scale = (float) initScale;
        }
        growthFactor = ((Number) state.get("growth_factor")).doubleValue();
        backoffFactor = ((Number) state.get("backoff_factor")).doubleValue();
        growthInterval = ((Number) state.get("growth_interval")).intValue();
        initGrowthTracker = ((Number) state.get("_growth_tracker")).intValue();
        if (scale != null) {
            growthTracker = initGrowthTracker;
        }
    }

    private OptimizerState stateOf(Optimizer optimizer) {
        return perOptimizerStates.computeIfAbsent(optimizer, ignored -> new OptimizerState());
    }

    private void checkScale(String function) {
        if (scale == null) {
            throw new IllegalStateException("Attempted " + function + " but _scale is None.  This may indicate your "
                    + "script did not use scaler.scale(loss or outputs) earlier in the iteration.");
        }
    }
}
