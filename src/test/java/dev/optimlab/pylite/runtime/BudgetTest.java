package dev.optimlab.pylite.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optimlab.pylite.PauseGate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The budget")
class BudgetTest {
    private static Budget budget() {
        return new Budget(10_000, 60_000_000_000L, 1000, 3, 50);
    }

    @Test
    @DisplayName("counts steps and stops at the step limit")
    void steps() {
        Budget b = budget();
        for (int i = 0; i < 5000; i++) {
            b.step();
        }
        assertThat(b.steps()).isEqualTo(5000);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 10_000; i++) {
                b.step();
            }
        }).isInstanceOf(LimitExceeded.class).extracting(e -> ((LimitExceeded) e).kind())
                .isEqualTo(LimitExceeded.Kind.STEPS);
    }

    @Test
    @DisplayName("reports cancellation at the next checkpoint, as host kernels will see it")
    void cancellation() {
        Budget b = budget();
        b.checkpoint();
        b.cancel();
        assertThat(b.isCancelled()).isTrue();
        assertThatThrownBy(b::checkpoint).isInstanceOf(LimitExceeded.class)
                .hasMessage("Your program was stopped");
    }

    @Nested
    @DisplayName("Pause gate")
    class Pausing {
        private final PauseGate gate = new PauseGate();

        /** Runs a checkpoint on a thread of its own, as the program's thread would; completes with its exception. */
        private CompletableFuture<Throwable> checkpointElsewhere(Budget b) {
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    b.checkpoint();
                    ended.complete(null);
                } catch (RuntimeException e) {
                    ended.complete(e);
                }
            });
            return ended;
        }

        @Test
        @DisplayName("parks the program at its next check while closed and lets it on when opened")
        void parksUntilOpened() throws Exception {
            Budget b = new Budget(10_000, 60_000_000_000L, 1000, 3, 50, gate);
            gate.close();
            CompletableFuture<Throwable> ended = checkpointElsewhere(b);

            assertThat(gate.awaitParked(TimeUnit.SECONDS.toNanos(20))).isTrue();
            assertThat(ended).isNotDone();
            gate.open();

            assertThat(ended.get(20, TimeUnit.SECONDS)).isNull();
            assertThat(gate.pausedNanos()).isPositive();
        }

        @Test
        @DisplayName("does not count the time parked against the wall limit")
        void pausedTimeNotCounted() throws Exception {
            Budget b = new Budget(10_000, TimeUnit.MILLISECONDS.toNanos(300), 1000, 3, 50, gate);
            gate.close();
            CompletableFuture<Throwable> ended = checkpointElsewhere(b);
            assertThat(gate.awaitParked(TimeUnit.SECONDS.toNanos(20))).isTrue();
            Thread.sleep(500);
            gate.open();

            assertThat(ended.get(20, TimeUnit.SECONDS)).isNull();
        }

        @Test
        @DisplayName("ends a parked program as cancelled when its owner stops the gate")
        void stopEndsParked() throws Exception {
            Budget b = new Budget(10_000, 60_000_000_000L, 1000, 3, 50, gate);
            gate.close();
            CompletableFuture<Throwable> ended = checkpointElsewhere(b);
            assertThat(gate.awaitParked(TimeUnit.SECONDS.toNanos(20))).isTrue();

            gate.stop();

            assertThat(ended.get(20, TimeUnit.SECONDS)).isInstanceOf(LimitExceeded.class)
                    .extracting(e -> ((LimitExceeded) e).kind()).isEqualTo(LimitExceeded.Kind.CANCELLED);
        }

        @Test
        @DisplayName("ends a parked program as cancelled when it is cancelled, as Stop does")
        void cancelEndsParked() throws Exception {
            Budget b = new Budget(10_000, 60_000_000_000L, 1000, 3, 50, gate);
            gate.close();
            CompletableFuture<Throwable> ended = checkpointElsewhere(b);
            assertThat(gate.awaitParked(TimeUnit.SECONDS.toNanos(20))).isTrue();

            b.cancel();

            assertThat(ended.get(20, TimeUnit.SECONDS)).isInstanceOf(LimitExceeded.class)
                    .hasMessage("Your program was stopped");
        }
    }

    @Nested
    @DisplayName("Memory")
    class Memory {
        @Test
        @DisplayName("refuses a single allocation larger than the limit before it happens")
        void tooLarge() {
            assertThatThrownBy(() -> budget().allocate(1001)).isInstanceOf(LimitExceeded.class)
                    .hasMessageContaining("memory limit");
        }

        @Test
        @DisplayName("forgives dropped memory when the program's live data is small")
        void forgiveness() {
            Budget b = budget();
            b.setLiveBytes(() -> 100);
            assertThatCode(() -> {
                for (int i = 0; i < 100; i++) {
                    b.allocate(100);
                }
            }).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("stops when live data plus the request passes the limit")
        void liveDataCounts() {
            Budget b = budget();
            b.setLiveBytes(() -> 900);
            b.allocate(600);
            assertThatThrownBy(() -> b.allocate(600)).isInstanceOf(LimitExceeded.class);
        }
    }

    @Test
    @DisplayName("limits output and call depth")
    void outputAndDepth() {
        Budget b = budget();
        b.output(50);
        assertThatThrownBy(() -> b.output(1)).extracting(e -> ((LimitExceeded) e).kind())
                .isEqualTo(LimitExceeded.Kind.OUTPUT);
        Budget d = budget();
        d.enterCall();
        d.enterCall();
        d.enterCall();
        d.exitCall();
        d.enterCall();
        assertThatThrownBy(d::enterCall).extracting(e -> ((LimitExceeded) e).kind())
                .isEqualTo(LimitExceeded.Kind.RECURSION);
    }
}
