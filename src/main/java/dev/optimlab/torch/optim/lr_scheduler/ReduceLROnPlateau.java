package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.ParamGroup;
import java.util.List;
import java.util.Map;

/**
 * Mirrors {@code torch.optim.lr_scheduler.ReduceLROnPlateau} (PyTorch 2.x, where it is an LRScheduler with
 * {@code get_last_lr()}): multiplies lr by {@code factor} once the metric has not improved for more than
 * {@code patience} steps, then waits {@code cooldown} steps; never below {@code min_lr}, and never by less than
 * {@code eps}.
 */
public final class ReduceLROnPlateau extends LRScheduler {

    private final String mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final String thresholdMode;
    private final int cooldown;
    private List<Double> minLrs;
    /** The scalar min_lr, kept to cover groups added later; null when min_lr was given per group. */
    private final Double defaultMinLr;
    private final double eps;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;

    /** Keyword form: mode='min', factor=0.1, patience=10, threshold=1e-4, threshold_mode='rel', cooldown=0, min_lr=0, eps=1e-8. */
    public ReduceLROnPlateau(Optimizer optimizer, Map<String, ?> kwargs) {
        super(optimizer);
        Arguments a = new Arguments("ReduceLROnPlateau", kwargs, "mode", "factor", "patience", "threshold",
                "threshold_mode", "cooldown", "min_lr", "eps");
        this.factor = a.number("factor", 0.1);
        if (factor >= 1.0) {
            throw new TorchException(PythonType.ValueError, "Factor should be < 1.0.");
        }
        Object minLr = a.get("min_lr", 0);
        if (minLr instanceof List<?> list && list.size() != optimizer.paramGroups().size()) {
            throw new TorchException(PythonType.ValueError, "expected " + optimizer.paramGroups().size()
                    + " min_lrs, got " + list.size());
        }
        this.minLrs = Arguments.perGroup("min_lr", optimizer, minLr);
        this.defaultMinLr = minLr instanceof List<?> ? null : Arguments.toDouble("min_lr", minLr);
        this.patience = a.integer("patience", 10);
        this.cooldown = a.integer("cooldown", 0);
        this.mode = a.text("mode", "min");
        this.threshold = a.number("threshold", 1e-4);
        this.thresholdMode = a.text("threshold_mode", "rel");
        this.eps = a.number("eps", 1e-8);
        if (!mode.equals("min") && !mode.equals("max")) {
            throw new TorchException(PythonType.ValueError, "mode " + mode + " is unknown!");
        }
        if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
            throw new TorchException(PythonType.ValueError, "threshold mode " + thresholdMode + " is unknown!");
        }
        this.best = modeWorse();
    }

    private double modeWorse() {
        return mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** A scheduler driven by a metric has no step without one, as in PyTorch. */
    @Override
    public void step() {
        throw new TorchException(PythonType.TypeError,
                "ReduceLROnPlateau.step() missing 1 required positional argument: 'metrics'");
    }

    /** {@code step(5)} in Python passes 5 as the metric, not as an epoch. */
    @Override
    public void step(int metric) {
        step((double) metric);
    }

    /** Mirrors {@code step(metrics)}. */
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric, best)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            reduceLr();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        lastLr = currentLrs();
    }

    private void reduceLr() {
        List<ParamGroup> groups = optimizer.paramGroups();
        if (groups.size() != minLrs.size()) {
            if (defaultMinLr == null) {
                throw new TorchException(PythonType.RuntimeError, "The number of param groups in the `optimizer` ("
                        + groups.size() + ") differs from when `ReduceLROnPlateau` was initialized (" + minLrs.size()
                        + "), usually due to a new param group being added to the optimizer. Please modify the "
                        + "`min_lrs` field to match the length of the `optimizer` param groups.");
            }
            minLrs = java.util.Collections.nCopies(groups.size(), defaultMinLr);
        }
        for (int i = 0; i < groups.size(); i++) {
            double oldLr = groups.get(i).lr();
            double scaled = oldLr * factor;
            double newLr = minLrs.get(i) > scaled ? minLrs.get(i) : scaled;
            if (oldLr - newLr > eps) {
                groups.get(i).setLr(newLr);
            }
        }
    }

    private boolean isBetter(double a, double best) {
        if (mode.equals("min")) {
            return thresholdMode.equals("rel") ? a < best * (1.0 - threshold) : a < best - threshold;
        }
        return thresholdMode.equals("rel") ? a > best * (threshold + 1.0) : a > best + threshold;
    }

    @Override
    protected List<Double> getLr() {
        return currentLrs();
    }

    @Override
    protected void writeState(Map<String, Object> state) {
        state.put("factor", factor);
        state.put("default_min_lr", defaultMinLr);
        state.put("min_lrs", List.copyOf(minLrs));
        state.put("patience", patience);
        state.put("cooldown", cooldown);
        state.put("cooldown_counter", cooldownCounter);
        state.put("mode", mode);
        state.put("threshold", threshold);
        state.put("threshold_mode", thresholdMode);
        state.put("best", best);
        state.put("num_bad_epochs", numBadEpochs);
        state.put("mode_worse", modeWorse());
        state.put("eps", eps);
    }

    @Override
    public Object stateValue(String name) {
        return switch (name) {
            case "best" -> best;
            case "num_bad_epochs" -> numBadEpochs;
            case "cooldown_counter" -> cooldownCounter;
            default -> super.stateValue(name);
        };
    }

    @Override
    protected void readState(Map<String, Object> state) {
        if (state.get("min_lrs") instanceof List<?> saved) {
            minLrs = doubles(saved);
        }
        best = ((Number) state.getOrDefault("best", best)).doubleValue();
        numBadEpochs = ((Number) state.getOrDefault("num_bad_epochs", numBadEpochs)).intValue();
        cooldownCounter = ((Number) state.getOrDefault("cooldown_counter", cooldownCounter)).intValue();
    }
}
