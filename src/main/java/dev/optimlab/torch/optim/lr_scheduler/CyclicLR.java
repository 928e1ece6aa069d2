package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.ParamGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Mirrors {@code torch.optim.lr_scheduler.CyclicLR}: lr cycles between {@code base_lr} and {@code max_lr}
 * (triangular, triangular2 or exp_range), with momentum (or Adam's beta1) cycling the opposite way.
 */
public final class CyclicLR extends LRScheduler {

    private final List<Double> maxLrs;
    private final double totalSize;
    private final double stepRatio;
    private final String mode;
    private final double gamma;
    private final DoubleUnaryOperator scaleFn;
    private final boolean scaleByCycle;
    private final boolean cycleMomentum;
    private final boolean useBeta1;
    private final List<Double> baseMomentums;
    private final List<Double> maxMomentums;

    /**
     * Keyword form: base_lr, max_lr (required), step_size_up=2000, step_size_down=None, mode='triangular',
     * gamma=1.0, scale_fn=None (a {@link DoubleUnaryOperator}), scale_mode='cycle', cycle_momentum=True,
     * base_momentum=0.8, max_momentum=0.9, last_epoch=-1.
     */
    public CyclicLR(Optimizer optimizer, Map<String, ?> kwargs) {
        this(optimizer, new Arguments("CyclicLR", kwargs, "base_lr", "max_lr", "step_size_up", "step_size_down",
                "mode", "gamma", "scale_fn", "scale_mode", "cycle_momentum", "base_momentum", "max_momentum", "last_epoch"));
    }

    private CyclicLR(Optimizer optimizer, Arguments a) {
        super(prepare(optimizer, a), a.integer("last_epoch", -1));
        this.maxLrs = Arguments.perGroup("max_lr", optimizer, a.required("max_lr"));
        double up = a.number("step_size_up", 2000);
        double down = a.has("step_size_down") ? a.number("step_size_down", up) : up;
        this.totalSize = up + down;
        this.stepRatio = up / totalSize;
        this.mode = a.text("mode", "triangular");
        this.gamma = a.number("gamma", 1.0);
        if (a.get("scale_fn", null) instanceof DoubleUnaryOperator custom) {
            this.scaleFn = custom;
            this.scaleByCycle = a.text("scale_mode", "cycle").equals("cycle");
        } else {
            this.scaleFn = switch (mode) {
                case "triangular" -> x -> 1.0;
                case "triangular2" -> x -> 1 / Math.pow(2.0, x - 1);
                case "exp_range" -> x -> Math.pow(gamma, x);
                default -> throw new TorchException(PythonType.ValueError, "mode is invalid and scale_fn is None");
            };
            this.scaleByCycle = !mode.equals("exp_range");
        }
        this.cycleMomentum = a.flag("cycle_momentum", true);
        if (cycleMomentum) {
            this.useBeta1 = optimizer.defaults().containsKey("betas");
            this.baseMomentums = Arguments.perGroup("base_momentum", optimizer, a.get("base_momentum", 0.8));
            this.maxMomentums = Arguments.perGroup("max_momentum", optimizer, a.get("max_momentum", 0.9));
        } else {
            this.useBeta1 = false;
            this.baseMomentums = List.of();
            this.maxMomentums = List.of();
        }
        initialStep();
        this.baseLrs = Arguments.perGroup("base_lr", optimizer, a.required("base_lr"));
    }

    /** What PyTorch does before calling the base constructor: lrs start at base_lr, momentum at its maximum. */
    private static Optimizer prepare(Optimizer optimizer, Arguments a) {
        List<Double> baseLrs = Arguments.perGroup("base_lr", optimizer, a.required("base_lr"));
        int lastEpoch = a.integer("last_epoch", -1);
        List<ParamGroup> groups = optimizer.paramGroups();
        if (lastEpoch == -1) {
            for (int i = 0; i < groups.size(); i++) {
                groups.get(i).setLr(baseLrs.get(i));
            }
        }
        if (a.flag("cycle_momentum", true)) {
            if (!optimizer.defaults().containsKey("momentum") && !optimizer.defaults().containsKey("betas")) {
                throw new TorchException(PythonType.ValueError,
                        "optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
            }
            boolean beta1 = optimizer.defaults().containsKey("betas");
            List<Double> base = Arguments.perGroup("base_momentum", optimizer, a.get("base_momentum", 0.8));
            List<Double> max = Arguments.perGroup("max_momentum", optimizer, a.get("max_momentum", 0.9));
            if (lastEpoch == -1) {
                for (int i = 0; i < groups.size(); i++) {
                    setMomentum(groups.get(i), beta1, max.get(i));
                    groups.get(i).set("max_momentum", max.get(i));
                    groups.get(i).set("base_momentum", base.get(i));
                }
            }
        }
        return optimizer;
    }

    static void setMomentum(ParamGroup group, boolean beta1, double value) {
        if (beta1) {
            group.set("betas", List.of(value, group.getTupleItem("betas", 1)));
        } else {
            group.set("momentum", value);
        }
    }

    @Override
    protected List<Double> getLr() {
        double cycle = Math.floor(1 + lastEpoch / totalSize);
        double x = 1.0 + lastEpoch / totalSize - cycle;
        double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        double scale = scaleFn.applyAsDouble(scaleByCycle ? cycle : lastEpoch);
        List<Double> lrs = new ArrayList<>();
        for (int i = 0; i < baseLrs.size(); i++) {
            double baseHeight = (maxLrs.get(i) - baseLrs.get(i)) * scaleFactor;
            lrs.add(baseLrs.get(i) + baseHeight * scale);
        }
        if (cycleMomentum) {
            List<ParamGroup> groups = optimizer.paramGroups();
            for (int i = 0; i < groups.size(); i++) {
                double baseHeight = (maxMomentums.get(i) - baseMomentums.get(i)) * scaleFactor;
                setMomentum(groups.get(i), useBeta1, maxMomentums.get(i) - baseHeight * scale);
            }
        }
        return lrs;
    }

    @Override
    protected void writeState(Map<String, Object> state) {
        state.put("max_lrs", List.copyOf(maxLrs));
        state.put("total_size", totalSize);
        state.put("step_ratio", stepRatio);
        state.put("mode", mode);
        state.put("gamma", gamma);
        state.put("scale_mode", scaleByCycle ? "cycle" : "iterations");
        state.put("cycle_momentum", cycleMomentum);
        if (cycleMomentum) {
            state.put("use_beta1", useBeta1);
            state.put("base_momentums", List.copyOf(baseMomentums));
            state.put("max_momentums", List.copyOf(maxMomentums));
        }
    }
}
