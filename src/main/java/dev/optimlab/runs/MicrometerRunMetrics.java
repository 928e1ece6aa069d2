package dev.optimlab.runs;

import dev.optimlab.pylite.RunResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The run service's figures as Micrometer meters: {@code optimlab.runs.queue} (gauge),
 * {@code optimlab.runs.wait}, {@code optimlab.runs.duration} and {@code optimlab.runs.cpu} (timers), {@code optimlab.runs.limits},
 * {@code optimlab.runs.rejections} and {@code optimlab.runs.cancellations} (counters). No PyTorch counterpart.
 */
public final class MicrometerRunMetrics implements RunMetrics {
    private final MeterRegistry registry;

    public MicrometerRunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void queueLength(IntSupplier length) {
        Gauge.builder("optimlab.runs.queue", length, IntSupplier::getAsInt)
                .description("programs waiting for a worker").register(registry);
    }

    @Override
    public void waited(RunKind kind, Duration waited) {
        Timer.builder("optimlab.runs.wait").description("time from submission to start").tag("kind", tag(kind))
                .register(registry).record(waited);
    }

    @Override
    public void ran(RunKind kind, RunResult result) {
        Timer.builder("optimlab.runs.duration").description("time programs ran").tag("kind", tag(kind))
                .tag("status", tag(result.status())).register(registry).record(result.duration());
        if (result.status() == RunResult.Status.LIMIT_EXCEEDED) {
            registry.counter("optimlab.runs.limits", "limit", tag(result.errorType())).increment();
        }
    }

    @Override
    public void cpu(RunKind kind, Duration used) {
        Timer.builder("optimlab.runs.cpu").description("CPU time programs used, as billed to learners")
                .tag("kind", tag(kind)).register(registry).record(used);
    }

    @Override
    public void rejected(SubmitResult.Reason reason) {
        registry.counter("optimlab.runs.rejections", "reason", tag(reason)).increment();
    }

    @Override
    public void cancelled(CancelCause cause) {
        registry.counter("optimlab.runs.cancellations", "cause", tag(cause)).increment();
    }

    private static String tag(Object value) {
        return String.valueOf(value).toLowerCase(Locale.ROOT);
    }
}
