package dev.optimlab.runs;

import dev.optimlab.pylite.Limits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The run service's settings as {@code optimlab.runs.*} properties, with DESIGN.md's defaults. No PyTorch
 * counterpart.
 *
 * @param workers programs running at once; 0 means one per core
 * @param queueCapacity programs that may wait before new ones are refused
 * @param wallTimeRun wall limit of a Run when the exercise gives none
 * @param wallTimeSubmit wall limit of a Submit when the exercise gives none
 * @param steps interpreter steps per program
 * @param memory data a Run's program may hold
 * @param memorySubmit data a Submit's program may hold unless its exercise asks for more
 * @param output text a program may print
 * @param heapShare the share of the maximum heap that running programs' memory budgets may add up to
 * @param guestsEnabled whether guests may run programs
 * @param guestRunsPerAddress unfinished guest programs per remote address
 * @param fairQuantum CPU credited to a waiting learner at each turn of the fair-share round
 * @param usageHalfLife how fast learners' past CPU use is forgotten
 * @param lightCpu recent CPU under which a learner may use the reserved workers
 * @param reservedWorkers workers kept for learners under {@code lightCpu} (at least one worker serves everyone)
 * @param slice running time after which a program is paused if a learner with less recent usage waits
 */
@ConfigurationProperties("optimlab.runs")
public record RunProperties(@DefaultValue("0") int workers, @DefaultValue("500") int queueCapacity,
                            @DefaultValue("10s") Duration wallTimeRun, @DefaultValue("5s") Duration wallTimeSubmit,
                            @DefaultValue("100000000") long steps, @DefaultValue("256MB") DataSize memory,
                            @DefaultValue("64MB") DataSize memorySubmit,
                            @DefaultValue("1MB") DataSize output, @DefaultValue("0.5") double heapShare,
                            @DefaultValue("true") boolean guestsEnabled,
                            @DefaultValue("3") int guestRunsPerAddress,
                            @DefaultValue("50ms") Duration fairQuantum, @DefaultValue("1m") Duration usageHalfLife,
                            @DefaultValue("2s") Duration lightCpu, @DefaultValue("1") int reservedWorkers,
                            @DefaultValue("250ms") Duration slice) {

    /** The settings for a JVM whose heap may grow to {@code maxHeapBytes}. */
    public RunSettings toSettings(long maxHeapBytes) {
        Limits run = Limits.defaults().withWallTime(wallTimeRun).withMaxSteps(steps).withMaxBytes(memory.toBytes())
                .withMaxOutputBytes(output.toBytes());
        RunSettings defaults = RunSettings.defaults();
        return defaults.withWorkers(workers > 0 ? workers : Runtime.getRuntime().availableProcessors())
                .withQueueCapacity(queueCapacity).withLimits(run, run.withWallTime(wallTimeSubmit).withMaxBytes(memorySubmit.toBytes()))
                .withMemoryCapacityBytes((long) (maxHeapBytes * heapShare))
                .withGuests(guestsEnabled, guestRunsPerAddress)
                .withFairShare(new FairShare(fairQuantum, usageHalfLife, lightCpu, reservedWorkers, slice));
    }
}
