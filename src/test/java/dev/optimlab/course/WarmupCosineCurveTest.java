package dev.optimlab.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WarmupCosineCurveTest {

    private final WarmupCosineCurve curve = new WarmupCosineCurve(0.1, 10, 110);

    @Test
    @DisplayName("warm-up climbs in equal steps to the peak")
    void warmup() {
        assertThat(curve.lr(0)).isCloseTo(0.01, within(1e-12));
        assertThat(curve.lr(4)).isCloseTo(0.05, within(1e-12));
        assertThat(curve.lr(9)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    @DisplayName("the cosine starts at the peak, halves at mid-decay and never rises again")
    void cosineDecay() {
        assertThat(curve.lr(10)).isCloseTo(0.1, within(1e-12));
        assertThat(curve.lr(60)).isCloseTo(0.05, within(1e-12));
        for (int step = 11; step < 110; step++) {
            assertThat(curve.lr(step)).isLessThan(curve.lr(step - 1));
        }
        assertThat(curve.lr(109)).isCloseTo(0.1 * 0.5 * (1 + Math.cos(Math.PI * 99 / 100)), within(1e-15));
    }

    @Test
    @DisplayName("impossible shapes are refused")
    void validation() {
        assertThatThrownBy(() -> new WarmupCosineCurve(0.1, 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarmupCosineCurve(-1, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
