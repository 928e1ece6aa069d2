package dev.optimlab.explore;

/**
 * The learning-rate range test read the way fastai's {@code lr_find} reads it: the raw losses of
 * {@link WidgetCurves#lrFinder}, an exponentially smoothed curve, and three suggested learning rates.
 * Each suggestion is a heuristic over that curve, not a property of the model.
 */
public final class RangeTest {

    /**
     * The smoothing factor: an average over about ten steps. fastai's 0.98 suits a hundred noisy mini-batches;
     * on this full-batch curve it lags so far behind that every suggestion moves to a larger lr.
     */
    public static final double SMOOTHING = 0.9;

    /** A suggested learning rate and where it sits on the smoothed curve. */
    public record Suggestion(double lr, double smoothedLoss, int index) {
    }

    /**
     * @param log10Lrs the log10 of each tried learning rate
     * @param losses the loss before the step at each rate
     * @param smoothed the bias-corrected exponential moving average of the losses
     * @param steepest where the smoothed loss falls fastest per decade of lr
     * @param minimumTenth a tenth of the lr at the smoothed loss's minimum
     * @param valley a point some way down the longest descending stretch of the curve
     */
    public record Result(double[] log10Lrs, double[] losses, double[] smoothed, Suggestion steepest,
                         Suggestion minimumTenth, Suggestion valley) {
    }

    private RangeTest() {
    }

    public static Result run(String modelId, double startLr, double endLr, int steps) {
        WidgetCurves.Series raw = WidgetCurves.lrFinder(modelId, startLr, endLr, steps);
        return read(raw.xs(), raw.ys());
    }

    /** Smoothing and suggestions for a recorded curve; needs at least three points to have a slope at all. */
    public static Result read(double[] log10Lrs, double[] losses) {
        if (losses.length < 3) {
            throw new IllegalArgumentException("the range test stopped after " + losses.length
                    + " steps, too few to read: start from a smaller lr or take more steps");
        }
        double[] smoothed = smooth(losses, SMOOTHING);
        int steepest = steepest(log10Lrs, smoothed);
        int minimum = 0;
        for (int i = 1; i < smoothed.length; i++) {
            if (smoothed[i] < smoothed[minimum]) {
                minimum = i;
            }
        }
        double tenthLog = log10Lrs[minimum] - 1;
        int nearTenth = 0;
        for (int i = 1; i < log10Lrs.length; i++) {
            if (Math.abs(log10Lrs[i] - tenthLog) < Math.abs(log10Lrs[nearTenth] - tenthLog)) {
                nearTenth = i;
            }
        }
        int valley = valley(smoothed);
        return new Result(log10Lrs, losses, smoothed, at(log10Lrs, smoothed, steepest),
                new Suggestion(Math.pow(10, tenthLog), smoothed[nearTenth], nearTenth), at(log10Lrs, smoothed, valley));
    }

    /** {@code avg = beta avg + (1 - beta) loss}, divided by {@code 1 - beta^(i+1)} so the start is not pulled to 0. */
    static double[] smooth(double[] losses, double beta) {
        double[] smoothed = new double[losses.length];
        double average = 0;
        for (int i = 0; i < losses.length; i++) {
            average = beta * average + (1 - beta) * losses[i];
            smoothed[i] = average / (1 - Math.pow(beta, i + 1));
        }
        return smoothed;
    }

    /** The index where the slope to the next point, per decade of lr, is most negative. */
    static int steepest(double[] log10Lrs, double[] smoothed) {
        int best = 0;
        double bestSlope = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < smoothed.length; i++) {
            double slope = (smoothed[i + 1] - smoothed[i]) / (log10Lrs[i + 1] - log10Lrs[i]);
            if (slope < bestSlope) {
                bestSlope = slope;
                best = i;
            }
        }
        return best;
    }

    /**
     * fastai's valley: the longest strictly decreasing subsequence of the curve, and a point half-way between
     * the ends of its first and second thirds, where the loss still falls but is not yet flat.
     */
    static int valley(double[] losses) {
        int n = losses.length;
        int[] length = new int[n];
        int end = 0;
        for (int i = 0; i < n; i++) {
            length[i] = 1;
            for (int j = 0; j < i; j++) {
                if (losses[i] < losses[j] && length[i] < length[j] + 1) {
                    length[i] = length[j] + 1;
                }
            }
            if (length[i] > length[end]) {
                end = i;
            }
        }
        int start = end - length[end] + 1;
        double third = (end - start) / 3.0;
        return Math.min(end, start + (int) third + (int) (third / 2));
    }

    private static Suggestion at(double[] log10Lrs, double[] smoothed, int index) {
        return new Suggestion(Math.pow(10, log10Lrs[index]), smoothed[index], index);
    }
}
