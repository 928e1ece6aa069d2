package dev.optimlab.runs;

import dev.optimlab.pylite.Limits;
import java.time.Duration;

/**
 * How the run service is sized, with the defaults of DESIGN.md. No PyTorch counterpart.
 *
 * @param workers programs that run at the same time
 * @param queueCapacity programs that may wait for a worker before new ones are refused
 * @param runLimits limits of a Run when the exercise gives none
 * @param submitLimits limits of a Submit when the exercise gives none
 * @param memoryCapacityBytes the sum of running programs' memory budgets the heap may carry
 * @param guestsEnabled whether learners who are not signed in may run programs
 * @param guestRunsPerAddress unfinished guest programs allowed per remote address
 * @param batchInterval how often subscribers receive what happened since the last batch
 * @param cancelGrace how long a worker waits for a cancelled or overdue program before it moves on
 * @param eventBuffer events kept per run for late subscribers
 * @param fairShare how workers are shared between learners by the CPU they use
 */
public record RunSettings(int workers, int queueCapacity, Limits runLimits, Limits submitLimits,
                          long memoryCapacityBytes, boolean guestsEnabled, int guestRunsPerAddress,
                          Duration batchInterval, Duration cancelGrace, int eventBuffer, FairShare fairShare) {

    public RunSettings {
        if (workers < 1 || queueCapacity < 0 || memoryCapacityBytes <= 0 || eventBuffer < 2) {
            throw new IllegalArgumentException("run settings need at least one worker, a queue capacity of 0 or "
                    + "more, some memory and an event buffer of at least 2; got " + workers + " workers, queue "
                    + queueCapacity + ", memory " + memoryCapacityBytes + ", buffer " + eventBuffer);
        }
    }

    /**
     * What a Submit's program may hold unless its exercise asks for more: course exercises hold well under 1 MiB,
     * and the memory guard books each grade's budget, so DESIGN.md's 256 MiB would let a 1 GiB heap grade only
     * one attempt at a time (docs/benchmarks.md).
     */
    public static final long SUBMIT_MEMORY_BYTES = 64L << 20;

    /**
     * DESIGN.md's defaults: a worker per core, queue 500, 10 s Run, 5 s Submit, half of the heap; one worker kept
     * for light learners when there are two or more. A Submit's program gets {@link #SUBMIT_MEMORY_BYTES}.
     */
    public static RunSettings defaults() {
        return new RunSettings(Runtime.getRuntime().availableProcessors(), 500, Limits.defaults(),
                Limits.defaults().withWallTime(Duration.ofSeconds(5)).withMaxBytes(SUBMIT_MEMORY_BYTES),
                Runtime.getRuntime().maxMemory() / 2, true, 3,
                Duration.ofMillis(50), Duration.ofSeconds(1), 10_000, FairShare.defaults());
    }

    public RunSettings withWorkers(int n) {
        return new RunSettings(n, queueCapacity, runLimits, submitLimits, memoryCapacityBytes, guestsEnabled,
                guestRunsPerAddress, batchInterval, cancelGrace, eventBuffer, fairShare);
    }

    public RunSettings withQueueCapacity(int n) {
        return new RunSettings(workers, n, runLimits, submitLimits, memoryCapacityBytes, guestsEnabled,
                guestRunsPerAddress, batchInterval, cancelGrace, eventBuffer, fairShare);
    }

    public RunSettings withLimits(Limits run, Limits submit) {
        return new RunSettings(workers, queueCapacity, run, submit, memoryCapacityBytes, guestsEnabled,
                guestRunsPerAddress, batchInterval, cancelGrace, eventBuffer, fairShare);
    }

    public RunSettings withMemoryCapacityBytes(long bytes) {
        return new RunSettings(workers, queueCapacity, runLimits, submitLimits, bytes, guestsEnabled,
                guestRunsPerAddress, batchInterval, cancelGrace, eventBuffer, fairShare);
    }

    public RunSettings withGuests(boolean enabled, int runsPerAddress) {
        return new RunSettings(workers, queueCapacity, runLimits, submitLimits, memoryCapacityBytes, enabled,
                runsPerAddress, batchInterval, cancelGrace, eventBuffer, fairShare);
    }

    public RunSettings withEventBuffer(int events) {
        return new RunSettings(workers, queueCapacity, runLimits, submitLimits, memoryCapacityBytes, guestsEnabled,
                guestRunsPerAddress, batchInterval, cancelGrace, events, fairShare);
    }

    public RunSettings withFairShare(FairShare share) {
        return new RunSettings(workers, queueCapacity, runLimits, submitLimits, memoryCapacityBytes, guestsEnabled,
                guestRunsPerAddress, batchInterval, cancelGrace, eventBuffer, share);
    }

    /** Workers that only learners under the light-CPU threshold may use. */
    public int reservedWorkers() {
        return fairShare.reservedOf(workers);
    }

    /** The limits a run of this kind gets when the exercise gives none. */
    public Limits limitsFor(RunKind kind) {
        return kind == RunKind.SUBMIT ? submitLimits : runLimits;
    }
}
