package dev.optimlab.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A token bucket")
class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(2), now::get);

    @Test
    @DisplayName("lets a full burst through, then refuses with the wait until the next token")
    void burstThenWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake("ada").allowed()).isTrue();
        }
        TokenBucket.Decision refused = bucket.tryTake("ada");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(bucket.tryTake("ada").retryAfter()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    @DisplayName("refills one request per period and never beyond its capacity")
    void refills() {
        for (int i = 0; i < 3; i++) {
            bucket.tryTake("ada");
        }
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(bucket.tryTake("ada").allowed()).isTrue();
        assertThat(bucket.tryTake("ada").allowed()).isFalse();
        now.addAndGet(Duration.ofHours(1).toNanos());
        int passed = 0;
        while (bucket.tryTake("ada").allowed()) {
            passed++;
        }
        assertThat(passed).isEqualTo(3);
    }

    @Test
    @DisplayName("keeps one bucket per caller")
    void perCaller() {
        for (int i = 0; i < 3; i++) {
            bucket.tryTake("ada");
        }
        assertThat(bucket.tryTake("ada").allowed()).isFalse();
        assertThat(bucket.tryTake("grace").allowed()).isTrue();
    }

    @Test
    @DisplayName("refuses a capacity below one")
    void validates() {
        assertThatThrownBy(() -> new TokenBucket(0, Duration.ofSeconds(1), now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("rounds Retry-After up to whole seconds, at least one")
    void retryAfterSeconds() {
        assertThat(new RateLimited(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimited(Duration.ofMillis(1001)).retryAfterSeconds()).isEqualTo(2);
    }
}
