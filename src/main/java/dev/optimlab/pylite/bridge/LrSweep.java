package dev.optimlab.pylite.bridge;

/**
 * The learning-rate range test run on a learner's own program: before optimizer step {@code k} every param group's
 * lr becomes {@code lrMin·(lrMax/lrMin)^(k/(steps-1))}, the exponential schedule of torch-lr-finder's
 * {@code LRFinder.range_test(step_mode="exp")}. The loss of the scalar {@code backward()} before that step is
 * paired with that lr; the run ends cleanly after {@code steps} steps, or as soon as a loss is not finite or passes
 * {@value #DIVERGENCE} times the best one so far (that loss is left out, as {@code explore.RangeTest} leaves it out).
 */
public record LrSweep(double lrMin, double lrMax, int steps) {

    /** How many times the best loss a loss may reach before the sweep calls it diverged. */
    public static final double DIVERGENCE = 4;
    /** The series of the sweep's points: the lr of step k, and the loss before step k. */
    public static final String LR_SERIES = "range/lr";
    public static final String LOSS_SERIES = "range/loss";
    /** Reported once, at the step whose loss diverged, with that step's lr; the sweep ended there. */
    public static final String DIVERGED_SERIES = "range/diverged";

    public LrSweep {
        if (!(lrMin > 0 && lrMax > lrMin && Double.isFinite(lrMax))) {
            throw new IllegalArgumentException("need 0 < lr_min < lr_max, got " + lrMin + " and " + lrMax);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("a sweep needs at least 2 steps, got " + steps);
        }
    }

    /** The lr in force at step {@code k}, counted from 0. */
    public double lr(long k) {
        return lrMin * Math.pow(lrMax / lrMin, (double) k / (steps - 1));
    }
}
