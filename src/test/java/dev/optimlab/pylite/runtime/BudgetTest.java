package dev.optimlab.pylite.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
