package dev.optimlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

@DisplayName("The optimlab.runs properties")
class RunPropertiesTest {

    @Test
    @DisplayName("set the fair share: quantum, half-life, light threshold, reserved workers and slice")
    void fairShare() {
        RunProperties properties = new RunProperties(4, 500, Duration.ofSeconds(10), Duration.ofSeconds(5),
                100_000_000L, DataSize.ofMegabytes(128), DataSize.ofMegabytes(64), DataSize.ofMegabytes(1), 0.5, true, 3,
                Duration.ofMillis(20), Duration.ofMinutes(5), Duration.ofSeconds(3), 2, Duration.ofMillis(300));
        RunSettings settings = properties.toSettings(1L << 30);
        assertThat(settings.fairShare()).isEqualTo(new FairShare(Duration.ofMillis(20), Duration.ofMinutes(5),
                Duration.ofSeconds(3), 2, Duration.ofMillis(300)));
        assertThat(settings.reservedWorkers()).isEqualTo(2);
        assertThat(settings.runLimits().maxBytes()).isEqualTo(128L << 20);
        assertThat(settings.submitLimits().maxBytes()).isEqualTo(64L << 20);
        assertThat(settings.memoryCapacityBytes()).isEqualTo(512L << 20);
    }

    @Test
    @DisplayName("never reserve every worker: one always serves everyone")
    void neverReserveAll() {
        RunSettings two = RunSettings.defaults().withWorkers(2).withFairShare(new FairShare(Duration.ofMillis(50),
                Duration.ofMinutes(1), Duration.ofSeconds(2), 5));
        assertThat(two.reservedWorkers()).isEqualTo(1);
        assertThat(two.withWorkers(1).reservedWorkers()).isZero();
    }
}
