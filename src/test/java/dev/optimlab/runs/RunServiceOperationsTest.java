package dev.optimlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

@Timeout(60)
class RunServiceOperationsTest {

    static RunProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("optimlab.runs",
                RunProperties.class);
    }

    @Nested
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("without properties the settings are DESIGN.md's defaults")
        void defaults() {
            RunSettings settings = bind(Map.of()).toSettings(2L << 30);
            assertThat(settings.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(settings.queueCapacity()).isEqualTo(500);
            assertThat(settings.runLimits()).isEqualTo(Limits.defaults());
            assertThat(settings.submitLimits()).isEqualTo(Limits.defaults().withWallTime(Duration.ofSeconds(5))
                    .withMaxBytes(RunSettings.SUBMIT_MEMORY_BYTES));
            assertThat(settings.memoryCapacityBytes()).isEqualTo(1L << 30);
            assertThat(settings.guestsEnabled()).isTrue();
        }

        @Test
        @DisplayName("optimlab.runs.* properties override each setting")
        void overrides() {
            RunSettings settings = bind(Map.of("optimlab.runs.workers", "3", "optimlab.runs.queue-capacity", "7",
                    "optimlab.runs.wall-time-run", "2s", "optimlab.runs.wall-time-submit", "1500ms",
                    "optimlab.runs.steps", "1000", "optimlab.runs.memory", "16MB", "optimlab.runs.output", "10KB",
                    "optimlab.runs.heap-share", "0.25", "optimlab.runs.guests-enabled", "false",
                    "optimlab.runs.guest-runs-per-address", "1")).toSettings(4L << 30);
            assertThat(settings.workers()).isEqualTo(3);
            assertThat(settings.queueCapacity()).isEqualTo(7);
            assertThat(settings.runLimits()).isEqualTo(Limits.defaults().withWallTime(Duration.ofSeconds(2))
                    .withMaxSteps(1000).withMaxBytes(16L << 20).withMaxOutputBytes(10L << 10));
            assertThat(settings.submitLimits().wallTime()).isEqualTo(Duration.ofMillis(1500));
            assertThat(settings.memoryCapacityBytes()).isEqualTo(1L << 30);
            assertThat(settings.guestsEnabled()).isFalse();
            assertThat(settings.guestRunsPerAddress()).isEqualTo(1);
        }

        @Test
        @DisplayName("a Submit's program has a budget of its own, 64 MB unless optimlab.runs.memory-submit says otherwise")
        void submitMemory() {
            assertThat(bind(Map.of("optimlab.runs.memory", "16MB")).toSettings(4L << 30).submitLimits().maxBytes())
                    .isEqualTo(64L << 20);
            assertThat(bind(Map.of("optimlab.runs.memory-submit", "8MB")).toSettings(4L << 30).submitLimits()
                    .maxBytes()).isEqualTo(8L << 20);
        }
    }

    @Nested
    @DisplayName("Metrics and health")
    class MetricsAndHealth {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final Limits small = Limits.defaults().withWallTime(Duration.ofMillis(300)).withMaxBytes(8L << 20);

        @Test
        @DisplayName("runs, CPU billed, limit hits, rejections and cancellations are counted and the queue is a gauge")
        void meters() throws Exception {
            ScriptedExecutor waiting = ScriptedExecutor.waiting();
            try (RunService service = new RunService(RunSettings.defaults().withWorkers(1).withQueueCapacity(1)
                    .withLimits(small, small), waiting, new MicrometerRunMetrics(registry))) {
                RunHandle first = ((SubmitResult.Accepted) service.submit(Learner.member("a"), Program.of("x"),
                        RunKind.SUBMIT)).handle();
                while (first.state() != RunHandle.State.RUNNING) {
                    Thread.sleep(2);
                }
                service.submit(Learner.member("b"), Program.of("y"), RunKind.RUN);
                assertThat(registry.get("optimlab.runs.queue").gauge().value()).isEqualTo(1.0);
                service.submit(Learner.member("c"), Program.of("z"), RunKind.RUN);
                service.submit(Learner.member("a"), Program.of("x"), RunKind.SUBMIT);
                service.cancelAllFor(Learner.member("b"));
                waiting.release();
                first.outcome().get(20, TimeUnit.SECONDS);
            }
            try (RunService service = new RunService(RunSettings.defaults().withWorkers(1).withLimits(small, small),
                    new PyliteExecutor(), new MicrometerRunMetrics(registry))) {
                RunHandle loop = ((SubmitResult.Accepted) service.submit(Learner.member("d"),
                        Program.of("while True:\n    pass\n"), RunKind.RUN)).handle();
                assertThat(loop.outcome().get(20, TimeUnit.SECONDS).status())
                        .isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
            }
            assertThat(registry.get("optimlab.runs.rejections").tag("reason", "server_busy").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("optimlab.runs.rejections").tag("reason", "submission_pending").counter()
                    .count()).isEqualTo(1.0);
            assertThat(registry.get("optimlab.runs.cancellations").tag("cause", "session_ended").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("optimlab.runs.limits").tag("limit", "time").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("optimlab.runs.wait").tag("kind", "submit").timer().count()).isEqualTo(1);
            assertThat(registry.get("optimlab.runs.duration").tag("kind", "submit").tag("status", "ok").timer()
                    .count()).isEqualTo(1);
            assertThat(registry.get("optimlab.runs.cpu").tag("kind", "run").timer().count())
                    .as("only the interpreter reports CPU: the busy loop").isEqualTo(1);
        }

        @Test
        @DisplayName("health is up with the workers and queue while the service runs, and down once its workers are gone")
        void health() {
            RunService service = new RunService(RunSettings.defaults().withWorkers(2), ScriptedExecutor.waiting(),
                    RunMetrics.NONE);
            RunServiceHealthIndicator indicator = new RunServiceHealthIndicator(service);
            Health up = indicator.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("workersAlive", 2).containsEntry("queueLength", 0);
            service.close();
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
