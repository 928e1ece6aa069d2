package dev.optimlab.app.api;

import dev.optimlab.course.GradeTimeline;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records where the time of each API grade went: a Micrometer timer {@code optimlab.grade.stage} per stage of
 * {@link GradeTimeline} (the time from the previous stage to this one) and {@code optimlab.grade.total}, and at
 * debug level one line per attempt, which the load benchmark reads back. No PyTorch counterpart.
 */
@Component
class GradeTimings {

    private static final Logger LOG = LoggerFactory.getLogger(GradeTimings.class);

    private final MeterRegistry registry;

    GradeTimings(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable();
    }

    void record(GradeTimeline timeline) {
        Map<GradeTimeline.Stage, Duration> intervals = timeline.intervals();
        Duration total = timeline.total();
        if (registry != null) {
            intervals.forEach((stage, took) -> Timer.builder("optimlab.grade.stage")
                    .description("time of a graded attempt from the previous stage to this one")
                    .tag("stage", stage.name().toLowerCase(Locale.ROOT)).register(registry).record(took));
            Timer.builder("optimlab.grade.total").description("time of a graded attempt in the application")
                    .register(registry).record(total);
        }
        if (LOG.isDebugEnabled()) {
            StringJoiner stages = new StringJoiner(", ");
            intervals.forEach((stage, took) -> stages.add(stage.name().toLowerCase(Locale.ROOT) + " "
                    + millis(took)));
            LOG.debug("grade stages (ms since the previous stage): total {}, {}", millis(total), stages);
        }
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e6);
    }
}
