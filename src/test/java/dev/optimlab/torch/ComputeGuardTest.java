package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("The compute guard")
class ComputeGuardTest {

    private static final class Stop extends RuntimeException {
    }

    @Test
    @Timeout(10)
    @DisplayName("stops a 2000x2000 matmul long before it finishes")
    void stopsAHugeMatmul() {
        Tensor a = Torch.ones(2000, 2000);
        AtomicLong seen = new AtomicLong();
        ComputeContext context = new ComputeContext();
        context.setGuard(work -> {
            if (seen.addAndGet(work) > 10_000_000) {
                throw new Stop();
            }
        });
        try (var ignored = ComputeContext.install(context)) {
            assertThatThrownBy(() -> a.mm(a)).isInstanceOf(Stop.class);
        }
        // 8e9 multiply-adds in all; the guard saw about 1e7 before stopping it.
        assertThat(seen.get()).isBetween(10_000_000L, 20_000_000L);
    }

    @Test
    @DisplayName("is told about element-wise work in blocks, including one huge contiguous row")
    void countsElementwiseWork() {
        AtomicLong seen = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        ComputeContext context = new ComputeContext();
        context.setGuard(work -> {
            seen.addAndGet(work);
            calls.incrementAndGet();
        });
        Tensor big = Torch.ones(1_000_000);
        try (var ignored = ComputeContext.install(context)) {
            big.mul(2.0).add(big).sum();
        }
        assertThat(seen.get()).isGreaterThanOrEqualTo(3_000_000L);
        assertThat(calls.get()).isGreaterThan(40);
    }

    @Test
    @DisplayName("belongs to the run that installed it and is gone when the run's scope closes")
    void scoped() {
        ComputeContext context = new ComputeContext();
        context.setGuard(work -> {
            throw new Stop();
        });
        try (var ignored = ComputeContext.install(context)) {
            assertThatThrownBy(() -> Torch.ones(10).add(1.0)).isInstanceOf(Stop.class);
        }
        assertThat(Torch.ones(10).add(1.0).numel()).isEqualTo(10);
    }
}
