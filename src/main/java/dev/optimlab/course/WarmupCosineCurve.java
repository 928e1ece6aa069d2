package dev.optimlab.course;

/**
 * A learning rate that rises linearly for {@code warmupSteps} and then follows a half cosine down to zero,
 * the shape {@code LinearLR} followed by {@code CosineAnnealingLR} gives in a {@code SequentialLR}.
 */
public record WarmupCosineCurve(double peakLr, int warmupSteps, int totalSteps) {

    public WarmupCosineCurve {
        if (peakLr <= 0 || warmupSteps < 0 || totalSteps <= warmupSteps) {
            throw new IllegalArgumentException("need peakLr > 0 and 0 <= warmupSteps < totalSteps");
        }
    }

    /** The learning rate used at {@code step} (0-based). */
    public double lr(int step) {
        if (step < warmupSteps) {
            return peakLr * (step + 1) / warmupSteps;
        }
        int decaySteps = totalSteps - warmupSteps;
        return peakLr * 0.5 * (1 + Math.cos(Math.PI * (step - warmupSteps) / decaySteps));
    }
}
