package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.ParamGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mirrors {@code torch.optim.lr_scheduler.OneCycleLR}: lr rises from {@code max_lr/div_factor} to {@code max_lr}
 * and anneals (cosine or linear) to {@code initial_lr/final_div_factor}, optionally in three phases, with momentum
 * (or Adam's beta1) moving the opposite way.
 */
public final class OneCycleLR extends LRScheduler {

    private record Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {
    }

    private final int totalSteps;
    private final List<Phase> phases;
    private final boolean cosine;
    private final boolean cycleMomentum;
    private final boolean useBeta1;

    /**
     * Keyword form: max_lr (required), total_steps or (epochs and steps_per_epoch), pct_start=0.3,
     * anneal_strategy='cos', cycle_momentum=True, base_momentum=0.85, max_momentum=0.95, div_factor=25.0,
     * final_div_factor=1e4, three_phase=False, last_epoch=-1.
     */
    public OneCycleLR(Optimizer optimizer, Map<String, ?> kwargs) {
        this(optimizer, new Arguments("OneCycleLR", kwargs, "max_lr", "total_steps", "epochs", "steps_per_epoch",
                "pct_start", "anneal_strategy", "cycle_momentum", "base_momentum", "max_momentum", "div_factor",
                "final_div_factor", "three_phase", "last_epoch"));
    }

    private OneCycleLR(Optimizer optimizer, Arguments a) {
        super(prepare(optimizer, a), a.integer("last_epoch", -1));
        this.totalSteps = totalSteps(a);
        double pctStart = a.number("pct_start", 0.3);
        this.phases = a.flag("three_phase", false)
                ? List.of(new Phase(pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                        new Phase(2 * pctStart * totalSteps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                        new Phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"))
                : List.of(new Phase(pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                        new Phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
        this.cosine = a.text("anneal_strategy", "cos").equals("cos");
        this.cycleMomentum = a.flag("cycle_momentum", true);
        this.useBeta1 = cycleMomentum && optimizer.defaults().containsKey("betas");
        initialStep();
    }

    private static int totalSteps(Arguments a) {
        if (a.has("total_steps")) {
            Object total = a.get("total_steps", null);
            if (!Arguments.isInt(total) || ((Number) total).intValue() <= 0) {
                throw new TorchException(PythonType.ValueError, "Expected positive integer total_steps, but got " + total);
            }
            return ((Number) total).intValue();
        }
        if (a.has("epochs") && a.has("steps_per_epoch")) {
            Object epochs = a.get("epochs", null);
            Object perEpoch = a.get("steps_per_epoch", null);
            if (!Arguments.isInt(epochs) || ((Number) epochs).intValue() <= 0) {
                throw new TorchException(PythonType.ValueError, "Expected positive integer epochs, but got " + epochs);
            }
            if (!Arguments.isInt(perEpoch) || ((Number) perEpoch).intValue() <= 0) {
                throw new TorchException(PythonType.ValueError,
                        "Expected positive integer steps_per_epoch, but got " + perEpoch);
            }
            return ((Number) epochs).intValue() * ((Number) perEpoch).intValue();
        }
        throw new TorchException(PythonType.ValueError,
                "You must define either total_steps OR (epochs AND steps_per_epoch)");
    }

    /** The checks and group keys PyTorch sets before calling the base constructor. */
    private static Optimizer prepare(Optimizer optimizer, Arguments a) {
        totalSteps(a);
        Object pct = a.get("pct_start", 0.3);
        double pctStart = Arguments.toDouble("pct_start", pct);
        if (pctStart < 0 || pctStart > 1 || !(pct instanceof Double)) {
            throw new TorchException(PythonType.ValueError,
                    "Expected float between 0 and 1 pct_start, but got " + pct);
        }
        String anneal = a.text("anneal_strategy", "cos");
        if (!anneal.equals("cos") && !anneal.equals("linear")) {
            throw new TorchException(PythonType.ValueError,
                    "anneal_strategy must be one of 'cos' or 'linear', instead got " + anneal);
        }
        List<Double> maxLrs = Arguments.perGroup("max_lr", optimizer, a.required("max_lr"));
        double divFactor = a.number("div_factor", 25.0);
        double finalDivFactor = a.number("final_div_factor", 1e4);
        int lastEpoch = a.integer("last_epoch", -1);
        List<ParamGroup> groups = optimizer.paramGroups();
        if (lastEpoch == -1) {
            for (int i = 0; i < groups.size(); i++) {
                double initial = maxLrs.get(i) / divFactor;
                groups.get(i).set("initial_lr", initial);
                groups.get(i).set("max_lr", maxLrs.get(i));
                groups.get(i).set("min_lr", initial / finalDivFactor);
            }
        }
        if (a.flag("cycle_momentum", true)) {
            if (!optimizer.defaults().containsKey("momentum") && !optimizer.defaults().containsKey("betas")) {
                throw new TorchException(PythonType.ValueError,
                        "optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
            }
            boolean beta1 = optimizer.defaults().containsKey("betas");
            List<Double> max = Arguments.perGroup("max_momentum", optimizer, a.get("max_momentum", 0.95));
            List<Double> base = Arguments.perGroup("base_momentum", optimizer, a.get("base_momentum", 0.85));
            if (lastEpoch == -1) {
                for (int i = 0; i < groups.size(); i++) {
                    CyclicLR.setMomentum(groups.get(i), beta1, max.get(i));
                    groups.get(i).set("max_momentum", max.get(i));
                    groups.get(i).set("base_momentum", base.get(i));
                }
            }
        }
        return optimizer;
    }

    private double anneal(double start, double end, double pct) {
        if (cosine) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
        return (end - start) * pct + start;
    }

    @Override
    protected List<Double> getLr() {
        int stepNum = lastEpoch;
        if (stepNum > totalSteps) {
            throw new TorchException(PythonType.ValueError, "Tried to step " + stepNum
                    + " times. The specified number of total steps is " + totalSteps);
        }
        List<Double> lrs = new ArrayList<>();
        for (ParamGroup group : optimizer.paramGroups()) {
            double startStep = 0.0;
            double lr = 0;
            for (int i = 0; i < phases.size(); i++) {
                Phase phase = phases.get(i);
                if (stepNum <= phase.endStep() || i == phases.size() - 1) {
                    double pct = (stepNum - startStep) / (phase.endStep() - startStep);
                    lr = anneal(group.getDouble(phase.startLr()), group.getDouble(phase.endLr()), pct);
                    if (cycleMomentum) {
                        double momentum = anneal(group.getDouble(phase.startMomentum()),
                                group.getDouble(phase.endMomentum()), pct);
                        CyclicLR.setMomentum(group, useBeta1, momentum);
                    }
                    break;
                }
                startStep = phase.endStep();
            }
            lrs.add(lr);
        }
        return lrs;
    }

    @Override
    protected void writeState(Map<String, Object> state) {
        state.put("total_steps", totalSteps);
        state.put("_anneal_func_type", cosine ? "cos" : "linear");
        state.put("cycle_momentum", cycleMomentum);
        if (cycleMomentum) {
            state.put("use_beta1", useBeta1);
        }
    }
}
