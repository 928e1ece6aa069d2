package dev.optimlab.runs;

import java.time.Duration;

/**
 * How the run service shares its workers between learners by the CPU their programs use. No PyTorch
 * counterpart: the part of a batch scheduler's fair-share policy (e.g. Slurm's) that a classroom needs.
 *
 * @param quantum CPU time a waiting learner is credited at each turn of the round; programs that use less
 *                never wait a turn for their learner's earlier usage
 * @param halfLife how fast past usage is forgotten: a learner's recent CPU and debt halve in this time
 * @param lightCpu recent CPU under which a learner counts as light and may use the reserved workers
 * @param reservedWorkers workers kept for light learners (never all of them: at least one serves everyone)
 * @param slice running time after which a program is billed and, if a learner with less recent usage waits,
 *              paused for them and put back in the queue
 */
public record FairShare(Duration quantum, Duration halfLife, Duration lightCpu, int reservedWorkers, Duration slice) {

    /** The default slice: long enough that course exercises (tens of milliseconds) are never paused. */
    public static final Duration DEFAULT_SLICE = Duration.ofMillis(250);

    public FairShare {
        if (quantum.isNegative() || quantum.isZero() || halfLife.isNegative() || halfLife.isZero()
                || lightCpu.isNegative() || reservedWorkers < 0 || slice.isNegative() || slice.isZero()) {
            throw new IllegalArgumentException("fair share needs a positive quantum, half-life and slice, a light-CPU "
                    + "threshold of 0 or more and 0 or more reserved workers; got quantum " + quantum + ", half-life "
                    + halfLife + ", light " + lightCpu + ", reserved " + reservedWorkers + ", slice " + slice);
        }
    }

    public FairShare(Duration quantum, Duration halfLife, Duration lightCpu, int reservedWorkers) {
        this(quantum, halfLife, lightCpu, reservedWorkers, DEFAULT_SLICE);
    }

    /**
     * A 50 ms quantum, usage forgotten with a one-minute half-life, light under 2 s of recent CPU, one worker kept,
     * 250 ms slices.
     */
    public static FairShare defaults() {
        return new FairShare(Duration.ofMillis(50), Duration.ofMinutes(1), Duration.ofSeconds(2), 1);
    }

    /**
     * What a program stopped by its memory limit is billed at least: twice the light threshold. A memory bomb
     * ends within milliseconds, so billed by its CPU alone its learner would stay light and compete for the
     * reserved worker with honest learners; billed so, the learner turns heavy at once and stays heavy for
     * about a half-life.
     */
    public Duration memoryLimitCharge() {
        return lightCpu.multipliedBy(2);
    }

    public FairShare withSlice(Duration length) {
        return new FairShare(quantum, halfLife, lightCpu, reservedWorkers, length);
    }

    /** The reserved workers a pool of {@code workers} can afford: one worker at least stays open to everyone. */
    int reservedOf(int workers) {
        return Math.min(reservedWorkers, workers - 1);
    }
}
