package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import dev.optimlab.torch.optim.Optimizer;
import java.util.List;
import java.util.Map;

/**
 * Mirrors {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts} (SGDR): cosine annealing that restarts
 * every {@code T_i} epochs, {@code T_i} growing by {@code T_mult} after each restart; epochs may be fractional.
 */
public final class CosineAnnealingWarmRestarts extends LRScheduler {

    private final int t0;
    private int tI;
    private final int tMult;
    private final double etaMin;
    private double tCur;

    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0, int tMult, double etaMin, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (t0 <= 0) {
            throw new TorchException(PythonType.ValueError, "Expected positive integer T_0, but got " + t0);
        }
        if (tMult < 1) {
            throw new TorchException(PythonType.ValueError, "Expected integer T_mult >= 1, but got " + tMult);
        }
        this.t0 = t0;
        this.tI = t0;
        this.tMult = tMult;
        this.etaMin = etaMin;
        this.tCur = lastEpoch;
        initialStep();
    }

    /** Keyword form: T_0 (required), T_mult=1, eta_min=0.0, last_epoch=-1. */
    public static CosineAnnealingWarmRestarts of(Optimizer optimizer, Map<String, ?> kwargs) {
        Arguments a = new Arguments("CosineAnnealingWarmRestarts", kwargs, "T_0", "T_mult", "eta_min", "last_epoch");
        Object t0 = a.required("T_0");
        Object tMult = a.get("T_mult", 1);
        if (!Arguments.isInt(t0)) {
            throw new TorchException(PythonType.ValueError, "Expected positive integer T_0, but got " + t0);
        }
        if (!Arguments.isInt(tMult)) {
            throw new TorchException(PythonType.ValueError, "Expected integer T_mult >= 1, but got " + tMult);
        }
        return new CosineAnnealingWarmRestarts(optimizer, ((Number) t0).intValue(), ((Number) tMult).intValue(),
                a.number("eta_min", 0.0), a.integer("last_epoch", -1));
    }

    @Override
    protected List<Double> getLr() {
        return fromBase(base -> etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2);
    }

    /** Mirrors {@code step()}: one epoch on, restarting when {@code T_cur} reaches {@code T_i}. */
    @Override
    public void step() {
        if (lastEpoch < 0) {
            step(0.0);
            return;
        }
        tCur = tCur + 1;
        if (tCur >= tI) {
            tCur = tCur % tI;
            tI = tI * tMult;
        }
        lastEpoch = lastEpoch + 1;
        apply(getLr());
    }

    @Override
    public void step(int epoch) {
        step((double) epoch);
    }

    /** Mirrors {@code step(epoch)} with a possibly fractional epoch, such as {@code epoch + i / iters}. */
    public void step(double epoch) {
        if (epoch < 0) {
            throw new TorchException(PythonType.ValueError, "Expected non-negative epoch, but got " + epoch);
        }
        if (epoch >= t0) {
            if (tMult == 1) {
                tCur = epoch % t0;
            } else {
                int n = (int) (Math.log(epoch / t0 * (tMult - 1) + 1) / Math.log(tMult));
                tCur = epoch - t0 * (Math.pow(tMult, n) - 1) / (tMult - 1);
                tI = t0 * (int) Math.pow(tMult, n);
            }
        } else {
            tI = t0;
            tCur = epoch;
        }
        lastEpoch = (int) Math.floor(epoch);
        apply(getLr());
    }

    @Override
    protected void writeState(Map<String, Object> state) {
        state.put("T_0", t0);
        state.put("T_i", tI);
        state.put("T_mult", tMult);
        state.put("eta_min", etaMin);
        state.put("T_cur", tCur);
    }

    @Override
    protected void readState(Map<String, Object> state) {
        tI = ((Number) state.getOrDefault("T_i", tI)).intValue();
        tCur = ((Number) state.getOrDefault("T_cur", tCur)).doubleValue();
    }
}
